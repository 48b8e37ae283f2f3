package io.ballast.model.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ballast.model.validate.Problem;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Walks a document beside the record types it should bind to and notes every unknown field, every
 * missing required field and every explicit null. Jackson stops at the first of these; an operator
 * fixing a file wants all of them. A field's JSON name is its record component's name (the records
 * rename nothing).
 *
 * <p>Nulls are refused because the schema gives null no meaning apart from leaving a field out, and
 * Jackson would silently turn a null number into 0 (a weight of 0 drains a server).
 */
final class ShapeCheck {

    /** One field of a record type, worked out once per type. */
    private record Field(String name, String escaped, Type type, boolean required) {
    }

    /** The fields of a record type, its field names and the "known fields" text. */
    private record Fields(List<Field> fields, Set<String> names, String known, String noun) {
    }

    private static final ClassValue<Fields> FIELDS = new ClassValue<>() {
        @Override
        protected Fields computeValue(Class<?> type) {
            List<Field> fields = Arrays.stream(type.getRecordComponents())
                    .map(c -> new Field(c.getName(), JsonProblems.escape(c.getName()), c.getGenericType(),
                            isRequired(c)))
                    .toList();
            List<String> names = fields.stream().map(Field::name).toList();
            return new Fields(fields, Set.copyOf(names), String.join(", ", names), words(type.getSimpleName()));
        }
    };

    private ShapeCheck() {
    }

    static List<Problem> check(JsonNode root, Class<?> type) {
        List<Problem> problems = new ArrayList<>();
        check(root, type, new StringBuilder(), problems);
        return problems;
    }

    // The path is one builder, grown and cut back as the walk goes: a large spec has ~400,000 fields.
    private static void check(JsonNode node, Type type, StringBuilder path, List<Problem> problems) {
        if (node.isNull()) {
            problems.add(new Problem(path.toString(), "null is not allowed; leave the field out to use its default,"
                    + " or give a value"));
            return;
        }
        Class<?> raw = raw(type);
        if (raw.isRecord() && node.isObject()) {
            checkRecord(node, FIELDS.get(raw), path, problems);
        } else if (Collection.class.isAssignableFrom(raw) && node.isArray()
                && type instanceof ParameterizedType parameterized) {
            Type element = parameterized.getActualTypeArguments()[0];
            int length = path.length();
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), element, path.append('/').append(i), problems);
                path.setLength(length);
            }
        }
    }

    private static void checkRecord(JsonNode node, Fields fields, StringBuilder path, List<Problem> problems) {
        int length = path.length();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!fields.names().contains(name)) {
                problems.add(new Problem(path.append('/').append(JsonProblems.escape(name)).toString(),
                        "unknown field; known fields are " + fields.known()));
                path.setLength(length);
            }
        }
        for (Field field : fields.fields()) {
            JsonNode value = node.get(field.name());
            path.append('/').append(field.escaped());
            if (value == null) {
                if (field.required()) {
                    problems.add(new Problem(path.toString(), "is missing; every " + fields.noun() + " needs "
                            + field.name()));
                }
            } else {
                check(value, field.type(), path, problems);
            }
            path.setLength(length);
        }
    }

    private static boolean isRequired(RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        return property != null && property.required();
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    /** "RealServer" → "real server". */
    static String words(String camelCase) {
        return camelCase.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
