package io.ballast.agent.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.ballast.model.validate.Problem;

/**
 * Turns a Jackson failure into a {@link Problem} an operator can act on: the JSON pointer of the
 * offending field and the line and column where the parser stopped.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    public static Problem of(JsonProcessingException e) {
        String where = location(e.getLocation());
        if (e instanceof UnrecognizedPropertyException unknown) {
            return new Problem(pointer(unknown), "unknown field '" + unknown.getPropertyName() + "'" + where
                    + "; known fields here: " + unknown.getKnownPropertyIds());
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return new Problem(pointer(mapping), mapping.getOriginalMessage() + where);
        }
        return new Problem("", "not valid JSON" + where + ": " + e.getOriginalMessage());
    }

    /** The JSON pointer of the field a mapping failure is about ("/virtualServices/0/weight"). */
    public static String pointer(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            path.append('/');
            if (ref.getFieldName() != null) {
                path.append(ref.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else {
                path.append(ref.getIndex());
            }
        }
        return path.toString();
    }

    private static String location(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
