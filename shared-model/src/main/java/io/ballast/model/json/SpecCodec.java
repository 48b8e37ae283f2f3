package io.ballast.model.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.ballast.model.ClusterSpec;
import io.ballast.model.validate.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The one JSON form of a cluster spec, shared by agent, client and files.
 *
 * <p>{@link #read} is strict: malformed JSON (with line and column), another schema version, unknown
 * fields, missing required fields, explicit nulls, wrong types and values outside an enum are all
 * reported as {@link Problem}s with a JSON-pointer path, never as a stack trace. Which fields are
 * required is written in docs/spec-format.md and marked {@code @JsonProperty(required = true)} on the
 * records. {@link #write} gives the fields in record component order and leaves out absent values,
 * so {@code write(read(write(x)))} equals {@code write(x)}. For reading and validating in one step,
 * see {@link SpecLoader}.
 */
public final class SpecCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // A number or boolean where text belongs is a mistake in a hand-written file, not an id.
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private SpecCodec() {
    }

    /** The configured mapper, for API bodies that carry specs and other model records. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads a spec; every problem found while reading is in the exception, each with its path. */
    public static ClusterSpec read(String json) throws SpecFormatException {
        JsonNode tree = parse(json);
        Problem version = SchemaVersionCheck.check(tree);
        if (version != null) {
            throw new SpecFormatException(List.of(version));
        }
        List<Problem> problems = ShapeCheck.check(tree, ClusterSpec.class);
        if (!problems.isEmpty()) {
            throw new SpecFormatException(problems);
        }
        try {
            return MAPPER.treeToValue(tree, ClusterSpec.class);
        } catch (JsonProcessingException e) {
            throw new SpecFormatException(List.of(JsonProblems.fromBinding(e)));
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

    private static JsonNode parse(String json) throws SpecFormatException {
        if (json == null || json.isBlank()) {
            throw new SpecFormatException(List.of(new Problem("", "the document is empty; a cluster spec is a JSON"
                    + " object that starts with \"schemaVersion\": " + ClusterSpec.SCHEMA_VERSION)));
        }
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new SpecFormatException(List.of(JsonProblems.fromSyntax(e)));
        }
    }
}
