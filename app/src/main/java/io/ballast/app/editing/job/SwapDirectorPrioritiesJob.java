package io.ballast.app.editing.job;

import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;

/** Swaps two directors' VRRP priorities, which decides which one is master (a director dropped on the other). */
public final class SwapDirectorPrioritiesJob extends SpecTransformJob {

    private final String first;
    private final String second;

    public SwapDirectorPrioritiesJob(SpecDocument document, String first, String second) {
        super(document);
        this.first = first;
        this.second = second;
    }

    @Override
    protected ClusterSpec transform(ClusterSpec spec) {
        int a = SpecEdits.directorIndex(spec, first);
        int b = SpecEdits.directorIndex(spec, second);
        if (a < 0 || b < 0 || a == b) {
            return null;
        }
        Director da = spec.directors().get(a);
        Director db = spec.directors().get(b);
        ClusterSpec swapped = SpecEdits.withDirector(spec, a,
                new Director(da.id(), da.address(), da.agentEndpoint(), db.priority(), da.iface()));
        return SpecEdits.withDirector(swapped, b,
                new Director(db.id(), db.address(), db.agentEndpoint(), da.priority(), db.iface()));
    }

    @Override
    public String description() {
        return "Swap the priorities of directors " + first + " and " + second;
    }
}
