package io.ballast.agent.dataplane.nftables;

import io.ballast.model.Addresses;
import io.ballast.model.RealServer;
import io.ballast.model.VirtualService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Elements a service puts in the table's shared maps and sets (besides its counters, {@link CounterSets},
 * its slots, {@link SlotMaps}, and its records, {@link RecordSet}): its entry in the dispatch map, its
 * persistence entries and its VIP. Values are "set[ : verdict]", as the renderer compares them.
 */
final class ServiceElements {

    private ServiceElements() {
    }

    /** Persistence element of every server of a persistent service: key → "map : jump vsNu". */
    static Map<String, String> persistence(List<InstalledService> services) {
        Map<String, String> elements = new LinkedHashMap<>();
        for (InstalledService installed : services) {
            VirtualService service = installed.service();
            if (service.persistence() == null) {
                continue;
            }
            String map = service.firewallMark() != null ? (service.isIpv6() ? "pstm6" : "pstm4")
                    : (service.isIpv6() ? "pst6" : "pst4");
            for (RealServer server : service.realServers()) {
                elements.put(NftRulesetRenderer.counterKey(service, server.address(), server.port()),
                        map + " : jump " + installed.persistChain());
            }
        }
        return elements;
    }

    static Map<String, String> vips(List<InstalledService> services) {
        Map<String, String> vips = new LinkedHashMap<>();
        for (InstalledService installed : services) {
            VirtualService service = installed.service();
            if (service.firewallMark() != null) {
                vips.put(Integer.toUnsignedString(service.firewallMark()), "vipmark");
            } else {
                vips.put(Addresses.canonical(service.address()), (service.isIpv6() ? "vip6" : "vip4"));
            }
        }
        return vips;
    }

    static String dispatchMap(VirtualService service) {
        return service.firewallMark() != null ? "svcmark" : service.isIpv6() ? "svc6" : "svc4";
    }

    static String dispatchKey(VirtualService service) {
        if (service.firewallMark() != null) {
            return Integer.toUnsignedString(service.firewallMark());
        }
        return Addresses.canonical(service.address()) + " . " + service.protocol().name().toLowerCase(Locale.ROOT)
                + " . " + service.port();
    }
}
