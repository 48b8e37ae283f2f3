package io.ballast.agent.dataplane.nftables;

import io.ballast.agent.dataplane.nftables.netlink.NetlinkException;
import io.ballast.model.Addresses;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a counter set element's key, as the kernel stores it, into the text
 * {@link NftRulesetRenderer#counterKey} writes, guided by the set's declared type. The kernel keeps a
 * concatenation as its fields one after the other, each padded to 4 bytes; addresses, protocol and
 * port in network byte order, the mark in the host's (nft's mark type is host-endian).
 */
final class CounterKeyFormat {

    /** A field of a concatenated key: its nft type name and its length before padding. */
    enum Field {
        IPV4("ipv4_addr", 4), IPV6("ipv6_addr", 16), PROTOCOL("inet_proto", 1), PORT("inet_service", 2), MARK("mark", 4);

        final String type;
        final int length;

        Field(String type, int length) {
            this.type = type;
            this.length = length;
        }
    }

    private final String type;
    private final Field[] fields;
    private final int length;
    private final StringBuilder text = new StringBuilder(64);
    private final byte[] v6 = new byte[16];

    private CounterKeyFormat(String type, Field[] fields) {
        this.type = type;
        this.fields = fields;
        int total = 0;
        for (Field field : fields) {
            total += (field.length + 3) & ~3;
        }
        this.length = total;
    }

    /** From a set type such as {@code ipv4_addr . inet_proto . ipv4_addr . inet_service}. */
    static CounterKeyFormat of(String type) {
        List<Field> fields = new ArrayList<>();
        for (String name : type.strip().split("\\s*\\.\\s*")) {
            Field found = null;
            for (Field field : Field.values()) {
                if (field.type.equals(name)) {
                    found = field;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("A counter set's key type '" + type + "' has a field '" + name
                        + "' that the netlink reader cannot decode.");
            }
            fields.add(found);
        }
        return new CounterKeyFormat(type, fields.toArray(new Field[0]));
    }

    /** The format of each of Ballast's counter sets, from their declarations ({@link CounterSets#declarations()}). */
    static Map<String, CounterKeyFormat> ofCounterSets() {
        Map<String, CounterKeyFormat> formats = new HashMap<>();
        CounterSets.declarations().forEach((set, body) -> {
            int from = body.indexOf("type ") + "type ".length();
            formats.put(set, of(body.substring(from, body.indexOf(';', from))));
        });
        return formats;
    }

    /** Key bytes → text; a key of another length than the type's means the set is not what we declared. */
    String decode(ByteBuffer key, int at, int keyLength) throws NetlinkException {
        if (keyLength != length) {
            throw new NetlinkException(0, "A counter element's key has " + keyLength + " bytes where the set's type '"
                    + type + "' has " + length + ": the set is not the one Ballast declares.");
        }
        text.setLength(0);
        int field = at;
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                text.append(" . ");
            }
            switch (fields[i]) {
                case IPV4:
                    text.append(key.get(field) & 0xff).append('.').append(key.get(field + 1) & 0xff).append('.')
                            .append(key.get(field + 2) & 0xff).append('.').append(key.get(field + 3) & 0xff);
                    break;
                case IPV6:
                    text.append(ipv6(key, field));
                    break;
                case PROTOCOL:
                    text.append(CounterListing.protocol(Integer.toString(key.get(field) & 0xff)));
                    break;
                case PORT:
                    text.append(((key.get(field) & 0xff) << 8) | (key.get(field + 1) & 0xff));
                    break;
                case MARK:
                    text.append(Integer.toUnsignedString(key.duplicate().order(ByteOrder.nativeOrder()).getInt(field)));
                    break;
                default:
                    throw new IllegalStateException("unreachable: " + fields[i]);
            }
            field += (fields[i].length + 3) & ~3;
        }
        return text.toString();
    }

    private String ipv6(ByteBuffer key, int at) {
        for (int i = 0; i < 16; i++) {
            v6[i] = key.get(at + i);
        }
        try {
            return Addresses.canonical(InetAddress.getByAddress(v6).getHostAddress());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("16 bytes are always an address", e);
        }
    }
}
