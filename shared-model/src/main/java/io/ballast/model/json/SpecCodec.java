package io.ballast.model.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.ballast.model.ClusterSpec;
import io.ballast.model.validate.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The one JSON form of a cluster spec, shared by agent, client and files. */
public final class SpecCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private SpecCodec() {
    }

    /** The configured mapper, for API bodies that carry specs and other model records. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ClusterSpec read(String json) throws SpecFormatException {
        try {
            return MAPPER.readValue(json, ClusterSpec.class);
        } catch (JsonProcessingException e) {
            throw new SpecFormatException(List.of(new Problem("", e.getOriginalMessage())));
        }
    }

    public static String write(ClusterSpec spec) {
        try {
            return MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a spec record could not be written as JSON", e);
        }
    }

    /** SHA-256 of the spec's JSON without its revision: equal on two directors exactly when they enforce the same thing. */
    public static String hash(ClusterSpec spec) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(write(spec.withRevision(0)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
