package io.ballast.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.ballast.model.validate.Problem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Finds explicit nulls. The schema gives null no meaning apart from leaving a field out, and Jackson would
 * silently turn a null number into 0 (a weight of 0 drains a server), so a null is refused where it stands.
 */
final class NullValues {

    private NullValues() {
    }

    static List<Problem> find(JsonNode root) {
        List<Problem> problems = new ArrayList<>();
        walk(root, "", problems);
        return problems;
    }

    private static void walk(JsonNode node, String path, List<Problem> problems) {
        if (node.isNull()) {
            problems.add(new Problem(path, "null is not allowed; leave the field out to use its default,"
                    + " or give a value"));
        } else if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                walk(field.getValue(), path + "/" + JsonProblems.escape(field.getKey()), problems);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, problems);
            }
        }
    }
}
