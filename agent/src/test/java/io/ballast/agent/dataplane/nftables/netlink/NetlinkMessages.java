package io.ballast.agent.dataplane.nftables.netlink;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Builds netlink messages byte by byte, as the kernel lays them out, for the codec's tests. */
final class NetlinkMessages {

    private NetlinkMessages() {
    }

    /** An attribute: header, payload, zero padding to 4 bytes. */
    static byte[] attribute(int type, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(SetElementDump.align(4 + payload.length)).order(ByteOrder.nativeOrder());
        b.putShort((short) (4 + payload.length)).putShort((short) type).put(payload);
        return b.array();
    }

    static byte[] nested(int type, byte[]... children) {
        return attribute(type, concat(children));
    }

    static byte[] string(int type, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        byte[] terminated = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, terminated, 0, bytes.length);
        return attribute(type, terminated);
    }

    static byte[] bigEndianLong(int type, long value) {
        return attribute(type, ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putLong(value).array());
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] message(int type, int flags, int sequence, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(SetElementDump.align(16 + payload.length)).order(ByteOrder.nativeOrder());
        b.putInt(16 + payload.length).putShort((short) type).putShort((short) flags).putInt(sequence).putInt(4242)
                .put(payload);
        return b.array();
    }

    /** NFT_MSG_NEWSETELEM for table t, set s, with these elements (each an NFTA_LIST_ELEM). */
    static byte[] elements(int sequence, byte[]... elements) {
        byte[] payload = concat(new byte[] {SetElementDump.NFPROTO_INET, 0, 0, 0},
                string(SetElementDump.NFTA_SET_ELEM_LIST_TABLE, "t"), string(SetElementDump.NFTA_SET_ELEM_LIST_SET, "s"),
                nested(SetElementDump.NFTA_SET_ELEM_LIST_ELEMENTS, elements));
        return message(SetElementDump.NEWSETELEM, 0x2, sequence, payload);
    }

    /** An element whose key is {@code key} and whose one expression is a counter (NFTA_SET_ELEM_EXPR). */
    static byte[] element(byte[] key, long packets, long bytes) {
        return nested(SetElementDump.NFTA_LIST_ELEM,
                nested(SetElementDump.NFTA_SET_ELEM_KEY, attribute(SetElementDump.NFTA_DATA_VALUE, key)),
                nested(SetElementDump.NFTA_SET_ELEM_EXPR, counter(packets, bytes)));
    }

    /** The inside of an expression attribute: NAME "counter", DATA { BYTES, PACKETS } (the kernel's order). */
    static byte[] counter(long packets, long bytes) {
        return concat(string(SetElementDump.NFTA_EXPR_NAME, "counter"), nested(SetElementDump.NFTA_EXPR_DATA,
                bigEndianLong(SetElementDump.NFTA_COUNTER_BYTES, bytes),
                bigEndianLong(SetElementDump.NFTA_COUNTER_PACKETS, packets)));
    }

    static byte[] done(int sequence, int status) {
        return message(SetElementDump.NLMSG_DONE, 0x2, sequence,
                ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(status).array());
    }

    static byte[] error(int sequence, int negativeErrno) {
        byte[] echoed = new byte[16]; // the request's header, as the kernel echoes it
        return message(SetElementDump.NLMSG_ERROR, 0, sequence, concat(
                ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(negativeErrno).array(), echoed));
    }

    /** A channel that answers with the given datagrams and records what was sent. */
    static final class Replay implements SetElementDump.Channel {
        final List<ByteBuffer> sent = new ArrayList<>();
        private final List<byte[]> datagrams;
        private final int sequence;
        private int next;

        Replay(int sequence, List<byte[]> datagrams) {
            this.sequence = sequence;
            this.datagrams = datagrams;
        }

        @Override
        public int nextSequence() {
            return sequence;
        }

        @Override
        public void send(ByteBuffer message) {
            sent.add(message);
        }

        @Override
        public ByteBuffer receive() throws NetlinkException {
            if (next == datagrams.size()) {
                throw new NetlinkException(Errno.EAGAIN, "no more datagrams");
            }
            return ByteBuffer.wrap(datagrams.get(next++));
        }
    }
}
