package io.ballast.agent.dataplane.nftables.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The nf_tables request that lists a set's elements (NFT_MSG_GETSETELEM as a dump) and the parser of
 * its answer, on plain ByteBuffers (uapi linux/netlink.h, linux/netfilter/nfnetlink.h,
 * linux/netfilter/nf_tables.h of kernel 6.1). Netlink headers and attribute headers are in the host's
 * byte order; counters are big-endian u64. An answer is one or more datagrams of NFT_MSG_NEWSETELEM
 * messages, ended by NLMSG_DONE (or NLMSG_ERROR):
 * <pre>
 * nlmsghdr | nfgenmsg | TABLE | SET | ELEMENTS { LIST_ELEM { KEY { DATA_VALUE: key bytes }
 *                                                         EXPR { NAME "counter", DATA { BYTES, PACKETS } }
 *                                                         or EXPRESSIONS { LIST_ELEM { NAME, DATA } … } } … }
 * </pre>
 * The kernel nests without setting NLA_F_NESTED here, so nesting is known from the attribute's type.
 */
public final class SetElementDump {

    /** nfgenmsg family of an {@code inet} table. */
    public static final byte NFPROTO_INET = 1;

    static final int NLMSG_HDRLEN = 16;
    static final int NFGENMSG_LEN = 4;
    static final int NLM_F_REQUEST = 0x01;
    static final int NLM_F_DUMP_INTR = 0x10;
    static final int NLM_F_DUMP = 0x300;
    static final int NLMSG_NOOP = 1;
    static final int NLMSG_ERROR = 2;
    static final int NLMSG_DONE = 3;
    static final int NLMSG_OVERRUN = 4;
    static final int NFNL_SUBSYS_NFTABLES = 10;
    static final int NFT_MSG_NEWSETELEM = 12;
    static final int NFT_MSG_GETSETELEM = 13;
    static final int NEWSETELEM = NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_NEWSETELEM;
    static final int GETSETELEM = NFNL_SUBSYS_NFTABLES << 8 | NFT_MSG_GETSETELEM;
    /** NLA_F_NESTED and NLA_F_NET_BYTEORDER: flags, not part of an attribute's type. */
    static final int NLA_TYPE_MASK = 0x3fff;
    static final int NFT_NAME_MAXLEN = 256;

    // enum nft_set_elem_list_attributes
    static final int NFTA_SET_ELEM_LIST_TABLE = 1;
    static final int NFTA_SET_ELEM_LIST_SET = 2;
    static final int NFTA_SET_ELEM_LIST_ELEMENTS = 3;
    // enum nft_list_attributes
    static final int NFTA_LIST_ELEM = 1;
    // enum nft_set_elem_attributes (6.1: PAD is 8, so OBJREF 9, KEY_END 10, EXPRESSIONS 11)
    static final int NFTA_SET_ELEM_KEY = 1;
    static final int NFTA_SET_ELEM_EXPR = 7;
    static final int NFTA_SET_ELEM_EXPRESSIONS = 11;
    // enum nft_data_attributes
    static final int NFTA_DATA_VALUE = 1;
    // enum nft_expr_attributes
    static final int NFTA_EXPR_NAME = 1;
    static final int NFTA_EXPR_DATA = 2;
    // enum nft_counter_attributes
    static final int NFTA_COUNTER_BYTES = 1;
    static final int NFTA_COUNTER_PACKETS = 2;

    private static final byte[] COUNTER = "counter".getBytes(StandardCharsets.US_ASCII);

    private SetElementDump() {
    }

    /** Where requests go and answers come from: a netlink socket, or hand-made datagrams in tests. */
    public interface Channel {
        int nextSequence();

        void send(ByteBuffer message) throws NetlinkException;

        /** The next datagram, from position to limit. */
        ByteBuffer receive() throws NetlinkException;
    }

    /** Receives each element: its key's bytes in {@code message} and its counter (0, 0 when it has none). */
    @FunctionalInterface
    public interface ElementSink {
        void element(ByteBuffer message, int keyAt, int keyLength, long packets, long bytes) throws NetlinkException;
    }

    /**
     * Lists one set's elements into {@code sink}.
     *
     * @return false when the table or the set does not exist (the kernel's ENOENT)
     * @throws NetlinkException for any other refusal or a malformed answer; the channel may then hold the
     *                          rest of the answer, so a socket should be closed, not reused
     */
    public static boolean read(Channel channel, byte family, String table, String set, ElementSink sink)
            throws NetlinkException {
        int sequence = channel.nextSequence();
        channel.send(request(sequence, family, table, set));
        try {
            while (!parse(channel.receive(), sequence, sink)) {
                // a dump spans as many datagrams as the set needs
            }
            return true;
        } catch (NetlinkException e) {
            if (e.errno() == Errno.ENOENT) {
                return false;
            }
            throw new NetlinkException(e.errno(), "Reading the counters of set " + set + " in table inet " + table
                    + " over netlink failed: " + e.getMessage(), e);
        }
    }

