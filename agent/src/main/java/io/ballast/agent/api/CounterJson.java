package io.ballast.agent.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.ballast.model.api.CounterSample;
import io.ballast.model.api.Counters;
import io.ballast.model.json.SpecCodec;
import java.io.IOException;

/**
 * The shared mapper, with the two records a stats tick holds 10,000 of written field by field: the
 * generic record serializer reads each component through reflection, which made up most of the SSE
 * sender's time at 10,000 real servers. The JSON is the same (same names, same order, nulls left out,
 * as {@link SpecCodec#mapper()} writes them); a test compares the two.
 */
final class CounterJson {

    private CounterJson() {
    }

    /** A copy of {@link SpecCodec#mapper()} that writes counter samples directly. */
    static ObjectMapper mapper() {
        SimpleModule module = new SimpleModule("ballast-counters");
        module.addSerializer(CounterSample.class, new SampleSerializer());
        module.addSerializer(Counters.class, new CountersSerializer());
        return SpecCodec.mapper().copy().registerModule(module);
    }

    private static final class SampleSerializer extends StdSerializer<CounterSample> {
        SampleSerializer() {
            super(CounterSample.class);
        }

        @Override
        public void serialize(CounterSample sample, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeStartObject();
            if (sample.service() != null) {
                out.writeStringField("service", sample.service());
            }
            if (sample.realServer() != null) {
                out.writeStringField("realServer", sample.realServer());
            }
            if (sample.counters() != null) {
                out.writeFieldName("counters");
                CountersSerializer.write(sample.counters(), out);
            }
            if (sample.rates() != null) {
                provider.defaultSerializeField("rates", sample.rates(), out);
            }
            out.writeEndObject();
        }
    }

    private static final class CountersSerializer extends StdSerializer<Counters> {
        CountersSerializer() {
            super(Counters.class);
        }

        @Override
        public void serialize(Counters counters, JsonGenerator out, SerializerProvider provider) throws IOException {
            write(counters, out);
        }

        static void write(Counters c, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeNumberField("activeConnections", c.activeConnections());
            out.writeNumberField("inactiveConnections", c.inactiveConnections());
            out.writeNumberField("connections", c.connections());
            out.writeNumberField("packetsIn", c.packetsIn());
            out.writeNumberField("packetsOut", c.packetsOut());
            out.writeNumberField("bytesIn", c.bytesIn());
            out.writeNumberField("bytesOut", c.bytesOut());
            out.writeEndObject();
        }
    }
}
