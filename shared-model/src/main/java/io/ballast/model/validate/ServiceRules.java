package io.ballast.model.validate;

import io.ballast.model.Addresses;
import io.ballast.model.Persistence;
import io.ballast.model.Scheduler;
import io.ballast.model.SchedulerFlag;
import io.ballast.model.SorryServer;
import io.ballast.model.VirtualService;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Rules for each virtual service's own settings; its real servers and health check have their own classes. */
final class ServiceRules {

    private static final String SCHEDULERS = Arrays.stream(Scheduler.values())
            .map(Scheduler::wireName).collect(Collectors.joining(", "));

    private ServiceRules() {
    }

    static void check(List<VirtualService> services, Problems problems) {
        Map<String, Integer> firstWithKey = new HashMap<>();
        for (int i = 0; i < services.size(); i++) {
            VirtualService service = services.get(i);
            String base = "/virtualServices/" + i;
            String key = service.firewallMark() != null ? checkMarkService(service, base, problems)
                    : checkAddressService(service, base, problems);
            if (key != null) {
                Integer first = firstWithKey.putIfAbsent(key, i);
                if (first != null) {
                    problems.add(base, "defines " + key + " again, like /virtualServices/" + first
                            + "; a service may be defined once, so merge their real servers into one");
                }
            }
            checkScheduler(service, base, problems);
            if (service.persistence() != null) {
                checkPersistence(service.persistence(), service.isIpv6(), base + "/persistence", problems);
            }
            if (service.sorryServer() != null) {
                checkSorryServer(service.sorryServer(), base + "/sorryServer", problems);
            }
            if (service.healthCheck() != null) {
                HealthCheckRules.check(service.healthCheck(), base + "/healthCheck", problems);
            }
            RealServerRules.check(service, base, problems);
        }
    }

    /** Returns the service's identity for duplicate detection, or null when it has none yet. */
    private static String checkMarkService(VirtualService service, String base, Problems problems) {
        String mark = Integer.toUnsignedString(service.firewallMark());
        if (service.firewallMark() == 0) {
            problems.add(base + "/firewallMark", "must be between 1 and 4294967295; 0 marks nothing");
        }
        if (!"inet".equals(service.addressFamily()) && !"inet6".equals(service.addressFamily())) {
            problems.add(base + "/addressFamily", "a firewall-mark service must say which traffic it balances:"
                    + " \"inet\" (IPv4) or \"inet6\" (IPv6)");
        }
        if (service.address() != null) {
            problems.add(base + "/address", "a firewall-mark service has no address (the mark selects its traffic);"
                    + " remove address or firewallMark");
        }
        if (service.port() != 0) {
            problems.add(base + "/port", "a firewall-mark service has no port (the mark selects its traffic);"
                    + " remove port or firewallMark");
        }
        if (service.protocol() != null) {
            problems.add(base + "/protocol", "a firewall-mark service has no protocol (the mark selects its traffic);"
                    + " remove protocol or firewallMark");
        }
        return service.firewallMark() == 0 ? null : "fwm/" + mark;
    }

    private static String checkAddressService(VirtualService service, String base, Problems problems) {
        boolean literal = Addresses.isLiteral(service.address());
        if (service.protocol() == null) {
            problems.add(base + "/protocol", "is missing; must be TCP, UDP or SCTP (or give a firewallMark instead)");
        }
        if (service.address() == null) {
            problems.add(base + "/address", "is missing; write the VIP, such as 203.0.113.10 or 2001:db8::10"
                    + " (or give a firewallMark instead)");
        } else if (!literal) {
            problems.add(base + "/address", "'" + service.address() + "' is not an IP address literal; write the VIP,"
                    + " such as 203.0.113.10 or 2001:db8::10 (host names are not resolved)");
        }
        problems.range(base + "/port", service.port(), 1, 65535);
        if (service.addressFamily() != null && literal) {
            String family = Addresses.isIpv6(service.address()) ? "inet6" : "inet";
            if (!family.equals(service.addressFamily())) {
                problems.add(base + "/addressFamily", "is \"" + service.addressFamily() + "\" but the address "
                        + service.address() + " is " + family + "; remove addressFamily (it is only needed with a"
                        + " firewallMark)");
            }
        }
        if (service.protocol() == null || !literal) {
            return null;
        }
        return service.protocol().name().toLowerCase(Locale.ROOT) + "/"
                + Addresses.endpoint(Addresses.canonical(service.address()), service.port());
    }

    private static void checkScheduler(VirtualService service, String base, Problems problems) {
        Scheduler scheduler = service.scheduler();
        if (scheduler == null) {
            problems.add(base + "/scheduler", "is missing; must be one of " + SCHEDULERS);
        }
        for (SchedulerFlag flag : service.schedulerFlags()) {
            if (flag.scheduler() != scheduler) {
                problems.add(base + "/schedulerFlags", flag.wireName() + " belongs to the " + flag.scheduler().wireName()
                        + " scheduler" + (scheduler == null ? "" : ", not " + scheduler.wireName())
                        + "; remove the flag or change the scheduler");
            }
        }
    }

    private static void checkPersistence(Persistence persistence, boolean ipv6, String base, Problems problems) {
        if (persistence.timeoutSeconds() <= 0) {
            problems.add(base + "/timeoutSeconds", "must be more than 0 seconds; remove persistence to turn"
                    + " client affinity off");
        }
        String netmask = persistence.netmask();
        if (netmask == null) {
            return;
        }
        if (ipv6 && !Netmasks.isIpv6PrefixLength(netmask)) {
            problems.add(base + "/netmask", "'" + netmask + "' is not an IPv6 prefix length; write a number from"
                    + " 1 to 128, such as \"64\"");
        } else if (!ipv6 && !Netmasks.isIpv4Mask(netmask)) {
            problems.add(base + "/netmask", "'" + netmask + "' is not an IPv4 netmask; write contiguous ones such"
                    + " as 255.255.255.0");
        }
    }

    private static void checkSorryServer(SorryServer sorry, String base, Problems problems) {
        if (!Addresses.isLiteral(sorry.address())) {
            problems.add(base + "/address", "'" + sorry.address() + "' is not an IP address literal;"
                    + " write the sorry server's address, such as 198.51.100.99");
        }
        problems.range(base + "/port", sorry.port(), 1, 65535);
    }
}
