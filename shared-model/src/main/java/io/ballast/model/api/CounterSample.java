package io.ballast.model.api;

/**
 * Counters of one service ({@code realServer} null) or of one real server of it.
 *
 * @param service    service key, e.g. "tcp/203.0.113.10:80"
 * @param realServer real server key, e.g. "198.51.100.21:80", or null for the service's total
 * @param counters   cumulative counters
 * @param rates      the plane's own per-second rates, or null when it keeps none (only IPVS does)
 */
public record CounterSample(String service, String realServer, Counters counters, Rates rates) {

    /** A sample without rates. */
    public CounterSample(String service, String realServer, Counters counters) {
        this(service, realServer, counters, null);
    }
}
