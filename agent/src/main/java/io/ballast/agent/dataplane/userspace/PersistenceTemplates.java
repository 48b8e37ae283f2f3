package io.ballast.agent.dataplane.userspace;

import io.ballast.model.Addresses;
import io.ballast.model.Persistence;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Client affinity as IPVS keeps it: a template per client network (address under the netmask)
 * naming a real server. A template lives while connections it placed are open and for the
 * persistence timeout after the last of them ends or the last new one was placed, whichever is later.
 */
final class PersistenceTemplates {

    static final class Template {
        final Backend backend;
        long lastUseMillis;
        int controlled;

        Template(Backend backend, long now) {
            this.backend = backend;
            this.lastUseMillis = now;
        }
    }

    private final Map<InetAddress, Template> templates = new HashMap<>();
    private final long timeoutMillis;
    private final byte[] mask4;
    private final byte[] mask6;

    PersistenceTemplates(Persistence persistence) {
        this.timeoutMillis = persistence.timeoutSeconds() * 1000L;
        this.mask4 = mask(persistence.netmask(), 4);
        this.mask6 = mask(persistence.netmask(), 16);
    }

    /** The live template of this client's network, or null. */
    Template find(InetAddress client, long now) {
        InetAddress network = network(client);
        Template t = templates.get(network);
        if (t != null && expired(t, now)) {
            templates.remove(network);
            return null;
        }
        return t;
    }

    Template create(InetAddress client, Backend backend, long now) {
        Template t = new Template(backend, now);
        templates.put(network(client), t);
        return t;
    }

    void forget(InetAddress client) {
        templates.remove(network(client));
    }

    void expire(long now) {
        for (Iterator<Template> it = templates.values().iterator(); it.hasNext(); ) {
            if (expired(it.next(), now)) {
                it.remove();
            }
        }
    }

    int size() {
        return templates.size();
    }

    private boolean expired(Template t, long now) {
        return t.controlled == 0 && now - t.lastUseMillis > timeoutMillis;
    }

    private InetAddress network(InetAddress client) {
        byte[] bytes = client.getAddress();
        byte[] mask = bytes.length == 4 ? mask4 : mask6;
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] &= mask[i];
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("address of length " + bytes.length, e);
        }
    }

    /**
     * A mask of {@code length} bytes from a dotted IPv4 mask or a prefix length; no netmask means
     * one client address per template, as ipvsadm's default 255.255.255.255 (IPv6: /128).
     */
    static byte[] mask(String netmask, int length) {
        int prefix = length * 8;
        if (netmask != null && !netmask.isBlank()) {
            if (netmask.contains(".")) {
                if (length == 16) {
                    return mask(null, 16);
                }
                return Addresses.parse(netmask)
                        .map(InetAddress::getAddress)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "persistence netmask '" + netmask + "' is not a dotted IPv4 mask"));
            }
            try {
                prefix = Math.min(prefix, Integer.parseInt(netmask.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("persistence netmask '" + netmask
                        + "' is neither a dotted IPv4 mask nor a prefix length");
            }
        }
        byte[] mask = new byte[length];
        for (int bit = 0; bit < prefix; bit++) {
            mask[bit / 8] |= (byte) (0x80 >>> (bit % 8));
        }
        return mask;
    }
}
