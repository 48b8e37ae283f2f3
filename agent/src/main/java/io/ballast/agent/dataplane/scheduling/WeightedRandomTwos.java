package io.ballast.agent.dataplane.scheduling;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * ip_vs_twos: two servers drawn at random in proportion to their weights; the one with the smaller
 * overhead/weight wins.
 */
final class WeightedRandomTwos implements ConnectionScheduler {

    private final RandomGenerator random;

    WeightedRandomTwos(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public Destination select(List<? extends Destination> destinations, ScheduledFlow flow) {
        Destination choice1 = null;
        Destination choice2 = null;
        long totalWeight = 0;
        for (Destination d : destinations) {
            if (!d.overloaded() && d.weight() > 0) {
                totalWeight += d.weight();
                choice1 = d;
            }
        }
        if (choice1 == null) {
            return null;
        }
        // +1 so that the draws are inclusive from 0 to the total weight, as the kernel does
        totalWeight += 1;
        long rweight1 = random.nextLong(totalWeight);
        long rweight2 = random.nextLong(totalWeight);
        long weight1 = -1;
        long weight2 = -1;
        long overhead1 = 0;
        long overhead2 = 0;
        for (Destination d : destinations) {
            if (d.overloaded()) {
                continue;
            }
            int weight = d.weight();
            if (weight <= 0) {
                continue;
            }
            rweight1 -= weight;
            rweight2 -= weight;
            if (rweight1 <= 0 && weight1 == -1) {
                choice1 = d;
                weight1 = weight;
                overhead1 = d.overhead();
            }
            if (rweight2 <= 0 && weight2 == -1) {
                choice2 = d;
                weight2 = weight;
                overhead2 = d.overhead();
            }
            if (weight1 != -1 && weight2 != -1) {
                break;
            }
        }
        if (choice2 != null && weight2 * overhead1 > weight1 * overhead2) {
            return choice2;
        }
        return choice1;
    }
}
