package io.ballast.agent.dataplane.userspace;

import io.ballast.agent.dataplane.DataPlaneException;
import io.ballast.agent.dataplane.PlaneOptions;
import io.ballast.agent.dataplane.scheduling.Schedulers;

/**
 * The plane's optional settings (PlaneOptions.settings); none is required.
 *
 * @param udpIdleTimeoutMillis    "udpIdleTimeoutSeconds": a UDP flow idle this long ends (default 300, IPVS's)
 * @param bufferBytes             "bufferBytes": per-direction buffer of a TCP session (default 16384)
 * @param connectTimeoutMillis    "connectTimeoutSeconds": a real server that has not accepted a TCP
 *                                connection by then counts as refusing it (default 5)
 * @param expireQuiescentTemplate "expireQuiescentTemplate": a persistence template whose server has
 *                                weight 0 is dropped (default false, as the IPVS sysctl)
 * @param schedulers              "mhTableSize": Maglev table size, a prime (default 65537)
 */
record UserspaceSettings(long udpIdleTimeoutMillis, int bufferBytes, long connectTimeoutMillis,
                         boolean expireQuiescentTemplate,
                         Schedulers.Settings schedulers) {

    static UserspaceSettings from(PlaneOptions options) throws DataPlaneException {
        long udpIdle = number(options, "udpIdleTimeoutSeconds", 300, 1, 86_400) * 1000L;
        int buffer = (int) number(options, "bufferBytes", 16_384, 1_024, 1 << 24);
        long connectTimeout = number(options, "connectTimeoutSeconds", 5, 1, 600) * 1000L;
        String quiescent = options.setting("expireQuiescentTemplate", "false");
        if (!quiescent.equals("true") && !quiescent.equals("false")) {
            throw new DataPlaneException("userspace plane setting expireQuiescentTemplate is '" + quiescent
                    + "'; it must be true or false");
        }
        int mh = (int) number(options, "mhTableSize", 65_537, 3, 1 << 20);
        if (!java.math.BigInteger.valueOf(mh).isProbablePrime(30)) {
            throw new DataPlaneException("userspace plane setting mhTableSize is " + mh
                    + "; it must be a prime such as 65537 (the Maglev paper) or 4093 (the kernel's default)");
        }
        return new UserspaceSettings(udpIdle, buffer, connectTimeout, Boolean.parseBoolean(quiescent),
                Schedulers.Settings.defaults().withMhTableSize(mh));
    }

    private static long number(PlaneOptions options, String key, long fallback, long min, long max)
            throws DataPlaneException {
        String text = options.settings().get(key);
        if (text == null) {
            return fallback;
        }
        try {
            long value = Long.parseLong(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // fall through to the sentence below
        }
        throw new DataPlaneException("userspace plane setting " + key + " is '" + text + "'; it must be a whole number from "
                + min + " to " + max);
    }
}
