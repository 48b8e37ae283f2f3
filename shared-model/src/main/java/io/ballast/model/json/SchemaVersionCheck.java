package io.ballast.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.ballast.model.ClusterSpec;
import io.ballast.model.validate.Problem;

/**
 * Looks at schemaVersion before anything else: a document of another version has another shape, so its
 * field-by-field problems would only hide the one that matters.
 */
final class SchemaVersionCheck {

    private SchemaVersionCheck() {
    }

    /** The problem with the document's version, or null when it is the one this code reads. */
    static Problem check(JsonNode root) {
        int current = ClusterSpec.SCHEMA_VERSION;
        if (!root.isObject()) {
            return new Problem("", "a cluster spec is a JSON object (starting with '{' and \"schemaVersion\": "
                    + current + "); this document is a " + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null || version.isNull()) {
            return new Problem("/schemaVersion", "is missing; a cluster spec says which schema it follows,"
                    + " add \"schemaVersion\": " + current);
        }
        if (!version.isIntegralNumber() || version.asLong() != current) {
            return new Problem("/schemaVersion", "is " + version + ", but this Ballast reads schema version "
                    + current + " only; use the Ballast release that wrote the file, or convert it to version "
                    + current);
        }
        return null;
    }
}
