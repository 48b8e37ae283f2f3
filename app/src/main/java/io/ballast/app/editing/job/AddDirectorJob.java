package io.ballast.app.editing.job;

import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.FailoverDefaults;
import io.ballast.model.FailoverSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Adds a director (dragged out of the palette). A SINGLE cluster becomes an HA_PAIR: the director it
 * had stays master, the new one is its standby (priority 50 lower, same interface), and the pair gets
 * the product's failover defaults unless it had settings already. A STREAMLINE cluster gets one more
 * node. An HA_PAIR has its two directors already: refused. The new director's address and agent
 * endpoint are left empty on purpose: only the operator knows them, and the Validator says so inline.
 */
public final class AddDirectorJob extends SpecTransformJob {

    /** The virtual router id a pair made from a SINGLE cluster starts with; the operator may change it. */
    public static final int DEFAULT_VRID = 51;
    /** The master's priority when the single director had none valid for VRRP (1–254). */
    static final int MASTER_PRIORITY = 150;
    static final int STANDBY_GAP = 50;

    private final String addedId;

    public AddDirectorJob(SpecDocument document) {
        super(document);
        addedId = newId(document.spec());
    }

    /** Why a director cannot be added to {@code spec}, or null when it can. */
    public static String refusal(ClusterSpec spec) {
        if (spec.form() == ClusterForm.HA_PAIR && spec.directors().size() >= 2) {
            return "An HA_PAIR has its two directors already; drag one director onto the other to swap master and standby";
        }
        if (spec.form() == ClusterForm.SINGLE && spec.directors().size() != 1) {
            return "A SINGLE cluster becomes a pair only from exactly one director; it has " + spec.directors().size();
        }
        return null;
    }

    @Override
    protected ClusterSpec transform(ClusterSpec spec) {
        if (refusal(spec) != null) {
            return null;
        }
        List<Director> directors = new ArrayList<>(spec.directors());
        String id = SpecEdits.directorIndex(spec, addedId) < 0 ? addedId : newId(spec);
        if (spec.form() == ClusterForm.SINGLE) {
            Director master = directors.get(0);
            int priority = master.priority() > STANDBY_GAP && master.priority() <= 254 ? master.priority() : MASTER_PRIORITY;
            directors.set(0, new Director(master.id(), master.address(), master.agentEndpoint(), priority, master.iface()));
            directors.add(new Director(id, "", "", priority - STANDBY_GAP, master.iface()));
            FailoverSettings failover = spec.failover() != null ? spec.failover() : FailoverDefaults.settings(DEFAULT_VRID);
            return new ClusterSpec(spec.schemaVersion(), spec.name(), ClusterForm.HA_PAIR, spec.revision(), directors,
                    spec.virtualServices(), failover);
        }
        int lowest = directors.stream().mapToInt(Director::priority).min().orElse(MASTER_PRIORITY + 1);
        String iface = directors.isEmpty() ? null : directors.get(directors.size() - 1).iface();
        directors.add(new Director(id, "", "", Math.max(1, lowest - 1), iface));
        FailoverSettings failover = spec.failover() != null ? spec.failover() : FailoverDefaults.settings(DEFAULT_VRID);
        return new ClusterSpec(spec.schemaVersion(), spec.name(), spec.form(), spec.revision(), directors,
                spec.virtualServices(), failover);
    }

    /** The id the new director gets. */
    public String addedId() {
        return addedId;
    }

    /** "lb-a" is followed by "lb-b", "node-1" by "node-2"; anything else by "&lt;id&gt;-standby". Always unused. */
    static String newId(ClusterSpec spec) {
        String last = spec.directors().isEmpty() ? "lb-a" : spec.directors().get(spec.directors().size() - 1).id();
        String candidate = successor(last == null ? "lb" : last);
        for (int n = 2; SpecEdits.directorIndex(spec, candidate) >= 0; n++) {
            candidate = successor(last == null ? "lb" : last) + "-" + n;
        }
        return candidate;
    }

    private static String successor(String id) {
        char end = id.isEmpty() ? ' ' : id.charAt(id.length() - 1);
        String stem = id.substring(0, Math.max(0, id.length() - 1));
        if (end >= 'a' && end < 'z') {
            return stem + (char) (end + 1);
        }
        if (end >= '0' && end < '9') {
            return stem + (char) (end + 1);
        }
        return id + "-standby";
    }

    @Override
    public String description() {
        return "Add director " + addedId;
    }
}
