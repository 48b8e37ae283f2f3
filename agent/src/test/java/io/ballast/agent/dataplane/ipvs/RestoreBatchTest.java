package io.ballast.agent.dataplane.ipvs;

import static org.assertj.core.api.Assertions.assertThat;

import io.ballast.model.AdminState;
import io.ballast.model.ForwardingMethod;
import io.ballast.model.OsType;
import io.ballast.model.Persistence;
import io.ballast.model.Protocol;
import io.ballast.model.RealServer;
import io.ballast.model.Scheduler;
import io.ballast.model.SchedulerFlag;
import io.ballast.model.SorryServer;
import io.ballast.model.VirtualService;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The batch lines written straight as bytes equal the words the same commands give as arguments,
 * joined by spaces: every verb, protocol, family, firewall mark, scheduler, flag, persistence,
 * forwarding method and threshold.
 */
class RestoreBatchTest {

    private static String batch(Consumer<RestoreBatch> commands) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RestoreBatch out = new RestoreBatch(bytes);
        commands.accept(out);
        out.close();
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static String joined(List<List<String>> commands) {
        StringBuilder out = new StringBuilder();
        for (List<String> command : commands) {
            out.append(IpvsadmCommandBuilder.restoreLine(command)).append('\n');
        }
        return out.toString();
    }

    /** Every feature table plus the cases it lacks: marks above 2^31-1 aside, every field the grammar reads. */
    private static List<VirtualService> services() {
        List<VirtualService> services = new ArrayList<>(IpvsTables.everyFeature(EnumSet.allOf(Scheduler.class)));
        services.add(new VirtualService(null, Protocol.UDP, "2001:db8::53", 53, null, null, Scheduler.MH,
                EnumSet.of(SchedulerFlag.MH_FALLBACK, SchedulerFlag.MH_PORT), new Persistence(3600, "128"),
                ForwardingMethod.TUN, new SorryServer("2001:db8:9::1", 53), null,
                List.of(new RealServer("v6", "2001:db8:3::7", 53, 0, ForwardingMethod.DR, 65535, 1, OsType.WINDOWS,
                        AdminState.DRAIN))));
        services.add(new VirtualService(null, null, null, 0, Integer.MAX_VALUE, "inet6", Scheduler.SH,
                EnumSet.of(SchedulerFlag.SH_PORT), new Persistence(1, null), ForwardingMethod.DR, null, null,
                List.of(RealServer.of(null, "2001:db8:4::1", 0, 65535))));
        services.add(new VirtualService(null, Protocol.SCTP, "192.0.2.1", 65535, null, null, Scheduler.FO, Set.of(),
                new Persistence(60, " "), ForwardingMethod.NAT, null, null,
                List.of(new RealServer(null, "198.51.100.1", 1, 7, null, 10, 0, null, null))));
        return services;
    }

    @Test
    void everyCommandWrittenAsBytesEqualsItsArgumentsJoined() {
        for (VirtualService service : services()) {
            List<RealServer> servers = new ArrayList<>(service.realServers());
            if (service.sorryServer() != null) {
                servers.add(new RealServer(null, service.sorryServer().address(), service.sorryServer().port(), 1,
                        null, 0, 0, null, null));
            }
            List<List<String>> words = new ArrayList<>();
            words.add(IpvsadmCommandBuilder.addService(service));
            words.add(IpvsadmCommandBuilder.editService(service));
            for (RealServer server : servers) {
                words.add(IpvsadmCommandBuilder.addDestination(service, server));
                words.add(IpvsadmCommandBuilder.editDestination(service, server));
                words.add(IpvsadmCommandBuilder.deleteDestination(service, server));
            }
            words.add(IpvsadmCommandBuilder.deleteService(service));

            String bytes = batch(out -> {
                IpvsadmCommandBuilder.addService(out, service);
                IpvsadmCommandBuilder.editService(out, service);
                for (RealServer server : servers) {
                    IpvsadmCommandBuilder.addDestination(out, service, server);
                    IpvsadmCommandBuilder.editDestination(out, service, server);
                    IpvsadmCommandBuilder.deleteDestination(out, service, server);
                }
                IpvsadmCommandBuilder.deleteService(out, service);
            });

            assertThat(bytes).as(service.key().toString()).isEqualTo(joined(words));
        }
    }

    @Test
    void aBatchLongerThanTheBufferArrivesWhole() {
        List<VirtualService> table = IpvsBenchData.table(300, 5000);
        List<List<String>> words = new ArrayList<>();
        for (VirtualService service : table) {
            words.add(IpvsadmCommandBuilder.addService(service));
            for (RealServer server : service.realServers()) {
                words.add(IpvsadmCommandBuilder.addDestination(service, server));
            }
        }

        String bytes = batch(out -> {
            for (VirtualService service : table) {
                IpvsadmCommandBuilder.addService(out, service);
                for (RealServer server : service.realServers()) {
                    IpvsadmCommandBuilder.addDestination(out, service, server);
                }
            }
        });

        assertThat(bytes.length()).isGreaterThan(4 * RestoreBatch.PIPE_CHUNK);
        assertThat(bytes).isEqualTo(joined(words));
    }

    @Test
    void numbersOfEverySizeAndNonAsciiOrHugeWordsAreWrittenExactly() {
        String huge = "x".repeat(RestoreBatch.PIPE_CHUNK + 10);
        String bytes = batch(out -> {
            for (int value : new int[] {0, 7, 10, -1, 65535, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
                out.word("-w");
                out.number(value);
                out.end();
            }
            out.word("-M");
            out.word("netmask-ü");
            out.endpoint(null, 80);
            out.end();
            out.word(huge);
            out.end();
            out.line("-D -t [2001:db8::1]:80");
        });

        assertThat(bytes).isEqualTo("-w 0\n-w 7\n-w 10\n-w -1\n-w 65535\n-w 2147483647\n-w -2147483648\n"
                + "-M netmask-ü null:80\n" + huge + "\n-D -t [2001:db8::1]:80\n");
    }

    @Test
    void linesAreCounted() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RestoreBatch out = new RestoreBatch(bytes);
        IpvsadmCommandBuilder.addService(out, IpvsTables.tcp("203.0.113.1", 80, Scheduler.RR, ForwardingMethod.NAT,
                List.of()));
        out.line("-D -t 203.0.113.1:80");

        assertThat(out.lines()).isEqualTo(2);
    }
}
