package io.ballast.agent.dataplane.ipvs;

import io.ballast.model.Addresses;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.Persistence;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.SchedulerFlag;
import io.ballast.model.VirtualService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The command layer (keepalived's ipvswrapper): renders one ipvsadm command, the same words whether
 * they run as {@code ipvsadm ARGS} or as a line of an {@code ipvsadm -R} batch. The grammar is written
 * once, against a {@link Sink}: a list of arguments for one process, or {@link RestoreBatch}, which
 * writes the line straight into ipvsadm's stdin without making the words first (a full apply renders
 * tens of thousands of lines). Nothing here runs anything. Service and destination edits always carry
 * every setting, because {@code ipvsadm -E/-e} replaces the whole entry (an omitted {@code -p} or
 * {@code -x} is cleared).
 */
public final class IpvsadmCommandBuilder {

    /** Where the words of commands go, in order; {@link #end()} closes one command. */
    public interface Sink {
        void word(String word);

        void number(int value);

        /** {@code address:port}, with brackets around an IPv6 address: {@link Addresses#endpoint}. */
        void endpoint(String address, int port);

        void end();
    }

    private IpvsadmCommandBuilder() {
    }

    public static List<String> addService(VirtualService service) {
        Words out = new Words();
        addService(out, service);
        return out.single();
    }

    public static List<String> editService(VirtualService service) {
        Words out = new Words();
        editService(out, service);
        return out.single();
    }

    public static List<String> deleteService(VirtualService service) {
        Words out = new Words();
        deleteService(out, service);
        return out.single();
    }

    /** A destination of {@code service}; its forwarding is its own or the service's default. */
    public static List<String> addDestination(VirtualService service, RealServer server) {
        Words out = new Words();
        addDestination(out, service, server);
        return out.single();
    }

    public static List<String> editDestination(VirtualService service, RealServer server) {
        Words out = new Words();
        editDestination(out, service, server);
        return out.single();
    }

    public static List<String> deleteDestination(VirtualService service, RealServer server) {
        Words out = new Words();
        deleteDestination(out, service, server);
        return out.single();
    }

    public static void addService(Sink out, VirtualService service) {
        serviceCommand(out, "-A", service);
    }

    public static void editService(Sink out, VirtualService service) {
        serviceCommand(out, "-E", service);
    }

    public static void deleteService(Sink out, VirtualService service) {
        out.word("-D");
        serviceAddress(out, service);
        out.end();
    }

    public static void addDestination(Sink out, VirtualService service, RealServer server) {
        destinationCommand(out, "-a", service, server);
    }

    public static void editDestination(Sink out, VirtualService service, RealServer server) {
        destinationCommand(out, "-e", service, server);
    }

    public static void deleteDestination(Sink out, VirtualService service, RealServer server) {
        out.word("-d");
        serviceAddress(out, service);
        out.word("-r");
        out.endpoint(server.address(), server.port());
        out.end();
    }

    /** Sends a command already made as words (a step's list of arguments) to {@code out}. */
    public static void command(Sink out, List<String> args) {
        for (int i = 0; i < args.size(); i++) {
            out.word(args.get(i));
        }
        out.end();
    }

    /** {@code --start-daemon master|backup --syncid N --mcast-interface IF}. */
    public static List<String> startSyncDaemon(String state, int syncId, String iface) {
        List<String> args = new ArrayList<>(List.of("--start-daemon", state, "--syncid", Integer.toString(syncId)));
        if (iface != null && !iface.isBlank()) {
            args.add("--mcast-interface");
            args.add(iface);
        }
        return args;
    }

    public static List<String> stopSyncDaemon(String state) {
        return List.of("--stop-daemon", state);
    }

    /** One line of an {@code ipvsadm -R} batch. No argument contains a space, so joining is exact. */
    public static String restoreLine(List<String> args) {
        return String.join(" ", args);
    }

    /** -t/-u/--sctp-service ADDR:PORT, or -f MARK (with -6 for an IPv6 mark service). */
    private static void serviceAddress(Sink out, VirtualService service) {
        if (service.firewallMark() != null) {
            out.word("-f");
            out.word(Integer.toUnsignedString(service.firewallMark()));
            if (service.isIpv6()) {
                out.word("-6");
            }
            return;
        }
        out.word(protocolOption(service.protocol()));
        out.endpoint(service.address(), service.port());
    }

    static String protocolOption(Protocol protocol) {
        switch (protocol) {
            case TCP:
                return "-t";
            case UDP:
                return "-u";
            case SCTP:
                return "--sctp-service";
            default:
                throw new IllegalArgumentException("no ipvsadm option for protocol " + protocol);
        }
    }

    static String forwardingOption(ForwardingMethod method) {
        switch (method) {
            case DR:
                return "-g";
            case NAT:
                return "-m";
            case TUN:
                return "-i";
            default:
                throw new IllegalArgumentException("no ipvsadm option for forwarding " + method);
        }
    }

    private static void serviceCommand(Sink out, String verb, VirtualService service) {
        out.word(verb);
        serviceAddress(out, service);
        out.word("-s");
        out.word(service.scheduler().wireName());
        if (!service.schedulerFlags().isEmpty()) {
            out.word("-b");
            out.word(flags(service.schedulerFlags()));
        }
        Persistence persistence = service.persistence();
        if (persistence != null) {
            out.word("-p");
            out.number(persistence.timeoutSeconds());
            if (persistence.netmask() != null && !persistence.netmask().isBlank()) {
                out.word("-M");
                out.word(persistence.netmask());
            }
        }
        out.end();
    }

    /** The flags' wire names, sorted and comma-separated ("sh-fallback,sh-port"). */
    private static String flags(Set<SchedulerFlag> flags) {
        String[] names = new String[flags.size()];
        int i = 0;
        for (SchedulerFlag flag : flags) {
            names[i++] = flag.wireName();
        }
        Arrays.sort(names);
        return String.join(",", names);
    }

    private static void destinationCommand(Sink out, String verb, VirtualService service, RealServer server) {
        boolean edit = "-e".equals(verb);
        out.word(verb);
        serviceAddress(out, service);
        out.word("-r");
        out.endpoint(server.address(), server.port());
        out.word(forwardingOption(server.effectiveForwarding(service.forwarding())));
        out.word("-w");
        out.number(server.weight());
        // -e replaces the destination, so thresholds are spelled out even when they return to 0.
        if (server.upperThreshold() != 0 || edit) {
            out.word("-x");
            out.number(server.upperThreshold());
        }
        if (server.lowerThreshold() != 0 || edit) {
            out.word("-y");
            out.number(server.lowerThreshold());
        }
        out.end();
    }

    /** Commands as lists of arguments, for ipvsadm processes of their own. */
    static final class Words implements Sink {
        private final List<List<String>> commands = new ArrayList<>(2);
        private List<String> current = new ArrayList<>(12);

        @Override
        public void word(String word) {
            current.add(word);
        }

        @Override
        public void number(int value) {
            current.add(Integer.toString(value));
        }

        @Override
        public void endpoint(String address, int port) {
            current.add(Addresses.endpoint(address, port));
        }

        @Override
        public void end() {
            commands.add(current);
            current = new ArrayList<>(12);
        }

        List<List<String>> commands() {
            return commands;
        }

        List<String> single() {
            return commands.get(0);
        }
    }
}
