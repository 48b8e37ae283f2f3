package io.ballast.agent.dataplane.scheduling;

import io.ballast.model.Scheduler;
import io.ballast.model.SchedulerFlag;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/** Makes the scheduler a virtual service names, with the kernel's defaults unless told otherwise. */
public final class Schedulers {

    /** The kernel's lblc_expiration and lblcr_expiration default: 24 hours. */
    public static final long DEFAULT_LOCALITY_EXPIRATION_MILLIS = 24L * 60 * 60 * 1000;

    /**
     * Knobs the kernel keeps in sysctls or Kconfig.
     *
     * @param mhTableSize                Maglev lookup table size (a prime)
     * @param localityExpirationMillis   lblc/lblcr entry expiration
     * @param clockMillis                time source for lblc/lblcr
     * @param random                     randomness for twos
     */
    public record Settings(int mhTableSize, long localityExpirationMillis, LongSupplier clockMillis,
                           RandomGenerator random) {

        public static Settings defaults() {
            return new Settings(MaglevHashing.DEFAULT_TABLE_SIZE, DEFAULT_LOCALITY_EXPIRATION_MILLIS,
                    System::currentTimeMillis, RandomGenerator.getDefault());
        }

        public Settings withMhTableSize(int size) {
            return new Settings(size, localityExpirationMillis, clockMillis, random);
        }

        public Settings withClock(LongSupplier clock, long expirationMillis) {
            return new Settings(mhTableSize, expirationMillis, clock, random);
        }

        public Settings withRandom(RandomGenerator newRandom) {
            return new Settings(mhTableSize, localityExpirationMillis, clockMillis, newRandom);
        }
    }

    private Schedulers() {
    }

    /** A fresh scheduler for a service whose destinations are {@code destinations} now. */
    public static ConnectionScheduler create(Scheduler kind, Set<SchedulerFlag> flags,
                                             List<? extends Destination> destinations, Settings settings) {
        switch (kind) {
            case RR:
                return new RoundRobin();
            case WRR:
                return new WeightedRoundRobin(destinations);
            case LC:
                return new LeastConnection();
            case WLC:
                return WeightedLeastConnection.wlc();
            case SED:
                return WeightedLeastConnection.sed();
            case NQ:
                return new NeverQueue();
            case FO:
                return new WeightedFailover();
            case OVF:
                return new WeightedOverflow();
            case TWOS:
                return new WeightedRandomTwos(settings.random());
            case DH:
                return new DestinationHashing(destinations);
            case SH:
                return new SourceHashing(destinations, flags.contains(SchedulerFlag.SH_FALLBACK),
                        flags.contains(SchedulerFlag.SH_PORT));
            case MH:
                return new MaglevHashing(destinations, settings.mhTableSize(), flags.contains(SchedulerFlag.MH_FALLBACK),
                        flags.contains(SchedulerFlag.MH_PORT));
            case LBLC:
                return new LocalityBasedLeastConnection(settings.clockMillis(), settings.localityExpirationMillis());
            case LBLCR:
                return new LocalityBasedLeastConnectionReplication(settings.clockMillis(),
                        settings.localityExpirationMillis());
            default:
                throw new IllegalArgumentException("no scheduler '" + kind.wireName() + "'");
        }
    }
}
