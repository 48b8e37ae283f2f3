package io.ballast.agent.failover.lab;

import java.nio.charset.StandardCharsets;

/**
 * A lab VRRP advert: who sends it, for which router id, at which priority. Priority 0 means the
 * sender is stepping down and a backup should take over at once (RFC 5798 §6.4.3).
 */
record Advert(int vrid, String node, int priority, int advertMs) {

    private static final String MAGIC = "ballast-lab-vrrp/1";

    byte[] encode() {
        return String.join(" ", MAGIC, Integer.toString(vrid), node, Integer.toString(priority),
                Integer.toString(advertMs)).getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes a datagram; null for anything that is not a lab advert (it is ignored, not an error). */
    static Advert decode(byte[] data, int length) {
        String[] parts = new String(data, 0, length, StandardCharsets.UTF_8).split(" ");
        if (parts.length != 5 || !parts[0].equals(MAGIC)) {
            return null;
        }
        try {
            return new Advert(Integer.parseInt(parts[1]), parts[2], Integer.parseInt(parts[3]),
                    Integer.parseInt(parts[4]));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