    /** The dump request: GETSETELEM with NLM_F_REQUEST | NLM_F_DUMP, the table and set named. */
    public static ByteBuffer request(int sequence, byte family, String table, String set) {
        byte[] tableName = name(table, "table");
        byte[] setName = name(set, "set");
        int length = NLMSG_HDRLEN + NFGENMSG_LEN + attributeSpace(tableName.length) + attributeSpace(setName.length);
        ByteBuffer message = ByteBuffer.allocate(length).order(ByteOrder.nativeOrder());
        message.putInt(length).putShort((short) GETSETELEM).putShort((short) (NLM_F_REQUEST | NLM_F_DUMP))
                .putInt(sequence).putInt(0); // port id 0: the kernel fills in ours
        message.put(family).put((byte) 0).putShort((short) 0); // NFNETLINK_V0, res_id 0
        putAttribute(message, NFTA_SET_ELEM_LIST_TABLE, tableName);
        putAttribute(message, NFTA_SET_ELEM_LIST_SET, setName);
        return message.flip();
    }

    /** A NUL-terminated name, as the kernel's NLA_STRING policy takes it. */
    private static byte[] name(String name, String what) {
        byte[] text = name.getBytes(StandardCharsets.UTF_8);
        if (text.length == 0 || text.length >= NFT_NAME_MAXLEN) {
            throw new IllegalArgumentException("An nftables " + what + " name must have 1 to " + (NFT_NAME_MAXLEN - 1)
                    + " bytes: '" + name + "'.");
        }
        byte[] terminated = new byte[text.length + 1];
        System.arraycopy(text, 0, terminated, 0, text.length);
        return terminated;
    }

    private static int attributeSpace(int payload) {
        return align(4 + payload);
    }

    private static void putAttribute(ByteBuffer message, int type, byte[] payload) {
        message.putShort((short) (4 + payload.length)).putShort((short) type).put(payload);
        while ((message.position() & 3) != 0) {
            message.put((byte) 0);
        }
    }

    static int align(int length) {
        return (length + 3) & ~3;
    }

    /**
     * Parses one datagram of the answer to request {@code sequence}.
     *
     * @return true when the answer is complete (NLMSG_DONE)
     */
    public static boolean parse(ByteBuffer datagram, int sequence, ElementSink sink) throws NetlinkException {
        ByteBuffer d = datagram.order(ByteOrder.nativeOrder());
        int end = d.limit();
        Counter counter = new Counter();
        for (int at = d.position(); at < end; ) {
            if (end - at < NLMSG_HDRLEN) {
                throw truncated("netlink message header", at, NLMSG_HDRLEN, end - at);
            }
            int length = d.getInt(at);
            int type = d.getShort(at + 4) & 0xffff;
            int flags = d.getShort(at + 6) & 0xffff;
            int seq = d.getInt(at + 8);
            if (length < NLMSG_HDRLEN || length > end - at) {
                throw truncated("netlink message", at, length, end - at);
            }
            if (seq != sequence) {
                throw new NetlinkException(0, "A netlink answer carried sequence number " + Integer.toUnsignedString(seq)
                        + " where " + Integer.toUnsignedString(sequence) + " was expected: it answers another request.");
            }
            if ((flags & NLM_F_DUMP_INTR) != 0) {
                throw new NetlinkException(Errno.EINTR, "The set changed while it was being read (NLM_F_DUMP_INTR).");
            }
            switch (type) {
                case NLMSG_NOOP:
                    break;
                case NLMSG_DONE:
                    // A dump that failed half-way says so in NLMSG_DONE's payload (a negative errno).
                    int status = length >= NLMSG_HDRLEN + 4 ? d.getInt(at + NLMSG_HDRLEN) : 0;
                    if (status < 0) {
                        throw refused(-status);
                    }
                    return true;
                case NLMSG_ERROR:
                    if (length < NLMSG_HDRLEN + 4) {
                        throw truncated("netlink error message", at, NLMSG_HDRLEN + 4, length);
                    }
                    int error = d.getInt(at + NLMSG_HDRLEN);
                    if (error == 0) {
                        return true; // an acknowledgement: nothing more follows
                    }
                    throw refused(-error);
                case NLMSG_OVERRUN:
                    throw new NetlinkException(Errno.ENOBUFS, "The kernel dropped part of the netlink answer (NLMSG_OVERRUN).");
                case NEWSETELEM:
                    if (length < NLMSG_HDRLEN + NFGENMSG_LEN) {
                        throw truncated("nf_tables message", at, NLMSG_HDRLEN + NFGENMSG_LEN, length);
                    }
                    elementList(d, at + NLMSG_HDRLEN + NFGENMSG_LEN, at + length, sink, counter);
                    break;
                default:
                    throw new NetlinkException(0, "Unexpected netlink message type 0x" + Integer.toHexString(type)
                            + " in the answer to a set listing.");
            }
            at += Math.min(align(length), end - at);
        }
        return false;
    }

    private static NetlinkException refused(int errno) {
        return new NetlinkException(errno, "the kernel answered " + Errno.describe(errno) + "." + Errno.advice(errno));
    }

