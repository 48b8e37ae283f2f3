package io.ballast.model.validate;

import io.ballast.model.Addresses;

/** Netmask forms ipvsadm -M accepts: dotted IPv4 masks and IPv6 prefix lengths. */
final class Netmasks {

    private Netmasks() {
    }

    /** True for a dotted mask of contiguous ones, 128.0.0.0 up to 255.255.255.255. */
    static boolean isIpv4Mask(String text) {
        if (!Addresses.isIpv4(text)) {
            return false;
        }
        long bits = 0;
        for (String octet : text.split("\\.")) {
            bits = (bits << 8) | Integer.parseInt(octet);
        }
        long inverted = ~bits & 0xFFFF_FFFFL;
        return bits != 0 && (inverted & (inverted + 1)) == 0;
    }

    static boolean isIpv6PrefixLength(String text) {
        if (!text.matches("\\d{1,3}")) {
            return false;
        }
        int length = Integer.parseInt(text);
        return length >= 1 && length <= 128;
    }
}
