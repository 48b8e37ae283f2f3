package io.ballast.app.lab;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The lab as a normal user runs it on any OS: every process on loopback, agents with the userspace
 * plane and the lab failover engine (VRRP-like adverts over loopback UDP). Nothing here needs root.
 */
public final class LoopbackHost implements LabHost {

    private final LabForm form;
    private final LabLayout layout;

    public LoopbackHost(LabForm form, int realServers) {
        this.form = form;
        this.layout = LabLayout.plan(form, realServers);
    }

    @Override
    public LabLayout layout() {
        return layout;
    }

    @Override
    public int advertIntervalMs() {
        return LabSpecs.ADVERT_MS;
    }

    @Override
    public List<String> command(String node, List<String> argv) {
        return argv;
    }

    @Override
    public Map<String, Object> agentSettings(LabLayout.DirectorSlot self, Map<String, String> peerFingerprints) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("dataPlane", "userspace");
        if (form == LabForm.SINGLE) {
            settings.put("failoverEngine", "single");
            return settings;
        }
        List<String> peers = new ArrayList<>();
        for (LabLayout.DirectorSlot other : layout.directors()) {
            if (!other.id().equals(self.id())) {
                peers.add(other.address() + ":" + other.advertPort());
            }
        }
        settings.put("failoverEngine", "lab");
        settings.put("failoverSettings", Map.of("bind", self.address() + ":" + self.advertPort(),
                "peers", String.join(",", peers)));
        return settings;
    }

    @Override
    public boolean watchesPeers() {
        return false;
    }

    @Override
    public String bindAddress(String address) {
        return address;
    }

    @Override
    public void crashed(String directorId) {
        // A process is all a loopback director is: its SIGKILL was the whole crash.
    }

    @Override
    public void reviving(String directorId) {
        // Nothing outlives the process on loopback.
    }

    @Override
    public List<Long> pids() {
        return List.of();
    }

    @Override
    public String describe() {
        return "on loopback";
    }

    @Override
    public void close() {
        // The lab stops its processes; loopback needs no cleaning.
    }
}
