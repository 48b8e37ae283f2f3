package io.ballast.app.editing.job;

import io.ballast.model.ClusterSpec;
import io.ballast.model.RealServer;
import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Adds N real servers to a service in one step, from copied servers or from pasted text. When any
 * line is bad, or a server is already there, nothing is added and {@link #problems()} says why.
 */
public final class PasteRealServersJob extends SpecTransformJob {

    private final ServiceKey service;
    private final List<RealServer> servers;
    private final List<String> problems;

    public PasteRealServersJob(SpecDocument document, ServiceKey service, List<RealServer> servers) {
        super(document);
        this.service = service;
        this.servers = List.copyOf(servers);
        this.problems = duplicates(document.spec(), service, this.servers);
    }

    /** Parses {@code text} with {@link RealServerLines}; bad lines make the job non-executable. */
    public static PasteRealServersJob fromText(SpecDocument document, ServiceKey service, String text) {
        RealServerLines.Parsed parsed = RealServerLines.parse(text);
        PasteRealServersJob job = new PasteRealServersJob(document, service, parsed.servers());
        if (parsed.ok()) {
            return job;
        }
        return new PasteRealServersJob(document, service, List.of(), parsed.problems());
    }

    private PasteRealServersJob(SpecDocument document, ServiceKey service, List<RealServer> servers, List<String> problems) {
        super(document);
        this.service = service;
        this.servers = List.copyOf(servers);
        this.problems = List.copyOf(problems);
    }

    /** Why nothing would be pasted; empty when the job can run. */
    public List<String> problems() {
        return problems;
    }

    public List<RealServer> servers() {
        return servers;
    }

    @Override
    protected ClusterSpec transform(ClusterSpec spec) {
        int index = SpecEdits.serviceIndex(spec, service);
        if (!problems.isEmpty() || servers.isEmpty() || index < 0) {
            return null;
        }
        VirtualService target = spec.virtualServices().get(index);
        if (!duplicates(spec, service, servers).isEmpty()) {
            return null;
        }
        return SpecEdits.withService(spec, index, SpecEdits.plusServers(target, servers));
    }

    @Override
    public String description() {
        return "Paste " + servers.size() + " real server" + (servers.size() == 1 ? "" : "s") + " into "
                + AddRealServerJob.serviceLabel(document().spec(), service);
    }

    private static List<String> duplicates(ClusterSpec spec, ServiceKey service, List<RealServer> servers) {
        List<String> found = new ArrayList<>();
        int index = SpecEdits.serviceIndex(spec, service);
        if (index < 0) {
            found.add("the service " + service + " is not in the spec any more");
            return found;
        }
        VirtualService target = spec.virtualServices().get(index);
        Set<String> seen = new HashSet<>();
        for (RealServer server : servers) {
            if (SpecEdits.serverIndex(target, server.key()) >= 0) {
                found.add(server.key() + " is already a real server of " + SpecEdits.label(target));
            } else if (!seen.add(server.key())) {
                found.add(server.key() + " is pasted twice");
            }
        }
        return found;
    }
}
