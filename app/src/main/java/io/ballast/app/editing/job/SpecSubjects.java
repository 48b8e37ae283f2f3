package io.ballast.app.editing.job;

import io.ballast.model.ClusterSpec;
import io.ballast.model.VirtualService;

/** Names the record a JSON pointer points into, as an operator calls it ("real server web-2", "director lb-a"). */
public final class SpecSubjects {

    private SpecSubjects() {
    }

    public static String of(ClusterSpec spec, String pointer) {
        String[] steps = pointer.split("/");
        try {
            if (steps.length > 2 && steps[1].equals("virtualServices")) {
                VirtualService service = spec.virtualServices().get(Integer.parseInt(steps[2]));
                if (steps.length > 4 && steps[3].equals("realServers")) {
                    return "real server " + SpecEdits.label(service.realServers().get(Integer.parseInt(steps[4])));
                }
                return "virtual service " + SpecEdits.label(service);
            }
            if (steps.length > 2 && steps[1].equals("directors")) {
                return "director " + spec.directors().get(Integer.parseInt(steps[2])).id();
            }
            if (steps.length > 1 && steps[1].equals("failover")) {
                return "failover";
            }
        } catch (IndexOutOfBoundsException | NumberFormatException e) {
            return pointer;
        }
        return "cluster " + spec.name();
    }
}
