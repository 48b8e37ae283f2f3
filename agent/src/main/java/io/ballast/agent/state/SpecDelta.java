package io.ballast.agent.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ballast.model.ClusterSpec;
import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One revision as a change to the revision before it: the spec's own fields ({@code header}, with no
 * services) and its service list as runs of services kept from the previous revision and services
 * given in full. A PATCH of one weight is one changed service: a few kilobytes instead of the
 * whole spec.
 *
 * @param header   the new revision without its services (revision number included)
 * @param services the new service list, in order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SpecDelta(ClusterSpec header, List<Segment> services) {

    /**
     * Either {@code keep} services of the previous revision from index {@code from}, or one service {@code put} in full.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Segment(Integer from, Integer keep, VirtualService put) {
    }

    SpecDelta {
        services = List.copyOf(services);
    }

    /** The change from {@code before} to {@code after}; services equal to one of {@code before} are referred to, not copied. */
    static SpecDelta between(ClusterSpec before, ClusterSpec after) {
        List<VirtualService> old = before.virtualServices();
        Map<ServiceKey, Integer> oldIndex = null;
        List<Segment> segments = new ArrayList<>();
        int runFrom = -1;
        int runLength = 0;
        List<VirtualService> next = after.virtualServices();
        for (int i = 0; i < next.size(); i++) {
            VirtualService vs = next.get(i);
            int found = -1;
            // A PATCH keeps every other service as the same instance, so this is one comparison per service.
            if (i < old.size() && (old.get(i) == vs || old.get(i).equals(vs))) {
                found = i;
            } else {
                if (oldIndex == null) {
                    oldIndex = index(old);
                }
                Integer j = oldIndex.get(vs.key());
                if (j != null && old.get(j).equals(vs)) {
                    found = j;
                }
            }
            if (found >= 0 && runLength > 0 && runFrom + runLength == found) {
                runLength++;
                continue;
            }
            if (runLength > 0) {
                segments.add(new Segment(runFrom, runLength, null));
                runLength = 0;
            }
            if (found >= 0) {
                runFrom = found;
                runLength = 1;
            } else {
                segments.add(new Segment(null, null, vs));
            }
        }
        if (runLength > 0) {
            segments.add(new Segment(runFrom, runLength, null));
        }
        return new SpecDelta(after.withVirtualServices(List.of()), segments);
    }

    /** The revision this delta describes, built on {@code previous} (the revision before it). */
    ClusterSpec applyTo(ClusterSpec previous) throws IOException {
        List<VirtualService> old = previous.virtualServices();
        List<VirtualService> services = new ArrayList<>(old.size() + 1);
        for (Segment s : this.services) {
            if (s.put() != null) {
                services.add(s.put());
            } else if (s.from() != null && s.keep() != null && s.from() >= 0 && s.keep() > 0
                    && s.from() + s.keep() <= old.size()) {
                services.addAll(old.subList(s.from(), s.from() + s.keep()));
            } else {
                throw new IOException("revision " + header.revision() + " refers to services " + s.from() + ".."
                        + (s.from() == null || s.keep() == null ? "?" : s.from() + s.keep() - 1) + " of revision "
                        + previous.revision() + ", which has " + old.size());
            }
        }
        return header.withVirtualServices(services);
    }

    long revision() {
        return header.revision();
    }

    private static Map<ServiceKey, Integer> index(List<VirtualService> services) {
        Map<ServiceKey, Integer> index = new HashMap<>(services.size() * 2);
        for (int i = 0; i < services.size(); i++) {
            index.putIfAbsent(services.get(i).key(), i);
        }
        return index;
    }
}
