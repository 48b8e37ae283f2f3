package io.ballast.model.keepalived;

import io.ballast.model.AdminState;
import io.ballast.model.CheckType;
import io.ballast.model.FailAction;
import io.ballast.model.HealthCheck;
import io.ballast.model.RealServer;
import io.ballast.model.SchedulerFlag;
import io.ballast.model.VirtualService;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Ballast virtual services to keepalived virtual_server blocks, noting what keepalived cannot hold. */
final class VirtualServerBlocks {

    private final List<String> losses = new ArrayList<>();

    /** Sentences about what the export could not carry, for the file's header. */
    List<String> losses() {
        return losses;
    }

    ConfStatement block(VirtualService service) {
        List<String> head = service.firewallMark() != null
                ? List.of("fwmark", Integer.toUnsignedString(service.firewallMark()))
                : List.of(service.address(), String.valueOf(service.port()));
        String label = service.key().toString();
        if (service.name() != null) {
            losses.add(label + " was named '" + service.name() + "' (keepalived has no names)");
        }
        List<ConfNode> body = new ArrayList<>();
        body.add(ConfStatement.of("lvs_sched", service.scheduler().wireName()));
        for (SchedulerFlag flag : service.schedulerFlags().stream().sorted().toList()) {
            body.add(ConfStatement.of(flag.wireName()));
        }
        body.add(ConfStatement.of("lvs_method", service.forwarding().name()));
        if (service.firewallMark() == null) {
            body.add(ConfStatement.of("protocol", service.protocol().name()));
        } else if (service.isIpv6()) {
            body.add(ConfStatement.of("ip_family", "inet6"));
        }
        if (service.persistence() != null) {
            body.add(ConfStatement.of("persistence_timeout", String.valueOf(service.persistence().timeoutSeconds())));
            if (service.persistence().netmask() != null) {
                body.add(ConfStatement.of("persistence_granularity", service.persistence().netmask()));
            }
        }
        if (service.sorryServer() != null) {
            body.add(ConfStatement.of("sorry_server", service.sorryServer().address(),
                    String.valueOf(service.sorryServer().port())));
        }
        for (RealServer server : service.realServers()) {
            body.add(realServer(service, server, label));
        }
        return ConfStatement.block("virtual_server", head, body);
    }

    private ConfStatement realServer(VirtualService service, RealServer server, String label) {
        List<ConfNode> body = new ArrayList<>();
        int weight = server.weight();
        if (server.state() != AdminState.ACTIVE) {
            losses.add(label + " -> " + server.key() + " is in " + server.state().name().toLowerCase(Locale.ROOT)
                    + ": written with weight 0 (its weight was " + server.weight() + ")");
            weight = 0;
        }
        if (server.name() != null) {
            losses.add(label + " -> " + server.key() + " was named '" + server.name() + "'");
        }
        body.add(ConfStatement.of("weight", String.valueOf(weight)));
        if (server.forwarding() != null && server.forwarding() != service.forwarding()) {
            body.add(ConfStatement.of("lvs_method", server.forwarding().name()));
        }
        if (server.upperThreshold() > 0) {
            body.add(ConfStatement.of("uthreshold", String.valueOf(server.upperThreshold())));
        }
        if (server.lowerThreshold() > 0) {
            body.add(ConfStatement.of("lthreshold", String.valueOf(server.lowerThreshold())));
        }
        HealthCheck check = service.healthCheck();
        if (check != null) {
            if (check.onFailure() == FailAction.QUIESCE) {
                body.add(ConfStatement.of("inhibit_on_failure"));
            }
            body.add(checker(check, label));
        }
        List<String> head = server.port() == 0 ? List.of(server.address())
                : List.of(server.address(), String.valueOf(server.port()));
        return ConfStatement.block("real_server", head, body);
    }

    private ConfStatement checker(HealthCheck check, String label) {
        if (check.rise() > 1) {
            losses.add(label + ": keepalived brings a server back after one good check, not " + check.rise());
        }
        List<ConfNode> body = new ArrayList<>();
        String keyword;
        if (check.type() == CheckType.SCRIPT) {
            keyword = "MISC_CHECK";
            body.add(ConfStatement.of("misc_path", commandLine(check.command())));
            body.add(ConfStatement.of("misc_timeout", String.valueOf((check.timeoutMs() + 999) / 1000)));
            if (check.timeoutMs() % 1000 != 0) {
                losses.add(label + ": the script timeout is rounded up to whole seconds");
            }
        } else {
            keyword = switch (check.type()) {
                case HTTP -> "HTTP_GET";
                case HTTPS -> "SSL_GET";
                default -> "TCP_CHECK";
            };
            if (check.port() != null) {
                body.add(ConfStatement.of("connect_port", String.valueOf(check.port())));
            }
            body.add(ConfStatement.of("connect_timeout", seconds(check.timeoutMs())));
        }
        body.add(ConfStatement.of("retry", String.valueOf(Math.max(0, check.fall() - 1))));
        body.add(ConfStatement.of("delay_before_retry", seconds(check.intervalMs())));
        body.add(ConfStatement.of("delay_loop", seconds(check.intervalMs())));
        if (check.type() == CheckType.HTTP || check.type() == CheckType.HTTPS) {
            List<ConfNode> url = new ArrayList<>();
            url.add(ConfStatement.of("path", check.path() == null ? "/" : check.path()));
            List<Integer> status = check.expectStatus().isEmpty() ? List.of(200) : check.expectStatus();
            List<String> statusArgs = StatusCodes.fold(status);
            url.add(new ConfStatement(null, "status_code", statusArgs, false, List.of(), null));
            if (check.host() != null) {
                url.add(ConfStatement.of("virtualhost", check.host()));
            }
            if (check.bodyRegex() != null) {
                url.add(ConfStatement.of("regex", check.bodyRegex()));
                losses.add(label + ": the body regex needs keepalived built with PCRE2 and is read as PCRE there");
            }
            body.add(ConfStatement.block("url", List.of(), url));
        }
        return ConfStatement.block(keyword, List.of(), body);
    }

    /** argv as one misc_path string: keepalived splits on spaces and groups single-quoted words. */
    static String commandLine(List<String> argv) {
        List<String> words = new ArrayList<>();
        for (String arg : argv) {
            words.add(arg.isEmpty() || arg.chars().anyMatch(Character::isWhitespace) ? "'" + arg + "'" : arg);
        }
        return String.join(" ", words);
    }

    static String seconds(int ms) {
        return new BigDecimal(ms).movePointLeft(3).stripTrailingZeros().toPlainString();
    }
}
