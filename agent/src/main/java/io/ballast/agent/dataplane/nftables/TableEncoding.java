package io.ballast.agent.dataplane.nftables;

import io.ballast.model.AdminState;
import io.ballast.model.Addresses;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.OsType;
import io.ballast.model.Persistence;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.SchedulerFlag;
import io.ballast.model.ServiceKey;
import io.ballast.model.SorryServer;
import io.ballast.model.VirtualService;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ballast's own record of what it put in the table, kept in nft comments so that {@code readTable()}
 * recovers the exact table entries from the kernel alone (no side file that could disagree).
 * nft allows 128 bytes per comment (and nft 1.0 lists only rule comments as JSON), so the service's
 * settings sit on the first rule of its chain; each real server's record, its label and the sorry
 * server each on one rule of the service's chain, after the return that keeps packets away from them.
 */
public final class TableEncoding {

    public static final String TABLE_COMMENT = "owned by Ballast: changed only by its agent";
    static final int MAX_COMMENT = 128;
    private static final String SERVICE_TAG = "ballast/1";
    static final String LABEL_PREFIX = "name=";

    private TableEncoding() {
    }

    /** The service chain's comment: key, scheduler, flags, persistence, default forwarding. */
    public static String serviceComment(VirtualService service) {
        StringBuilder out = new StringBuilder(SERVICE_TAG);
        out.append(" k=").append(service.key());
        if ((service.firewallMark() != null)) {
            out.append(" af=").append(service.isIpv6() ? "inet6" : "inet");
        }
        out.append(" s=").append(service.scheduler().wireName());
        if (!service.schedulerFlags().isEmpty()) {
            int bits = 0;
            for (SchedulerFlag flag : service.schedulerFlags()) {
                bits |= 1 << flag.ordinal();
            }
            out.append(" f=").append(bits);
        }
        Persistence persistence = service.persistence();
        if (persistence != null) {
            out.append(" p=").append(persistence.timeoutSeconds()).append('/')
                    .append(persistence.netmask() == null ? "" : persistence.netmask());
        }
        out.append(" fw=").append(service.forwarding().wireName());
        return checked(out.toString(), "service " + service.key());
    }

    /** Decodes a service chain comment; null if the comment is not one of Ballast's. */
    public static VirtualService decodeService(String comment, SorryServer sorry, List<RealServer> servers) {
        if (comment == null || !comment.startsWith(SERVICE_TAG + " ")) {
            return null;
        }
        Map<String, String> fields = fields(comment.substring(SERVICE_TAG.length() + 1));
        ServiceKey key = ServiceKey.parse(fields.get("k"));
        Set<SchedulerFlag> flags = EnumSet.noneOf(SchedulerFlag.class);
        int bits = Integer.parseInt(fields.getOrDefault("f", "0"));
        for (SchedulerFlag flag : SchedulerFlag.values()) {
            if ((bits & (1 << flag.ordinal())) != 0) {
                flags.add(flag);
            }
        }
        Persistence persistence = null;
        if (fields.containsKey("p")) {
            String[] parts = fields.get("p").split("/", 2);
            persistence = new Persistence(Integer.parseInt(parts[0]), parts[1].isEmpty() ? null : parts[1]);
        }
        return new VirtualService(null, key.protocol(), key.address(), key.port(), key.firewallMark(),
                fields.get("af"), Scheduler.fromWireName(fields.get("s")), flags, persistence,
                forwarding(fields.get("fw")), sorry, null, servers);
    }

    /** A real server chain's comment: endpoint, weight, state, forwarding, thresholds, os. */
    public static String realServerComment(RealServer server) {
        String text = server.key() + " w=" + server.weight() + " st=" + server.state().name().charAt(0)
                + " fw=" + (server.forwarding() == null ? "-" : server.forwarding().wireName())
                + " ut=" + server.upperThreshold() + " lt=" + server.lowerThreshold()
                + " os=" + server.os().name().charAt(0);
        return checked(text, "real server " + server.key());
    }

    /** Decodes a real server chain comment plus the label kept on its counter rule (may be null). */
    public static RealServer decodeRealServer(String comment, String labelComment) {
        int space = comment.indexOf(' ');
        String[] endpoint = Addresses.splitEndpoint(comment.substring(0, space));
        Map<String, String> fields = fields(comment.substring(space + 1));
        String fw = fields.get("fw");
        return new RealServer(decodeLabel(labelComment), endpoint[0], Integer.parseInt(endpoint[1]),
                Integer.parseInt(fields.get("w")), fw.equals("-") ? null : forwarding(fw),
                Integer.parseInt(fields.get("ut")), Integer.parseInt(fields.get("lt")),
                fields.get("os").equals("W") ? OsType.WINDOWS : OsType.LINUX, state(fields.get("st")));
    }

    public static String sorryComment(SorryServer sorry) {
        return checked("sorry " + sorry.endpoint(), "sorry server " + sorry.endpoint());
    }

    public static SorryServer decodeSorry(String comment) {
        if (comment == null || !comment.startsWith("sorry ")) {
            return null;
        }
        String[] endpoint = Addresses.splitEndpoint(comment.substring("sorry ".length()));
        return new SorryServer(endpoint[0], Integer.parseInt(endpoint[1]));
    }

    /**
     * A real server's label, URL-encoded so no quote can end the comment early. Labels longer than a
     * comment holds are cut; readTable then shows the cut label (docs/dataplane-nftables.md).
     */
    public static String labelComment(String label) {
        if (label == null) {
            return null;
        }
        String encoded = LABEL_PREFIX + URLEncoder.encode(label, StandardCharsets.UTF_8);
        while (encoded.length() > MAX_COMMENT) {
            label = label.substring(0, label.length() - 1);
            encoded = LABEL_PREFIX + URLEncoder.encode(label, StandardCharsets.UTF_8);
        }
        return encoded;
    }

    static boolean isLabel(String comment) {
        return comment != null && comment.startsWith(LABEL_PREFIX);
    }

    static String decodeLabel(String comment) {
        return comment == null ? null
                : URLDecoder.decode(comment.substring(LABEL_PREFIX.length()), StandardCharsets.UTF_8);
    }

    private static String checked(String comment, String what) {
        if (comment.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("The nftables plane cannot record " + what
                    + ": its settings need " + comment.length() + " characters and an nft comment holds "
                    + MAX_COMMENT + ".");
        }
        return comment;
    }

    private static Map<String, String> fields(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String token : text.trim().split(" +")) {
            int eq = token.indexOf('=');
            if (eq > 0) {
                fields.put(token.substring(0, eq), token.substring(eq + 1));
            }
        }
        return fields;
    }

    private static ForwardingMethod forwarding(String wire) {
        for (ForwardingMethod method : ForwardingMethod.values()) {
            if (method.wireName().equals(wire)) {
                return method;
            }
        }
        throw new IllegalArgumentException("unknown forwarding '" + wire + "'");
    }

    private static AdminState state(String letter) {
        for (AdminState state : AdminState.values()) {
            if (state.name().startsWith(letter)) {
                return state;
            }
        }
        throw new IllegalArgumentException("unknown state '" + letter + "'");
    }
}
