package io.ballast.app.testsupport;

import io.ballast.app.connection.AgentException;
import io.ballast.app.connection.AgentStatus;
import io.ballast.app.editing.apply.DirectorAgent;
import io.ballast.model.ClusterSpec;
import io.ballast.model.api.Role;
import io.ballast.model.json.SpecCodec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Two real agents of an HA pair on loopback addresses (userspace plane, lab failover engine), lb-a the
 * master (priority 150), lb-b the backup. A random 127.0.0.x block per run keeps parallel runs apart.
 */
public final class AgentPair implements AutoCloseable {

    public final String masterAddress;
    public final String backupAddress;
    /** The address the services listen on (on the master only). */
    public final String vip;
    public final int vipPort;
    public final ClusterSpec initial;
    /** The real servers' keys: on the master's loopback address, ports 9101 and 9102 (nothing listens unless a test starts it). */
    public final String web1;
    public final String web2;
    public final AgentProcess master;
    public final AgentProcess backup;

    public AgentPair(Path dir) throws Exception {
        AgentProcess.requireJar();
        int base = ThreadLocalRandom.current().nextInt(20, 80) * 3;
        masterAddress = "127.0.0." + base;
        backupAddress = "127.0.0." + (base + 1);
        vip = "127.0.0." + (base + 2);
        vipPort = AgentProcess.freePort(vip);
        web1 = masterAddress + ":9101";
        web2 = masterAddress + ":9102";
        int masterPort = AgentProcess.freePort(masterAddress);
        int backupPort = AgentProcess.freePort(backupAddress);
        int masterVrrp = AgentProcess.freePort(masterAddress);
        int backupVrrp = AgentProcess.freePort(backupAddress);
        initial = SpecCodec.read("""
                {"schemaVersion": 1, "name": "edit-pair", "form": "HA_PAIR", "revision": 1,
                 "directors": [
                   {"id": "lb-a", "address": "%1$s", "agentEndpoint": "https://%1$s:%3$d", "priority": 150, "iface": "lo"},
                   {"id": "lb-b", "address": "%2$s", "agentEndpoint": "https://%2$s:%4$d", "priority": 100, "iface": "lo"}],
                 "virtualServices": [
                   {"name": "web", "protocol": "TCP", "address": "%5$s", "port": %6$d, "scheduler": "rr", "forwarding": "nat",
                    "realServers": [
                      {"name": "web-1", "address": "%1$s", "port": 9101, "weight": 1},
                      {"name": "web-2", "address": "%1$s", "port": 9102, "weight": 1}]}],
                 "failover": {"vrid": 51, "advertIntervalMs": 100, "preempt": true, "preemptDelaySeconds": 0,
                              "connectionSync": false}}
                """.formatted(masterAddress, backupAddress, masterPort, backupPort, vip, vipPort));
        master = start(dir.resolve("lb-a"), "lb-a", masterAddress, masterPort, masterVrrp, backupAddress + ":" + backupVrrp);
        AgentProcess started;
        try {
            started = start(dir.resolve("lb-b"), "lb-b", backupAddress, backupPort, backupVrrp,
                    masterAddress + ":" + masterVrrp);
        } catch (Exception e) {
            master.close();
            throw e;
        }
        backup = started;
        try {
            awaitRoles();
        } catch (Exception | AssertionError e) {
            close();
            throw e;
        }
    }

    private AgentProcess start(Path dir, String id, String address, int port, int vrrpPort, String peer) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("spec.json"), SpecCodec.write(initial));
        return AgentProcess.start(dir, """
                {"nodeId": "%s", "listenAddress": "%s", "listenPort": %d, "stateDir": "state",
                 "dataPlane": "userspace", "failoverEngine": "lab",
                 "failoverSettings": {"bind": "%s:%d", "peers": "%s"},
                 "initialSpec": "spec.json", "reconcileIntervalSeconds": 2}
                """.formatted(id, address, port, address, vrrpPort, peer));
    }

    private void awaitRoles() throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        String seen = "no answer yet";
        while (true) {
            try {
                AgentStatus a = master.client().status();
                AgentStatus b = backup.client().status();
                if (a.role() == Role.MASTER && b.role() == Role.BACKUP) {
                    return;
                }
                seen = "lb-a " + a.role() + ", lb-b " + b.role();
            } catch (AgentException e) {
                // A loaded machine may be slow to accept the first connections: keep asking until the deadline.
                seen = e.getMessage();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the pair did not elect lb-a master within 60 s (" + seen + ")"
                        + "\nlb-a:\n" + master.output() + "\nlb-b:\n" + backup.output());
            }
            Thread.sleep(100);
        }
    }

    /** Both directors as the client sees them, based on the revision each reports now. */
    public List<DirectorAgent> agents() throws AgentException {
        return List.of(new DirectorAgent("lb-a", master.client(), master.client().status().revision()),
                new DirectorAgent("lb-b", backup.client(), backup.client().status().revision()));
    }

    @Override
    public void close() {
        if (backup != null) {
            backup.close();
        }
        master.close();
    }
}
