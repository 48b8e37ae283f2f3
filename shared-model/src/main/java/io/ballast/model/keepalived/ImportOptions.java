package io.ballast.model.keepalived;

/**
 * How to read a keepalived.conf into a cluster.
 *
 * @param clusterName the new cluster's name; null takes the director's router_id
 * @param configId    keepalived's config id ({@code keepalived -i ID}, by default the host name): lines
 *                    prefixed {@code @ID} are read, {@code @OTHER} skipped. Null reports every
 *                    conditional line as unsupported, since it is unknown which machine the file is for.
 */
public record ImportOptions(String clusterName, String configId) {

    public static ImportOptions defaults() {
        return new ImportOptions(null, null);
    }
}
