package io.ballast.app.lab;

import java.util.List;
import java.util.Map;

/**
 * Where a {@link Lab}'s processes run and how they are wired: on loopback as a normal user
 * ({@link LoopbackHost}), or, as root on Linux, in network namespaces with the kernel's data plane
 * and keepalived ({@code lab.kernel}). The lab starts and stops the processes; the host says how.
 */
public interface LabHost extends AutoCloseable {

    /** Node name of the traffic generator, for {@link #command}. */
    String CLIENT = "client";

    LabLayout layout();

    /** The VRRP advert interval the lab's spec asks for. */
    int advertIntervalMs();

    /** The argv that runs {@code argv} on {@code node} (a director id, a real server id, or {@link #CLIENT}). */
    List<String> command(String node, List<String> argv);

    /**
     * The data-plane and failover-engine part of a director's agent config.
     *
     * @param peerFingerprints each other director's certificate fingerprint, when {@link #watchesPeers()}
     */
    Map<String, Object> agentSettings(LabLayout.DirectorSlot self, Map<String, String> peerFingerprints);

    /** Whether agents read their peers' status (they then need each other's fingerprints before they start). */
    boolean watchesPeers();

    /** Where a real server that answers on {@code address} binds. */
    String bindAddress(String address);

    /** After a director's agent got SIGKILL: whatever else a crash of that machine means here. */
    void crashed(String directorId);

    /** Before a crashed director starts again: bring the machine back as after a reboot. */
    void reviving(String directorId);

    /** Processes of the host itself, or left behind in it, that still run (besides the lab's own). */
    List<Long> pids();

    /** One line for the operator: where the lab runs. */
    String describe();

    /** Removes what the host made (nothing is left running in it afterwards). */
    @Override
    void close();
}
