package io.ballast.agent.testsupport.netns;

import io.ballast.model.ClusterForm;

/** The cluster spec and the plain keepalived.conf of a {@link DirectorPair} scenario, as text. */
final class ScenarioSpecs {

    private ScenarioSpecs() {
    }

    /**
     * HA_PAIR: rs1..rs3 behind both directors in two services on the VIP, "web" (busybox httpd, port 80)
     * and "echo" (identity servers, port {@value DirectorPair#ECHO_PORT}: long-lived connections that
     * answer every line), and the gateway VIP on the back network (the floating address the directors
     * source-NAT to). STREAMLINE: "web" only, on the directors themselves (by their front address, as
     * the validator asks) and rs1. NAT forwarding, tcp health checks every 500 ms.
     */
    static String spec(DirectorPair.Options options) {
        boolean streamline = options.form() == ClusterForm.STREAMLINE;
        String servers = streamline
                ? server("lb-a", "203.0.113.11") + ",\n" + server("lb-b", "203.0.113.12") + ",\n"
                        + server("rs1", DirectorPair.realServer(1))
                : server("rs1", DirectorPair.realServer(1)) + ",\n" + server("rs2", DirectorPair.realServer(2)) + ",\n"
                        + server("rs3", DirectorPair.realServer(3));
        return """
                {
                  "schemaVersion": 1,
                  "name": "scenario",
                  "form": "%s",
                  "revision": 1,
                  "directors": [
                    { "id": "lb-a", "address": "203.0.113.11", "agentEndpoint": "https://192.0.2.11:9443",
                      "priority": 150, "iface": "eth0" },
                    { "id": "lb-b", "address": "203.0.113.12", "agentEndpoint": "https://192.0.2.12:9443",
                      "priority": 100, "iface": "eth0" }
                  ],
                  "virtualServices": [
                    {
                      "name": "web", "protocol": "TCP", "address": "%s", "port": 80,
                      "scheduler": "rr", "forwarding": "nat",
                      "healthCheck": { "type": "tcp", "intervalMs": 500, "timeoutMs": 300, "rise": 1, "fall": 2 },
                      "realServers": [
                %s
                      ]
                    }%s
                  ],
                  "failover": { "vrid": 51, "advertIntervalMs": %d, "preempt": %s, "preemptDelaySeconds": 0,
                                "connectionSync": %s%s }
                }
                """.formatted(options.form(), DirectorPair.VIP, servers, streamline ? "" : echo(servers),
                options.advertIntervalMs(), options.preempt(), options.connectionSync(),
                streamline ? "" : ", \"gatewayVips\": [ \"" + DirectorPair.GATEWAY_VIP + "\" ]");
    }

    private static String echo(String servers) {
        return """
                ,
                    {
                      "name": "echo", "protocol": "TCP", "address": "%s", "port": %d,
                      "scheduler": "rr", "forwarding": "nat",
                      "healthCheck": { "type": "tcp", "intervalMs": 500, "timeoutMs": 300, "rise": 1, "fall": 2 },
                      "realServers": [
                %s
                      ]
                    }""".formatted(DirectorPair.VIP, DirectorPair.ECHO_PORT,
                servers.replace("\"port\": 80", "\"port\": " + DirectorPair.ECHO_PORT));
    }

    private static String server(String name, String address) {
        return "        { \"name\": \"" + name + "\", \"address\": \"" + address + "\", \"port\": 80, \"weight\": 1 }";
    }

    /** What an operator writes by hand: one instance, the VIP and the gateway VIP, unicast peers, nothing else. */
    static String plainKeepalived(DirectorPair.Options options, boolean isA) {
        String self = isA ? "203.0.113.11" : "203.0.113.12";
        String peer = isA ? "203.0.113.12" : "203.0.113.11";
        return """
                global_defs {
                    router_id %s
                    vrrp_version %d
                }
                vrrp_instance VI_1 {
                    state BACKUP
                    interface eth0
                    virtual_router_id 51
                    priority %d
                    advert_int %s
                    unicast_src_ip %s
                    unicast_peer {
                        %s
                    }
                    virtual_ipaddress {
                        %s/32 dev eth0
                        %s/32 dev eth1
                    }
                }
                """.formatted(isA ? "lb-a" : "lb-b", options.plainVrrpVersion(), isA ? 150 : 100,
                options.plainAdvertInt(), self, peer, DirectorPair.VIP, DirectorPair.GATEWAY_VIP);
    }
}
