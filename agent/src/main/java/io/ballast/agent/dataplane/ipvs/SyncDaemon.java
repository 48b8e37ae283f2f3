package io.ballast.agent.dataplane.ipvs;

import io.ballast.agent.dataplane.DataPlaneException;

/**
 * The IPVS connection-sync daemon ({@code ipvsadm --start-daemon master|backup --syncid N}), on when
 * the cluster synchronises connections. The master daemon sends this director's connections; the
 * backup daemon receives the peer's. The daemon follows the director's role: master while active,
 * backup while standing by, so a standby already holds the connections when it takes over.
 */
public final class SyncDaemon {

    private final Ipvsadm ipvsadm;
    private final int syncId;
    private final String iface;
    private final boolean enabled;
    private String running;

    /** {@code enabled} false makes every call a no-op (connection sync off). */
    public SyncDaemon(Ipvsadm ipvsadm, boolean enabled, int syncId, String iface) {
        this.ipvsadm = ipvsadm;
        this.enabled = enabled;
        this.syncId = syncId;
        this.iface = iface;
    }

    public synchronized void follow(boolean active) throws DataPlaneException {
        if (!enabled) {
            return;
        }
        String wanted = active ? "master" : "backup";
        if (wanted.equals(running)) {
            return;
        }
        String other = active ? "backup" : "master";
        if (ipvsadm.daemonListing().contains(other + " sync daemon")) {
            ipvsadm.run(IpvsadmCommandBuilder.stopSyncDaemon(other));
        }
        if (!ipvsadm.daemonListing().contains(wanted + " sync daemon")) {
            ipvsadm.run(IpvsadmCommandBuilder.startSyncDaemon(wanted, syncId, iface));
        }
        running = wanted;
    }
}
