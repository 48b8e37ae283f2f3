package io.ballast.model.validate;

import io.ballast.model.ClusterForm;
import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What each cluster form demands of its directors and failover settings. */
final class FormRules {

    private FormRules() {
    }

    static void check(ClusterSpec spec, Problems problems) {
        ClusterForm form = spec.form();
        List<Director> directors = spec.directors();
        if (form == null) {
            problems.add("/form", "is missing; must be SINGLE, HA_PAIR or STREAMLINE");
            return;
        }
        switch (form) {
            case SINGLE:
                if (directors.size() != 1) {
                    problems.add("/directors", "a SINGLE cluster has exactly one director; found " + directors.size()
                            + " (use HA_PAIR for two directors)");
                }
                break;
            case HA_PAIR:
                if (directors.size() != 2) {
                    problems.add("/directors", "an HA_PAIR cluster has exactly two directors, a master and a standby;"
                            + " found " + directors.size());
                }
                checkPriorities(directors, problems);
                requireFailover(spec, problems);
                break;
            case STREAMLINE:
                if (directors.size() < 2) {
                    problems.add("/directors", "a STREAMLINE cluster needs two or more nodes that are both directors"
                            + " and real servers; found " + directors.size());
                }
                checkPriorities(directors, problems);
                requireFailover(spec, problems);
                StreamlineRules.check(spec, problems);
                break;
            default:
                throw new AssertionError(form);
        }
    }

    // VRRP elects the highest priority; equal priorities fall back to comparing addresses, which no operator expects.
    private static void checkPriorities(List<Director> directors, Problems problems) {
        Map<Integer, Integer> firstWithPriority = new HashMap<>();
        for (int i = 0; i < directors.size(); i++) {
            int priority = directors.get(i).priority();
            String path = "/directors/" + i + "/priority";
            if (priority < 1 || priority > 254) {
                problems.add(path, "must be between 1 and 254 (VRRP priority; the highest is master); it is " + priority);
                continue;
            }
            Integer first = firstWithPriority.putIfAbsent(priority, i);
            if (first != null) {
                problems.add(path, "equals the priority of /directors/" + first + " (" + priority + "); give each"
                        + " director its own priority, the master the highest (for example 150 and 100)");
            }
        }
    }

    private static void requireFailover(ClusterSpec spec, Problems problems) {
        if (spec.failover() == null) {
            problems.add("/failover", "an " + spec.form() + " cluster moves its VIPs between directors and needs failover"
                    + " settings (at least vrid and advertIntervalMs)");
        }
    }
}
