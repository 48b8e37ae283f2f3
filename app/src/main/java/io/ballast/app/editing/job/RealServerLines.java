package io.ballast.app.editing.job;

import io.ballast.model.Addresses;
import io.ballast.model.AdminState;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.OsType;
import io.ballast.model.RealServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The text form of real servers that copy and paste use, one per line:
 * {@code 198.51.100.30:80 weight 2 name web-7 forwarding dr state drain os windows}. Only the
 * endpoint is required (weight defaults to 1). Blank lines and {@code #} comments are skipped.
 */
public final class RealServerLines {

    /** Either every server of the text, or every bad line with its number; never part of both. */
    public record Parsed(List<RealServer> servers, List<String> problems) {

        public Parsed {
            servers = List.copyOf(servers);
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private RealServerLines() {
    }

    public static Parsed parse(String text) {
        List<RealServer> servers = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                servers.add(parseLine(line));
            } catch (IllegalArgumentException e) {
                problems.add("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return problems.isEmpty() ? new Parsed(servers, List.of()) : new Parsed(List.of(), problems);
    }

    /** One line per server, in the form {@link #parse} reads. */
    public static String format(List<RealServer> servers) {
        StringBuilder text = new StringBuilder();
        for (RealServer server : servers) {
            text.append(server.key()).append(" weight ").append(server.weight());
            if (server.name() != null && !server.name().isBlank()) {
                text.append(" name ").append(server.name());
            }
            if (server.forwarding() != null) {
                text.append(" forwarding ").append(server.forwarding().wireName());
            }
            if (server.state() != AdminState.ACTIVE) {
                text.append(" state ").append(server.state().name().toLowerCase(Locale.ROOT));
            }
            if (server.os() != OsType.LINUX) {
                text.append(" os ").append(server.os().name().toLowerCase(Locale.ROOT));
            }
            text.append('\n');
        }
        return text.toString();
    }

    private static RealServer parseLine(String line) {
        String[] words = line.split("\\s+");
        String[] endpoint;
        try {
            endpoint = Addresses.splitEndpoint(words[0]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        if (!Addresses.isLiteral(endpoint[0])) {
            throw new IllegalArgumentException("'" + endpoint[0] + "' is not an IPv4 or IPv6 address");
        }
        int port = number(endpoint[1], "port", 0, 65535);
        String name = null;
        int weight = 1;
        ForwardingMethod forwarding = null;
        AdminState state = AdminState.ACTIVE;
        OsType os = OsType.LINUX;
        if (words.length % 2 == 0) {
            throw new IllegalArgumentException("'" + words[words.length - 1] + "' has no value; write e.g. 'weight 2'");
        }
        for (int w = 1; w + 1 < words.length; w += 2) {
            String key = words[w].toLowerCase(Locale.ROOT);
            String value = words[w + 1];
            switch (key) {
                case "weight" -> weight = number(value, "weight", 0, 65535);
                case "name" -> name = value;
                case "forwarding", "fwd" -> forwarding = forwarding(value);
                case "state" -> state = choice(AdminState.class, value, "state");
                case "os" -> os = choice(OsType.class, value, "os");
                default -> throw new IllegalArgumentException("'" + words[w]
                        + "' is not one of weight, name, forwarding, state, os");
            }
        }
        return new RealServer(name, Addresses.canonical(endpoint[0]), port, weight, forwarding, 0, 0, os, state);
    }

    private static int number(String text, String what, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // falls through to the sentence below
        }
        throw new IllegalArgumentException(what + " '" + text + "' must be a number from " + min + " to " + max);
    }

    private static ForwardingMethod forwarding(String text) {
        for (ForwardingMethod method : ForwardingMethod.values()) {
            if (method.wireName().equalsIgnoreCase(text)) {
                return method;
            }
        }
        throw new IllegalArgumentException("forwarding '" + text + "' must be nat, dr or tun");
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String text, String what) {
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E value : type.getEnumConstants()) {
                names.add(value.name().toLowerCase(Locale.ROOT));
            }
            throw new IllegalArgumentException(what + " '" + text + "' must be one of " + String.join(", ", names));
        }
    }
}
