package io.ballast.agent.dataplane.nftables.netlink;

import static io.ballast.agent.dataplane.nftables.netlink.NetlinkMessages.attribute;
import static io.ballast.agent.dataplane.nftables.netlink.NetlinkMessages.concat;
import static io.ballast.agent.dataplane.nftables.netlink.NetlinkMessages.counter;
import static io.ballast.agent.dataplane.nftables.netlink.NetlinkMessages.done;
import static io.ballast.agent.dataplane.nftables.netlink.NetlinkMessages.element;
import static io.ballast.agent.dataplane.nftables.netlink.NetlinkMessages.elements;
import static io.ballast.agent.dataplane.nftables.netlink.NetlinkMessages.error;
import static io.ballast.agent.dataplane.nftables.netlink.NetlinkMessages.nested;
import static io.ballast.agent.dataplane.nftables.netlink.NetlinkMessages.string;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SetElementDumpTest {

    private static final int SEQ = 77;

    /** key bytes (as a list for equality) → {packets, bytes}, from the datagrams given. */
    private static Map<List<Byte>, List<Long>> read(byte[]... datagrams) throws NetlinkException {
        Map<List<Byte>, List<Long>> out = new LinkedHashMap<>();
        boolean found = SetElementDump.read(new NetlinkMessages.Replay(SEQ, List.of(datagrams)),
                SetElementDump.NFPROTO_INET, "t", "s", (message, at, length, packets, bytes) -> {
                    Byte[] key = new Byte[length];
                    for (int i = 0; i < length; i++) {
                        key[i] = message.get(at + i);
                    }
                    out.put(Arrays.asList(key), List.of(packets, bytes));
                });
        assertThat(found).isTrue();
        return out;
    }

    private static List<Byte> key(int... bytes) {
        Byte[] key = new Byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            key[i] = (byte) bytes[i];
        }
        return Arrays.asList(key);
    }

    @Test
    void requestIsAGetSetElemDumpOfTheNamedTableAndSet() {
        ByteBuffer request = SetElementDump.request(SEQ, SetElementDump.NFPROTO_INET, "ballast", "rsi4");

        assertThat(request.remaining()).isEqualTo(16 + 4 + 12 + 12); // "ballast\0" = 8 → 12; "rsi4\0" = 5 → 12 padded
        assertThat(request.getInt(0)).isEqualTo(request.remaining());
        assertThat(request.getShort(4)).isEqualTo((short) (10 << 8 | 13));
        assertThat(request.getShort(6)).isEqualTo((short) (0x1 | 0x300));
        assertThat(request.getInt(8)).isEqualTo(SEQ);
        assertThat(request.get(16)).isEqualTo((byte) 1); // NFPROTO_INET
        assertThat(request.getShort(20)).isEqualTo((short) 12);
        assertThat(request.getShort(22)).isEqualTo((short) 1); // NFTA_SET_ELEM_LIST_TABLE
        assertThat(new String(request.array(), 24, 8, StandardCharsets.UTF_8)).isEqualTo("ballast\0");
        assertThat(request.getShort(32)).isEqualTo((short) 9); // 4 + "rsi4\0", padding not counted
        assertThat(request.getShort(34)).isEqualTo((short) 2); // NFTA_SET_ELEM_LIST_SET
        assertThat(request.get(41)).isZero(); // NUL
    }

    @Test
    void elementsOfOneDatagramComeOutWithTheirKeysAndBigEndianCounters() throws NetlinkException {
        // A 5-byte key: its attribute is padded to 12 bytes; the parser must skip the 3 padding bytes.
        byte[] datagram = concat(
                elements(SEQ, element(new byte[] {1, 2, 3, 4, 5}, 3, 180), element(new byte[] {9, 9, 9, 9}, 1L << 40, 7)),
                done(SEQ, 0));

        Map<List<Byte>, List<Long>> read = read(datagram);

        assertThat(read).containsExactly(Map.entry(key(1, 2, 3, 4, 5), List.of(3L, 180L)),
                Map.entry(key(9, 9, 9, 9), List.of(1L << 40, 7L)));
    }

    @Test
    void aDumpSpanningSeveralDatagramsIsReadToItsDone() throws NetlinkException {
        Map<List<Byte>, List<Long>> read = read(elements(SEQ, element(new byte[] {1, 0, 0, 0}, 1, 10)),
                elements(SEQ, element(new byte[] {2, 0, 0, 0}, 2, 20), element(new byte[] {3, 0, 0, 0}, 3, 30)),
                done(SEQ, 0));

        assertThat(read).hasSize(3).containsEntry(key(3, 0, 0, 0), List.of(3L, 30L));
    }

    @Test
    void counterAmongSeveralExpressionsIsFoundByItsName() throws NetlinkException {
        byte[] quota = concat(string(SetElementDump.NFTA_EXPR_NAME, "quota"), nested(SetElementDump.NFTA_EXPR_DATA,
                NetlinkMessages.bigEndianLong(1, 999), NetlinkMessages.bigEndianLong(2, 888)));
        byte[] element = nested(SetElementDump.NFTA_LIST_ELEM,
                nested(SetElementDump.NFTA_SET_ELEM_KEY, attribute(SetElementDump.NFTA_DATA_VALUE, new byte[] {7, 7, 7, 7})),
                nested(SetElementDump.NFTA_SET_ELEM_EXPRESSIONS, nested(SetElementDump.NFTA_LIST_ELEM, quota),
                        nested(SetElementDump.NFTA_LIST_ELEM, counter(5, 500))));

        assertThat(read(concat(elements(SEQ, element), done(SEQ, 0)))).containsExactly(
                Map.entry(key(7, 7, 7, 7), List.of(5L, 500L)));
    }

    @Test
    void nestedFlagOnAttributeTypesIsIgnored() throws NetlinkException {
        int nestedFlag = 0x8000;
        byte[] element = nested(SetElementDump.NFTA_LIST_ELEM | nestedFlag,
                nested(SetElementDump.NFTA_SET_ELEM_KEY | nestedFlag, attribute(SetElementDump.NFTA_DATA_VALUE, new byte[] {4, 4, 4, 4})),
                nested(SetElementDump.NFTA_SET_ELEM_EXPR | nestedFlag, counter(1, 2)));

        assertThat(read(concat(elements(SEQ, element), done(SEQ, 0)))).containsEntry(key(4, 4, 4, 4), List.of(1L, 2L));
    }

    @Test
    void elementWithoutCounterCountsZero() throws NetlinkException {
        byte[] element = nested(SetElementDump.NFTA_LIST_ELEM,
                nested(SetElementDump.NFTA_SET_ELEM_KEY, attribute(SetElementDump.NFTA_DATA_VALUE, new byte[] {5, 5, 5, 5})));

        assertThat(read(concat(elements(SEQ, element), done(SEQ, 0)))).containsEntry(key(5, 5, 5, 5), List.of(0L, 0L));
    }

    @Test
    void missingTableOrSetIsAnAbsentSetNotAnError() throws NetlinkException {
        boolean found = SetElementDump.read(new NetlinkMessages.Replay(SEQ, List.of(error(SEQ, -Errno.ENOENT))),
                SetElementDump.NFPROTO_INET, "t", "s", (message, at, length, packets, bytes) -> { });

        assertThat(found).isFalse();
    }

    @Test
    void kernelRefusalBecomesASentenceNamingTheSetAndTheRemedy() {
        assertThatThrownBy(() -> read(error(SEQ, -Errno.EPERM)))
                .isInstanceOf(NetlinkException.class)
                .hasMessageContaining("set s in table inet t")
                .hasMessageContaining("Operation not permitted (EPERM)")
                .hasMessageContaining("CAP_NET_ADMIN")
                .satisfies(e -> assertThat(((NetlinkException) e).errno()).isEqualTo(Errno.EPERM));
    }

    @Test
    void dumpThatFailsHalfWaySaysSoInItsDone() {
        assertThatThrownBy(() -> read(elements(SEQ, element(new byte[] {1, 0, 0, 0}, 1, 1)), done(SEQ, -Errno.ENOMEM)))
                .isInstanceOf(NetlinkException.class).hasMessageContaining("Cannot allocate memory");
    }

    @Test
    void truncatedMessageIsAClearErrorNotFewerElements() {
        byte[] whole = elements(SEQ, element(new byte[] {1, 0, 0, 0}, 1, 1), element(new byte[] {2, 0, 0, 0}, 2, 2));
        byte[] cut = Arrays.copyOf(whole, whole.length - 20);

        assertThatThrownBy(() -> read(cut)).isInstanceOf(NetlinkException.class)
                .hasMessageContaining("cut short").hasMessageContaining("netlink message at byte 0");
    }

    @Test
    void attributeLongerThanItsMessageIsAClearError() {
        byte[] datagram = elements(SEQ, element(new byte[] {1, 0, 0, 0}, 1, 1));
        ByteBuffer b = ByteBuffer.wrap(datagram).order(ByteOrder.nativeOrder());
        b.putShort(20, (short) 0x7ff0); // the table-name attribute claims far more than is there

        assertThatThrownBy(() -> read(datagram)).isInstanceOf(NetlinkException.class)
                .hasMessageContaining("cut short").hasMessageContaining("attribute at byte 20");
    }

    @Test
    void answerToAnotherRequestIsRefused() {
        assertThatThrownBy(() -> read(concat(elements(SEQ + 1, element(new byte[] {1, 0, 0, 0}, 1, 1)), done(SEQ + 1, 0))))
                .isInstanceOf(NetlinkException.class).hasMessageContaining("sequence number 78 where 77 was expected");
    }

    @Test
    void dumpInterruptedByAChangeAsksForARetry() {
        byte[] datagram = elements(SEQ, element(new byte[] {1, 0, 0, 0}, 1, 1));
        ByteBuffer.wrap(datagram).order(ByteOrder.nativeOrder()).putShort(6, (short) (0x2 | 0x10));

        assertThatThrownBy(() -> read(datagram)).isInstanceOf(NetlinkException.class)
                .satisfies(e -> assertThat(((NetlinkException) e).errno()).isEqualTo(Errno.EINTR));
    }

    @Test
    void counterOfTheWrongWidthIsAClearError() {
        byte[] bad = concat(string(SetElementDump.NFTA_EXPR_NAME, "counter"), nested(SetElementDump.NFTA_EXPR_DATA,
                attribute(SetElementDump.NFTA_COUNTER_PACKETS, new byte[] {0, 0, 0, 1})));
        byte[] element = nested(SetElementDump.NFTA_LIST_ELEM,
                nested(SetElementDump.NFTA_SET_ELEM_KEY, attribute(SetElementDump.NFTA_DATA_VALUE, new byte[] {1, 0, 0, 0})),
                nested(SetElementDump.NFTA_SET_ELEM_EXPR, bad));

        assertThatThrownBy(() -> read(concat(elements(SEQ, element), done(SEQ, 0)))).isInstanceOf(NetlinkException.class)
                .hasMessageContaining("64-bit number");
    }
}
