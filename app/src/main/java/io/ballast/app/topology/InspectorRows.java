package io.ballast.app.topology;

import io.ballast.app.metrics.Units;
import io.ballast.model.HealthCheck;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The read-only facts the inspector lists for a selected box, as label/value rows. */
public final class InspectorRows {

    /** One line of the inspector. */
    public record Row(String label, String value) {
    }

    private InspectorRows() {
    }

    public static String heading(Object item) {
        if (item instanceof DirectorItem d) {
            return "Director " + d.id();
        }
        if (item instanceof VipItem v) {
            return "Virtual service " + v.title();
        }
        if (item instanceof RealServerItem rs) {
            return "Real server " + rs.title();
        }
        return "Nothing selected";
    }

    public static List<Row> of(Object item) {
        List<Row> rows = new ArrayList<>();
        if (item instanceof DirectorItem d) {
            rows.add(new Row("Role", d.badgeProperty().get()));
            rows.add(new Row("Connection", lower(d.connectionProperty().get().name())));
            rows.add(new Row("Address", d.director().address()));
            rows.add(new Row("Agent", String.valueOf(d.director().agentEndpoint())));
            rows.add(new Row("VRRP priority", String.valueOf(d.director().priority())));
            rows.add(new Row("Interface", String.valueOf(d.director().iface())));
            rows.add(new Row("Data plane", orDash(d.planeProperty().get())));
            rows.add(new Row("Spec revision", String.valueOf(d.revisionProperty().get())));
            rows.add(new Row("Spec hash", shortHash(d.specHashProperty().get())));
            rows.add(new Row("Spec agrees with peer", d.specMismatchProperty().get() ? "NO: re-apply the spec" : "yes"));
            rows.add(new Row("Last message", orDash(d.connectionMessageProperty().get())));
        } else if (item instanceof VipItem v) {
            VirtualService vs = v.service();
            rows.add(new Row("Key", v.key()));
            rows.add(new Row("Scheduler", vs.scheduler() == null ? "—" : lower(vs.scheduler().name())));
            rows.add(new Row("Forwarding", lower(vs.forwarding().name())));
            rows.add(new Row("Persistence", vs.persistence() == null ? "none" : String.valueOf(vs.persistence())));
            rows.add(new Row("Health check", check(vs.healthCheck())));
            rows.add(new Row("Real servers", v.healthyServersProperty().get() + " of " + vs.realServers().size() + " healthy"));
            rows.add(new Row("New connections", Units.count(v.newConnectionsProperty().get()) + "/s"));
            rows.add(new Row("Active connections", Units.count(v.activeConnectionsProperty().get())));
            rows.add(new Row("Throughput", Units.bytesPerSecond(v.throughputProperty().get())));
        } else if (item instanceof RealServerItem rs) {
            RealServer server = rs.server();
            rows.add(new Row("Health", rs.healthProperty().get().text()));
            rows.add(new Row("Check says", orDash(rs.healthDetailProperty().get())));
            rows.add(new Row("Service", rs.serviceKey()));
            rows.add(new Row("Address", rs.key()));
            rows.add(new Row("Operating system", lower(server.os().name())));
            rows.add(new Row("Admin state", lower(server.state().name())));
            rows.add(new Row("Weight", String.valueOf(rs.weightProperty().get())));
            rows.add(new Row("Thresholds", server.upperThreshold() == 0 && server.lowerThreshold() == 0 ? "none"
                    : server.lowerThreshold() + " – " + server.upperThreshold()));
            rows.add(new Row("Active connections", Units.count(rs.activeConnectionsProperty().get())));
            rows.add(new Row("New connections", Units.count(rs.newConnectionsProperty().get()) + "/s"));
            rows.add(new Row("Throughput", Units.bytesPerSecond(rs.throughputProperty().get())));
            if (rs.directorId() != null) {
                rows.add(new Row("Also director", rs.directorId()));
            }
        }
        return rows;
    }

    private static String check(HealthCheck check) {
        if (check == null) {
            return "none";
        }
        return lower(check.type().name()) + " every " + check.intervalMs() + " ms, rise " + check.rise() + ", fall " + check.fall();
    }

    private static String shortHash(String hash) {
        return hash == null ? "—" : hash.length() > 16 ? hash.substring(0, 16) + "…" : hash;
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "—" : text;
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
