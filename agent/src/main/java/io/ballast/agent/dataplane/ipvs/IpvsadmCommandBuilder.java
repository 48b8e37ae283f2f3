package io.ballast.agent.dataplane.ipvs;

import io.ballast.model.Addresses;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.Persistence;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.SchedulerFlag;
import io.ballast.model.VirtualService;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The command layer (keepalived's ipvswrapper): renders one ipvsadm command as its arguments, the
 * same words whether they run as {@code ipvsadm ARGS} or as a line of an {@code ipvsadm -R} batch.
 * Nothing here runs anything. Service and destination edits always carry every setting, because
 * {@code ipvsadm -E/-e} replaces the whole entry (an omitted {@code -p} or {@code -x} is cleared).
 */
public final class IpvsadmCommandBuilder {

    private IpvsadmCommandBuilder() {
    }

    public static List<String> addService(VirtualService service) {
        return serviceCommand("-A", service);
    }

    public static List<String> editService(VirtualService service) {
        return serviceCommand("-E", service);
    }

    public static List<String> deleteService(VirtualService service) {
        List<String> args = new ArrayList<>(List.of("-D"));
        args.addAll(serviceAddress(service));
        return args;
    }

    /** A destination of {@code service}; its forwarding is its own or the service's default. */
    public static List<String> addDestination(VirtualService service, RealServer server) {
        return destinationCommand("-a", service, server);
    }

    public static List<String> editDestination(VirtualService service, RealServer server) {
        return destinationCommand("-e", service, server);
    }

    public static List<String> deleteDestination(VirtualService service, RealServer server) {
        List<String> args = new ArrayList<>(List.of("-d"));
        args.addAll(serviceAddress(service));
        args.add("-r");
        args.add(destinationAddress(service, server));
        return args;
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

    /** Writes {@link #restoreLine} and a newline without making the line as a string first. */
    public static void writeRestoreLine(Writer out, List<String> args) throws IOException {
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) {
                out.write(' ');
            }
            out.write(args.get(i));
        }
        out.write('\n');
    }

    /** -t/-u/--sctp-service ADDR:PORT, or -f MARK (with -6 for an IPv6 mark service). */
    static List<String> serviceAddress(VirtualService service) {
        if (service.firewallMark() != null) {
            List<String> args = new ArrayList<>(List.of("-f", Integer.toString(service.firewallMark())));
            if (service.isIpv6()) {
                args.add("-6");
            }
            return args;
        }
        return List.of(protocolOption(service.protocol()), Addresses.endpoint(service.address(), service.port()));
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

    private static List<String> serviceCommand(String verb, VirtualService service) {
        List<String> args = new ArrayList<>();
        args.add(verb);
        args.addAll(serviceAddress(service));
        args.add("-s");
        args.add(service.scheduler().wireName());
        if (!service.schedulerFlags().isEmpty()) {
            args.add("-b");
            args.add(service.schedulerFlags().stream().map(SchedulerFlag::wireName).sorted()
                    .collect(Collectors.joining(",")));
        }
        Persistence persistence = service.persistence();
        if (persistence != null) {
            args.add("-p");
            args.add(Integer.toString(persistence.timeoutSeconds()));
            if (persistence.netmask() != null && !persistence.netmask().isBlank()) {
                args.add("-M");
                args.add(persistence.netmask());
            }
        }
        return args;
    }

    private static List<String> destinationCommand(String verb, VirtualService service, RealServer server) {
        List<String> args = new ArrayList<>();
        args.add(verb);
        args.addAll(serviceAddress(service));
        args.add("-r");
        args.add(destinationAddress(service, server));
        args.add(forwardingOption(server.effectiveForwarding(service.forwarding())));
        args.add("-w");
        args.add(Integer.toString(server.weight()));
        // -e replaces the destination, so thresholds are spelled out even when they return to 0.
        if (server.upperThreshold() != 0 || "-e".equals(verb)) {
            args.add("-x");
            args.add(Integer.toString(server.upperThreshold()));
        }
        if (server.lowerThreshold() != 0 || "-e".equals(verb)) {
            args.add("-y");
            args.add(Integer.toString(server.lowerThreshold()));
        }
        return args;
    }

    private static String destinationAddress(VirtualService service, RealServer server) {
        return Addresses.endpoint(server.address(), server.port());
    }
}
