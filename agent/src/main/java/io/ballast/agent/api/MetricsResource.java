package io.ballast.agent.api;

import io.ballast.model.ClusterSpec;
import io.ballast.model.api.AgentStatus;
import io.ballast.model.api.CounterSample;
import io.ballast.model.api.Counters;
import io.ballast.model.api.Role;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code GET /metrics}: Prometheus text format (authentication required, like everything but /healthz).
 *
 * <pre>curl -k -H "Authorization: Bearer $TOKEN" https://127.0.0.1:9443/metrics</pre>
 */
final class MetricsResource {

    private final ApiServices services;
    private final StatusResource status;

    MetricsResource(ApiServices services, StatusResource status) {
        this.services = services;
        this.status = status;
    }

    void get(Context ctx) throws IOException {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8");
        // Streamed: at 10,000 real servers the page is 3.6 MB, too big to build as one String every scrape.
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
        render(out);
        out.flush();
    }

    String render() {
        StringBuilder out = new StringBuilder(4096);
        try {
            render(out);
        } catch (IOException e) {
            throw new IllegalStateException("a StringBuilder does not fail", e);
        }
        return out.toString();
    }

    private void render(Appendable out) throws IOException {
        AgentStatus s = status.status();
        gauge(out, "ballast_agent_info", "Agent identity; always 1.",
                "{node=\"" + esc(s.nodeId()) + "\",plane=\"" + esc(s.plane()) + "\",failover=\"" + esc(s.failoverEngine()) + "\"}", 1);
        gauge(out, "ballast_spec_revision", "Revision of the spec in effect.", "", s.revision());
        out.append("# HELP ballast_role Failover role: 1 for the role held now.\n# TYPE ballast_role gauge\n");
        for (Role role : Role.values()) {
            out.append("ballast_role{role=\"").append(role.name()).append("\"} ").append(role == s.role() ? '1' : '0').append('\n');
        }
        out.append("# HELP ballast_real_servers Real servers by health verdict.\n# TYPE ballast_real_servers gauge\n");
        out.append("ballast_real_servers{verdict=\"up\"} ").append(Long.toString(s.health().up())).append('\n');
        out.append("ballast_real_servers{verdict=\"down\"} ").append(Long.toString(s.health().down())).append('\n');
        out.append("ballast_real_servers{verdict=\"unchecked\"} ").append(Long.toString(s.health().unchecked())).append('\n');
        counters(out);
    }

    private void counters(Appendable out) throws IOException {
        ClusterSpec spec = services.reconciler().desired();
        out.append("# HELP ballast_virtual_services Virtual services in the spec.\n# TYPE ballast_virtual_services gauge\n")
                .append("ballast_virtual_services ").append(Integer.toString(spec.virtualServices().size())).append('\n');
        String[][] families = {
                {"ballast_connections_total", "counter", "Connections scheduled."},
                {"ballast_active_connections", "gauge", "Established connections now."},
                {"ballast_bytes_in_total", "counter", "Bytes from clients."},
                {"ballast_bytes_out_total", "counter", "Bytes to clients."}};
        List<CounterSample> samples = services.sampler().latest().samples();
        // Each series' labels, escaped once for the four families (40,400 lines at 10,000 real servers).
        String[] labels = new String[samples.size()];
        for (int i = 0; i < labels.length; i++) {
            CounterSample sample = samples.get(i);
            labels[i] = "{service=\"" + esc(sample.service())
                    + (sample.realServer() == null ? "" : "\",real_server=\"" + esc(sample.realServer())) + "\"} ";
        }
        for (int f = 0; f < families.length; f++) {
            out.append("# HELP ").append(families[f][0]).append(' ').append(families[f][2]).append('\n')
                    .append("# TYPE ").append(families[f][0]).append(' ').append(families[f][1]).append('\n');
            for (int i = 0; i < labels.length; i++) {
                out.append(families[f][0]).append(labels[i]).append(Long.toString(value(samples.get(i).counters(), f))).append('\n');
            }
        }
    }

    private static long value(Counters c, int family) {
        switch (family) {
            case 0:
                return c.connections();
            case 1:
                return c.activeConnections();
            case 2:
                return c.bytesIn();
            default:
                return c.bytesOut();
        }
    }

    private static void gauge(Appendable out, String name, String help, String labels, long value) throws IOException {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(" gauge\n")
                .append(name).append(labels).append(' ').append(Long.toString(value)).append('\n');
    }

    private static String esc(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
