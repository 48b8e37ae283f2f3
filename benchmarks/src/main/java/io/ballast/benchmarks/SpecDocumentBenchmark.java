package io.ballast.benchmarks;

import io.ballast.model.ClusterSpec;
import io.ballast.model.json.SpecCodec;
import io.ballast.model.json.SpecFormatException;
import io.ballast.model.json.SpecLoader;
import io.ballast.model.validate.Problem;
import io.ballast.model.validate.Validator;
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
 * What an agent does with a large spec before planning: read it strictly, validate it, write it back.
 * Bare Jackson binding of the same text is the peer, to show what the strict checks cost.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar SpecDocumentBenchmark -f 1 -wi 3 -i 5</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SpecDocumentBenchmark {

    private ClusterSpec spec;
    private String json;

    @Setup
    public void setUp() {
        spec = LargeSpecs.generate(20_277L);
        json = SpecCodec.write(spec);
    }

    @Benchmark
    public ClusterSpec readStrict() throws SpecFormatException {
        return SpecCodec.read(json);
    }

    /** The peer: Jackson binding alone, without the schema-version, null and shape checks. */
    @Benchmark
    public ClusterSpec readBareJackson() throws Exception {
        return SpecCodec.mapper().readValue(json, ClusterSpec.class);
    }

    @Benchmark
    public List<Problem> validate() {
        return Validator.validate(spec);
    }

    @Benchmark
    public SpecLoader.LoadResult loadAndValidate() {
        return SpecLoader.load(json);
    }

    @Benchmark
    public String write() {
        return SpecCodec.write(spec);
    }
}
