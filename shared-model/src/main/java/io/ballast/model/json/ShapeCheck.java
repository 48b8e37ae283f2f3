package io.ballast.model.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.ballast.model.validate.Problem;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Walks a document beside the record types it should bind to and notes every unknown and every missing
 * required field. Jackson stops at the first of these; an operator fixing a file wants all of them.
 * A field's JSON name is its record component's name (the records rename nothing).
 */
final class ShapeCheck {

    private ShapeCheck() {
    }

    static void check(JsonNode node, Type type, String path, List<Problem> problems) {
        Class<?> raw = raw(type);
        if (raw.isRecord() && node.isObject()) {
            checkRecord(node, raw, path, problems);
        } else if (Collection.class.isAssignableFrom(raw) && node.isArray()
                && type instanceof ParameterizedType parameterized) {
            Type element = parameterized.getActualTypeArguments()[0];
            for (int i = 0; i < node.size(); i++) {
                check(node.get(i), element, path + "/" + i, problems);
            }
        }
    }

    private static void checkRecord(JsonNode node, Class<?> type, String path, List<Problem> problems) {
        RecordComponent[] components = type.getRecordComponents();
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (Arrays.stream(components).noneMatch(c -> c.getName().equals(name))) {
                problems.add(new Problem(path + "/" + JsonProblems.escape(name), "unknown field; known fields are "
                        + Arrays.stream(components).map(RecordComponent::getName).collect(Collectors.joining(", "))));
            }
        }
        for (RecordComponent component : components) {
            JsonNode value = node.get(component.getName());
            String fieldPath = path + "/" + JsonProblems.escape(component.getName());
            if (value == null) {
                if (isRequired(component)) {
                    problems.add(new Problem(fieldPath, "is missing; every " + words(type.getSimpleName())
                            + " needs " + component.getName()));
                }
            } else {
                check(value, component.getGenericType(), fieldPath, problems);
            }
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
