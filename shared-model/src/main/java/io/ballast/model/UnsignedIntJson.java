package io.ballast.model;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;

/**
 * Firewall marks are unsigned 32-bit numbers (1..4294967295) held in a Java int: the JSON shows the
 * unsigned value, the record keeps the same 32 bits the kernel does.
 */
final class UnsignedIntJson {

    private UnsignedIntJson() {
    }

    static final class Serializer extends StdSerializer<Integer> {

        Serializer() {
            super(Integer.class);
        }

        @Override
        public void serialize(Integer value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeNumber(Integer.toUnsignedLong(value));
        }
    }

    static final class Deserializer extends StdDeserializer<Integer> {

        Deserializer() {
            super(Integer.class);
        }

        @Override
        public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                return (Integer) ctxt.handleUnexpectedToken(Integer.class, p);
            }
            long value = p.getLongValue();
            if (value < 0 || value > 0xFFFF_FFFFL) {
                return (Integer) ctxt.handleWeirdNumberValue(Integer.class, value,
                        "must be between 0 and 4294967295 (an unsigned 32-bit number)");
            }
            return (int) value;
        }
    }
}
