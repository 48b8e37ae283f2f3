package io.ballast.agent.dataplane.ipvs;

import com.fasterxml.jackson.core.type.TypeReference;
import io.ballast.model.AdminState;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.OsType;
import io.ballast.model.RealServer;
import io.ballast.model.ServiceKey;
import io.ballast.model.VirtualService;
import io.ballast.model.json.SpecCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the kernel cannot hold: each service's default forwarding and sorry server, and each real
 * server's label, OS, admin state and whether its forwarding was its own or the service's. Kept in
 * one file in the agent's state directory and used only to decorate what the kernel says: for
 * every kernel field (addresses, scheduler, weights, thresholds, forwarding) the kernel wins, so a
 * stale or lost file costs only labels, never correctness.
 */
public final class TableRecord {

    static final String FILE_NAME = "ipvs-table.json";
    private static final TypeReference<List<VirtualService>> TYPE = new TypeReference<>() {
    };

    private final Path file;
    private boolean damaged;

    public TableRecord(Path stateDir) {
        this.file = stateDir == null ? null : stateDir.resolve(FILE_NAME);
    }

    /** The recorded table, or an empty one if there is none or it cannot be read. */
    public Map<ServiceKey, VirtualService> load() {
        Map<ServiceKey, VirtualService> out = new HashMap<>();
        damaged = false;
        if (file == null || !Files.isRegularFile(file)) {
            return out;
        }
        try {
            for (VirtualService service : SpecCodec.mapper().readValue(file.toFile(), TYPE)) {
                out.put(service.key(), service);
            }
        } catch (IOException | RuntimeException e) {
            // A damaged record only loses labels; the kernel table stays the truth.
            damaged = true;
            return new HashMap<>();
        }
        return out;
    }

    /** True if the last {@link #load} found a file it could not read: the next save should replace it. */
    public boolean damaged() {
        return damaged;
    }

    /** Writes the entries of {@code table} (see {@link #entry}), atomically: see {@link #write}. */
    public void save(Collection<VirtualService> table) throws IOException {
        List<VirtualService> entries = new ArrayList<>();
        for (VirtualService service : table) {
            VirtualService entry = entry(service);
            if (entry != null) {
                entries.add(entry);
            }
        }
        write(entries);
    }

    /** Writes entries as they are, atomically (temporary file, then rename): a crash leaves the old or the new. */
    public void write(Collection<VirtualService> entries) throws IOException {
        if (file == null) {
            return;
        }
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
        SpecCodec.mapper().writeValue(temporary.toFile(), entries);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        damaged = false;
    }

    /**
     * What the record holds for {@code service}: the service with only its real servers that have
     * something of their own ({@link #slim}), or null when it reads back identically without an entry.
     * Costs no allocation for a plain service, so a plan's services can be checked one by one.
     */
    static VirtualService entry(VirtualService service) {
        if (service.sorryServer() == null && !hasLabelledServer(service)
                && (service.forwarding() == ForwardingMethod.NAT || !service.realServers().isEmpty())) {
            return null;
        }
        VirtualService slim = slim(service);
        return readsBackWithoutEntry(service, slim) ? null : slim;
    }

    private static boolean hasLabelledServer(VirtualService service) {
        List<RealServer> servers = service.realServers();
        for (int i = 0; i < servers.size(); i++) {
            if (labelled(servers.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean labelled(RealServer server) {
        return server.name() != null || server.os() != OsType.LINUX || server.state() != AdminState.ACTIVE
                || server.forwarding() != null;
    }

    /**
     * Only what the kernel cannot give back: a real server with no label, the default OS and state and
     * the service's forwarding reads back the same without an entry, so it gets none (most of a large table).
     */
    static VirtualService slim(VirtualService service) {
        List<RealServer> labelled = new ArrayList<>();
        for (RealServer server : service.realServers()) {
            if (labelled(server)) {
                labelled.add(server);
            }
        }
        return service.withRealServers(labelled);
    }

    /**
     * True if {@link #decorate} gives the service back as it is without any entry: no sorry server, no
     * real server with something of its own, and a default forwarding that the kernel's destinations
     * show as the commonest (NAT when there are none). A generated table of thousands of plain services
     * then costs an empty file, not a second serialisation of the table after every full apply.
     */
    static boolean readsBackWithoutEntry(VirtualService service, VirtualService slim) {
        return service.sorryServer() == null && slim.realServers().isEmpty()
                && (service.forwarding() == ForwardingMethod.NAT || !service.realServers().isEmpty());
    }

    /** The kernel's service with what the record adds; the sorry destination, if present, folded back. */
    public static VirtualService decorate(VirtualService kernel, VirtualService recorded) {
        ForwardingMethod serviceDefault = recorded != null ? recorded.forwarding() : mostCommonForwarding(kernel);
        Map<String, RealServer> known = new HashMap<>();
        if (recorded != null) {
            for (RealServer server : recorded.realServers()) {
                known.put(server.key(), server);
            }
        }
        String sorryEndpoint = recorded != null && recorded.sorryServer() != null
                ? recorded.sorryServer().endpoint() : null;
        List<RealServer> servers = new ArrayList<>(kernel.realServers().size());
        for (RealServer server : kernel.realServers()) {
            if (server.key().equals(sorryEndpoint) && !known.containsKey(server.key())) {
                continue;
            }
            RealServer label = known.get(server.key());
            ForwardingMethod own = server.forwarding();
            ForwardingMethod forwarding = own;
            if (label != null ? label.forwarding() == null && own == serviceDefault : own == serviceDefault) {
                forwarding = null;
            }
            servers.add(new RealServer(label == null ? null : label.name(), server.address(), server.port(),
                    server.weight(), forwarding, server.upperThreshold(), server.lowerThreshold(),
                    label == null ? null : label.os(), label == null ? null : label.state()));
        }
        return new VirtualService(null, kernel.protocol(), kernel.address(), kernel.port(), kernel.firewallMark(),
                kernel.firewallMark() == null ? null : kernel.addressFamily(), kernel.scheduler(),
                kernel.schedulerFlags(), kernel.persistence(), serviceDefault,
                recorded == null ? null : recorded.sorryServer(), null, servers);
    }

    private static ForwardingMethod mostCommonForwarding(VirtualService kernel) {
        Map<ForwardingMethod, Integer> counts = new EnumMap<>(ForwardingMethod.class);
        for (RealServer server : kernel.realServers()) {
            counts.merge(server.forwarding(), 1, Integer::sum);
        }
        ForwardingMethod best = ForwardingMethod.NAT;
        int bestCount = 0;
        for (Map.Entry<ForwardingMethod, Integer> entry : counts.entrySet()) {
            if (entry.getValue() > bestCount) {
                best = entry.getKey();
                bestCount = entry.getValue();
            }
        }
        return best;
    }
}
