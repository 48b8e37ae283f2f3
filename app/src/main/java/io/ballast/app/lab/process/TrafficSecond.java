package io.ballast.app.lab.process;

import java.util.Map;

/**
 * What the traffic generator saw in one second; printed as one JSON line for the lab to read.
 *
 * @param atMillis      end of the second
 * @param ok            requests answered with 2xx
 * @param failed        refused, timed out or answered with an error
 * @param byServer      successful answers per real server identity
 * @param longestGapMs  longest time without a successful answer so far in the run
 */
public record TrafficSecond(long atMillis, int ok, int failed, Map<String, Integer> byServer, long longestGapMs) {
}
