package io.ballast.agent.dataplane.ipvs;

import io.ballast.model.RealServer;
import io.ballast.model.ServiceKey;
import io.ballast.model.SorryServer;
import io.ballast.model.VirtualService;
import io.ballast.model.plan.AddRealServer;
import io.ballast.model.plan.AddService;
import io.ballast.model.plan.EditRealServer;
import io.ballast.model.plan.EditService;
import io.ballast.model.plan.Operation;
import io.ballast.model.plan.RemoveRealServer;
import io.ballast.model.plan.RemoveService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The domain layer (keepalived's ipwrapper): turns each plan operation into ipvsadm commands against
 * the table as it stands after the operations before it. A new service and its destinations go out
 * together, the service first; a removal comes after whatever replaces it.
 *
 * <p>Sorry server: IPVS has none. As keepalived does, the sorry server is put in the kernel as an
 * ordinary destination (weight 1, the service's forwarding) while the service has no real server
 * with a weight above 0, and taken out again — after the real server that replaces it is in — as soon
 * as one has.
 */
public final class PlanTranslator {

    /**
     * One operation and the commands that carry it out, in order. A new service's commands (most of a
     * large plan) are not made at translation: the service was checked, and its lines are rendered
     * when {@link #writeTo written}, straight into the batch.
     */
    public static final class Step {
        private final Operation operation;
        private final VirtualService after;
        private final VirtualService added;
        private final RealServer sorry;
        private final List<List<String>> commands;

        private Step(Operation operation, VirtualService after, VirtualService added, RealServer sorry,
                     List<List<String>> commands) {
            this.operation = operation;
            this.after = after;
            this.added = added;
            this.sorry = sorry;
            this.commands = commands;
        }

        public Operation operation() {
            return operation;
        }

        /** The service as the table holds it after this step; null once it is removed. */
        public VirtualService after() {
            return after;
        }

        /** How many ipvsadm commands the step runs. */
        public int size() {
            return added == null ? commands.size() : added.realServers().size() + (sorry == null ? 1 : 2);
        }

        /** The commands as lists of arguments, for a step that runs as processes of its own. */
        public List<List<String>> commands() {
            if (added == null) {
                return commands;
            }
            IpvsadmCommandBuilder.Words words = new IpvsadmCommandBuilder.Words();
            writeTo(words);
            return words.commands();
        }

        /** Sends the step's commands to {@code out}: the service first, then its destinations. */
        public void writeTo(IpvsadmCommandBuilder.Sink out) {
            if (added == null) {
                for (List<String> command : commands) {
                    IpvsadmCommandBuilder.command(out, command);
                }
                return;
            }
            IpvsadmCommandBuilder.addService(out, added);
            List<RealServer> servers = added.realServers();
            for (int i = 0; i < servers.size(); i++) {
                IpvsadmCommandBuilder.addDestination(out, added, servers.get(i));
            }
            if (sorry != null) {
                IpvsadmCommandBuilder.addDestination(out, added, sorry);
            }
        }
    }

    private final Map<ServiceKey, VirtualService> table;
    private final IpvsSpecCheck check;

    /**
     * {@code table} is the logical table before the plan; the translator keeps its own copy up to date.
     * {@code check} (or null) refuses what this kernel cannot hold, before any command is made.
     */
    public PlanTranslator(Map<ServiceKey, VirtualService> table, IpvsSpecCheck check) {
        this.table = new LinkedHashMap<>(table);
        this.check = check;
    }

    /** The logical table after every operation translated so far. */
    public Map<ServiceKey, VirtualService> table() {
        return table;
    }

    /**
     * Checks every operation against the table and this kernel, in order, and returns the steps;
     * throws on the first that cannot run, before anything is written anywhere.
     */
    public List<Step> translate(List<Operation> operations) {
        List<Step> steps = new ArrayList<>(operations.size());
        for (int i = 0; i < operations.size(); i++) {
            steps.add(step(operations.get(i)));
        }
        return steps;
    }

    /** The commands of one operation (which then counts as translated). */
    public List<List<String>> translate(Operation op) {
        return step(op).commands();
    }

    private Step step(Operation op) {
        if (op instanceof AddService add) {
            VirtualService service = add.added();
            ServiceKey key = service.key();
            require(table.get(key) == null, op, "the service is already in the table");
            if (check != null) {
                check.check(service);
            }
            table.put(key, service);
            return new Step(op, service, service, sorryDestination(service), null);
        }
        List<List<String>> commands = new ArrayList<>();
        VirtualService after = null;
        if (op instanceof RemoveService) {
            VirtualService current = existing(op);
            commands.add(IpvsadmCommandBuilder.deleteService(current));
            table.remove(current.key());
            return new Step(op, null, null, null, commands);
        } else if (op instanceof EditService edit) {
            VirtualService current = existing(op);
            VirtualService next = edit.after().withRealServers(current.realServers());
            if (check != null) {
                check.check(next);
            }
            if (!sameKernelSettings(current, next)) {
                commands.add(IpvsadmCommandBuilder.editService(next));
            }
            if (current.forwarding() != next.forwarding()) {
                for (RealServer server : current.realServers()) {
                    if (server.forwarding() == null) {
                        commands.add(IpvsadmCommandBuilder.editDestination(next, server));
                    }
                }
            }
            sorryChange(current, next, commands, List.of());
            table.put(next.key(), next);
            after = next;
        } else if (op instanceof AddRealServer add) {
            VirtualService current = existing(op);
            require(find(current, add.server().key()) == null, op, "that real server is already there");
            List<RealServer> servers = new ArrayList<>(current.realServers());
            servers.add(add.server());
            VirtualService next = current.withRealServers(servers);
            checkServer(next, add.server());
            sorryChange(current, next, commands, List.of(IpvsadmCommandBuilder.addDestination(next, add.server())));
            table.put(next.key(), next);
            after = next;
        } else if (op instanceof EditRealServer edit) {
            VirtualService current = existing(op);
            RealServer before = find(current, edit.after().key());
            require(before != null, op, "no such real server");
            VirtualService next = current.withRealServers(replace(current.realServers(), edit.after()));
            checkServer(next, edit.after());
            List<List<String>> main = sameKernelDestination(current, before, edit.after())
                    ? List.of() : List.of(IpvsadmCommandBuilder.editDestination(next, edit.after()));
            sorryChange(current, next, commands, main);
            table.put(next.key(), next);
            after = next;
        } else if (op instanceof RemoveRealServer remove) {
            VirtualService current = existing(op);
            RealServer gone = find(current, remove.server().key());
            require(gone != null, op, "no such real server");
            List<RealServer> servers = new ArrayList<>(current.realServers());
            servers.remove(gone);
            VirtualService next = current.withRealServers(servers);
            sorryChange(current, next, commands, List.of(IpvsadmCommandBuilder.deleteDestination(current, gone)));
            table.put(next.key(), next);
            after = next;
        }
        return new Step(op, after, null, null, commands);
    }

    /** The sorry server as a kernel destination, or null while some real server can take traffic. */
    public static RealServer sorryDestination(VirtualService service) {
        SorryServer sorry = service.sorryServer();
        if (sorry == null) {
            return null;
        }
        for (RealServer server : service.realServers()) {
            if (server.weight() > 0) {
                return null;
            }
        }
        return new RealServer(null, sorry.address(), sorry.port(), 1, service.forwarding(), 0, 0, null, null);
    }

    /**
     * Wraps {@code main} with the sorry-server change it causes: the sorry server comes in before
     * {@code main} (which may remove the last live real server) and leaves after it (which may add one).
     */
    private static void sorryChange(VirtualService current, VirtualService next, List<List<String>> commands,
                                    List<List<String>> main) {
        RealServer before = sorryDestination(current);
        RealServer after = sorryDestination(next);
        boolean sameEndpoint = before != null && after != null && before.key().equals(after.key());
        if (after != null && !sameEndpoint) {
            commands.add(IpvsadmCommandBuilder.addDestination(next, after));
        } else if (sameEndpoint && !sameKernelDestination(next, before, after)) {
            commands.add(IpvsadmCommandBuilder.editDestination(next, after));
        }
        commands.addAll(main);
        if (before != null && !sameEndpoint) {
            commands.add(IpvsadmCommandBuilder.deleteDestination(current, before));
        }
    }

    private void checkServer(VirtualService service, RealServer server) {
        if (check != null) {
            check.check(service, server);
            if (service.sorryServer() != null && service.sorryServer().endpoint().equals(server.key())) {
                check.check(service);
            }
        }
    }

    static boolean sameKernelSettings(VirtualService a, VirtualService b) {
        return a.scheduler() == b.scheduler() && a.schedulerFlags().equals(b.schedulerFlags())
                && Objects.equals(a.persistence(), b.persistence());
    }

    static boolean sameKernelDestination(VirtualService service, RealServer a, RealServer b) {
        return a.weight() == b.weight() && a.upperThreshold() == b.upperThreshold()
                && a.lowerThreshold() == b.lowerThreshold()
                && a.effectiveForwarding(service.forwarding()) == b.effectiveForwarding(service.forwarding());
    }

    private VirtualService existing(Operation op) {
        VirtualService service = table.get(op.service());
        require(service != null, op, "the service is not in the table");
        return service;
    }

    private static RealServer find(VirtualService service, String key) {
        for (RealServer server : service.realServers()) {
            if (server.key().equals(key)) {
                return server;
            }
        }
        return null;
    }

    private static List<RealServer> replace(List<RealServer> servers, RealServer replacement) {
        List<RealServer> out = new ArrayList<>(servers.size());
        for (RealServer server : servers) {
            out.add(server.key().equals(replacement.key()) ? replacement : server);
        }
        return out;
    }

    private static void require(boolean condition, Operation op, String problem) {
        if (!condition) {
            throw new IllegalStateException(op.summary() + ": " + problem + " (the plan was made from another table)");
        }
    }
}
