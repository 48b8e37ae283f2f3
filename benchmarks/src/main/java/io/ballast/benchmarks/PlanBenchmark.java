package io.ballast.benchmarks;

import io.ballast.model.ClusterSpec;
import io.ballast.model.VirtualService;
import io.ballast.model.plan.Plan;
import io.ballast.model.plan.PlanApplier;
import io.ballast.model.plan.Planner;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Planning between two large specs (2,277 services, 37,205 real servers) that differ in 1 % of their
 * real servers; target ≤ 50 ms. Planning a spec against itself is the floor (indexing and comparing
 * everything, emitting nothing) and is measured in the same run for the ratio.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar PlanBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PlanBenchmark {

    private static final long SEED = 20_277L;

    private ClusterSpec from;
    private ClusterSpec to;
    private Plan onePercent;

    @Setup
    public void setUp() {
        from = LargeSpecs.generate(SEED);
        to = LargeSpecs.withChangedRealServers(from, LargeSpecs.REAL_SERVERS / 100, SEED + 1);
        onePercent = Planner.between(from, to);
    }

    /** The target: 372 real servers changed (weights, drains, removals, replacements). */
    @Benchmark
    public Plan planOnePercentOfRealServersChanged() {
        return Planner.between(from, to);
    }

    /** The floor, in the same run: everything compared, nothing emitted. */
    @Benchmark
    public Plan planIdenticalSpecs() {
        return Planner.between(from, from);
    }

    /** What the userspace plane and the property tests do with the plan. */
    @Benchmark
    public List<VirtualService> applyOnePercentPlan() {
        return PlanApplier.apply(onePercent, from.virtualServices());
    }
}
