package io.ballast.model.validate;

import io.ballast.model.Addresses;
import io.ballast.model.FailoverSettings;
import java.util.List;

/** VRRPv3 limits and the addresses that move with the VIPs. */
final class FailoverRules {

    private FailoverRules() {
    }

    static void check(FailoverSettings failover, Problems problems) {
        problems.range("/failover/vrid", failover.vrid(), 1, 255);
        int advert = failover.advertIntervalMs();
        if (advert < 10 || advert > 255_000) {
            problems.add("/failover/advertIntervalMs", "must be between 10 and 255000 ms; it is " + advert);
        } else if (advert % 10 != 0) {
            problems.add("/failover/advertIntervalMs", "must be a multiple of 10 ms, because VRRPv3 counts the"
                    + " advert interval in centiseconds; it is " + advert);
        }
        problems.range("/failover/preemptDelaySeconds", failover.preemptDelaySeconds(), 0, 1000);
        literals(failover.unicastPeers(), "/failover/unicastPeers/", "a peer director's address", problems);
        literals(failover.gatewayVips(), "/failover/gatewayVips/", "the gateway address real servers route through",
                problems);
    }

    private static void literals(List<String> addresses, String base, String what, Problems problems) {
        for (int i = 0; i < addresses.size(); i++) {
            if (!Addresses.isLiteral(addresses.get(i))) {
                problems.add(base + i, "'" + addresses.get(i) + "' is not an IP address literal; write " + what
                        + ", such as 192.0.2.12 or 2001:db8::12");
            }
        }
    }
}