    private static NetlinkException truncated(String what, int at, int declared, int available) {
        return new NetlinkException(0, "The netlink answer is cut short: the " + what + " at byte " + at + " needs "
                + declared + " bytes, but " + available + " are there.");
    }

    /** Checks the attribute header at {@code at} and returns its length (header included, not padded). */
    private static int attribute(ByteBuffer d, int at, int to) throws NetlinkException {
        if (to - at < 4) {
            throw truncated("attribute header", at, 4, to - at);
        }
        int length = d.getShort(at) & 0xffff;
        if (length < 4 || length > to - at) {
            throw truncated("attribute", at, length, to - at);
        }
        return length;
    }

    private static int type(ByteBuffer d, int at) {
        return d.getShort(at + 2) & NLA_TYPE_MASK;
    }

    private static int next(int at, int length, int to) {
        return Math.min(at + align(length), to);
    }

    private static void elementList(ByteBuffer d, int from, int to, ElementSink sink, Counter counter)
            throws NetlinkException {
        for (int at = from; at < to; ) {
            int length = attribute(d, at, to);
            if (type(d, at) == NFTA_SET_ELEM_LIST_ELEMENTS) {
                for (int e = at + 4; e < at + length; ) {
                    int elementLength = attribute(d, e, at + length);
                    if (type(d, e) == NFTA_LIST_ELEM) {
                        element(d, e + 4, e + elementLength, sink, counter);
                    }
                    e = next(e, elementLength, at + length);
                }
            }
            at = next(at, length, to);
        }
    }

    private static void element(ByteBuffer d, int from, int to, ElementSink sink, Counter counter)
            throws NetlinkException {
        int keyAt = -1;
        int keyLength = 0;
        counter.reset();
        for (int at = from; at < to; ) {
            int length = attribute(d, at, to);
            int type = type(d, at);
            if (type == NFTA_SET_ELEM_KEY) {
                for (int k = at + 4; k < at + length; ) {
                    int valueLength = attribute(d, k, at + length);
                    if (type(d, k) == NFTA_DATA_VALUE) {
                        keyAt = k + 4;
                        keyLength = valueLength - 4;
                    }
                    k = next(k, valueLength, at + length);
                }
            } else if (type == NFTA_SET_ELEM_EXPR) {
                expression(d, at + 4, at + length, counter);
            } else if (type == NFTA_SET_ELEM_EXPRESSIONS) {
                for (int x = at + 4; x < at + length; ) {
                    int expressionLength = attribute(d, x, at + length);
                    if (type(d, x) == NFTA_LIST_ELEM) {
                        expression(d, x + 4, x + expressionLength, counter);
                    }
                    x = next(x, expressionLength, at + length);
                }
            }
            at = next(at, length, to);
        }
        if (keyAt < 0) {
            throw new NetlinkException(0, "A set element at byte " + from + " of the netlink answer has no key.");
        }
        sink.element(d, keyAt, keyLength, counter.packets, counter.bytes);
    }

    /** One expression; only a "counter" one sets the counter (a set may also carry limits, quotas…). */
    private static void expression(ByteBuffer d, int from, int to, Counter counter) throws NetlinkException {
        boolean isCounter = false;
        int dataAt = -1;
        int dataTo = -1;
        for (int at = from; at < to; ) {
            int length = attribute(d, at, to);
            int type = type(d, at);
            if (type == NFTA_EXPR_NAME) {
                isCounter = isCounterName(d, at + 4, length - 4);
            } else if (type == NFTA_EXPR_DATA) {
                dataAt = at + 4;
                dataTo = at + length;
            }
            at = next(at, length, to);
        }
        if (!isCounter || dataAt < 0) {
            return;
        }
        for (int at = dataAt; at < dataTo; ) {
            int length = attribute(d, at, dataTo);
            int type = type(d, at);
            if (type == NFTA_COUNTER_BYTES || type == NFTA_COUNTER_PACKETS) {
                if (length != 4 + 8) {
                    throw new NetlinkException(0, "A counter attribute at byte " + at + " of the netlink answer has "
                            + (length - 4) + " bytes where a 64-bit number was expected.");
                }
                long value = bigEndianLong(d, at + 4);
                if (type == NFTA_COUNTER_BYTES) {
                    counter.bytes = value;
                } else {
                    counter.packets = value;
                }
            }
            at = next(at, length, dataTo);
        }
    }

    private static boolean isCounterName(ByteBuffer d, int at, int length) {
        int text = length;
        while (text > 0 && d.get(at + text - 1) == 0) {
            text--; // NLA_STRING: NUL-terminated, maybe padded
        }
        if (text != COUNTER.length) {
            return false;
        }
        for (int i = 0; i < text; i++) {
            if (d.get(at + i) != COUNTER[i]) {
                return false;
            }
        }
        return true;
    }

    private static long bigEndianLong(ByteBuffer d, int at) {
        long value = d.getLong(at);
        return d.order() == ByteOrder.BIG_ENDIAN ? value : Long.reverseBytes(value);
    }

    /** The counter of the element being parsed; one per datagram rather than one per element. */
    private static final class Counter {
        long packets;
        long bytes;

        void reset() {
            packets = 0;
            bytes = 0;
        }
    }
}
