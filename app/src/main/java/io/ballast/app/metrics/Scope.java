package io.ballast.app.metrics;

/**
 * What a series measures: the whole cluster, one service, or one real server of a service.
 *
 * @param service    service key ("tcp/203.0.113.10:80"), null for the cluster
 * @param realServer real server key ("198.51.100.21:80"), null for the cluster or a service total
 */
public record Scope(String service, String realServer) {

    public static final Scope CLUSTER = new Scope(null, null);

    public static Scope service(String service) {
        return new Scope(service, null);
    }

    public static Scope realServer(String service, String realServer) {
        return new Scope(service, realServer);
    }

    public boolean isCluster() {
        return service == null;
    }

    public boolean isRealServer() {
        return realServer != null;
    }

    /** Operator's label: "cluster", the service key, or "service → real server". */
    public String label() {
        if (isCluster()) {
            return "Whole cluster";
        }
        return isRealServer() ? service + " → " + realServer : service;
    }
}
