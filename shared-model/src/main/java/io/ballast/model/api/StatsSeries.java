package io.ballast.model.api;

import java.util.List;

/**
 * The points of one service ({@code realServer} null) or one real server of it.
 *
 * @param service    service key text
 * @param realServer real server key text, or null for the service's total
 */
public record StatsSeries(String service, String realServer, List<StatsPoint> points) {

    public StatsSeries {
        points = List.copyOf(points);
    }
}
