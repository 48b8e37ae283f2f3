package io.ballast.agent.dataplane.nftables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotTablesTest {

    @Test
    void weightedSlotsGiveEachServerItsShareInterleaved() {
        List<Integer> slots = SlotTables.weighted(new int[] {3, 1}, 1024);

        assertThat(slots).containsExactly(0, 0, 0, 1);
        assertThat(SlotTables.weighted(new int[] {2, 2, 1}, 1024)).containsExactly(0, 1, 0, 1, 2);
    }

    @Test
    void weightsAreReducedByTheirCommonDivisor() {
        assertThat(SlotTables.weighted(new int[] {300, 100}, 1024)).hasSize(4);
    }

    @Test
    void zeroWeightGetsNoSlot() {
        assertThat(SlotTables.weighted(new int[] {2, 0, 1}, 1024)).doesNotContain(1).hasSize(3);
    }

    @Test
    void hugeWeightsAreScaledDownToTheSlotLimitKeepingEveryServer() {
        List<Integer> slots = SlotTables.weighted(new int[] {65535, 1, 30000}, 1024);

        assertThat(slots.size()).isLessThanOrEqualTo(1024 + 3);
        assertThat(slots).contains(0, 1, 2);
        assertThat(Collections.frequency(slots, 0)).isGreaterThan(Collections.frequency(slots, 2));
    }

    @Test
    void maglevTableFollowsTheWeights() {
        int[] table = SlotTables.maglev(List.of("a:80", "b:80", "c:80"), new int[] {2, 1, 1}, Integer.MAX_VALUE);

        assertThat(table).hasSize(251);
        long a = Arrays.stream(table).filter(i -> i == 0).count();
        long b = Arrays.stream(table).filter(i -> i == 1).count();
        assertThat((double) a / b).isBetween(1.7, 2.3);
    }

    @Test
    void maglevMovesFewEntriesWhenOneServerLeaves() {
        List<String> names = List.of("a:80", "b:80", "c:80", "d:80", "e:80");
        int[] before = SlotTables.maglev(names, new int[] {1, 1, 1, 1, 1}, Integer.MAX_VALUE);
        int[] after = SlotTables.maglev(names, new int[] {1, 1, 1, 1, 0}, Integer.MAX_VALUE);

        int moved = 0;
        for (int i = 0; i < before.length; i++) {
            if (before[i] != 4 && before[i] != after[i]) {
                moved++;
            }
        }
        // Only entries of the server that left should move; Maglev allows a little more churn.
        assertThat(moved).isLessThan(before.length / 10);
    }

    @Test
    void maglevIsTheSameOnEveryRun() {
        List<String> names = List.of("198.51.100.11:80", "198.51.100.12:80");
        assertThat(SlotTables.maglev(names, new int[] {1, 1}, Integer.MAX_VALUE))
                .containsExactly(SlotTables.maglev(names, new int[] {1, 1}, Integer.MAX_VALUE));
    }
}
