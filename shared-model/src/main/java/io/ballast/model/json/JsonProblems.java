package io.ballast.model.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.ballast.model.validate.Problem;
import java.util.Arrays;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns Jackson's exceptions into problems an operator can act on: where, what was found, what is allowed. */
final class JsonProblems {

    private static final Pattern UNEXPECTED_CHARACTER =
            Pattern.compile("Unexpected character \\('(.*?)' \\(code \\d+\\)\\):?\\s*(.*)", Pattern.DOTALL);
    // Jackson's "Cannot deserialize value of type `X` from number 7: <reason>"; the reason may be ours.
    private static final Pattern FORMAT_REASON = Pattern.compile("from (?:String|number) .*?: (.+)$");
    private static final Pattern OUT_OF_RANGE =
            Pattern.compile("Numeric value \\((-?\\d+)\\) out of range of \\w+ \\((-?\\d+) - (-?\\d+)\\)");
    private static final Pattern MISSING_REQUIRED = Pattern.compile("Missing required creator property '([^']+)'");

    private JsonProblems() {
    }

    /** A syntax error: the path is empty, the message starts with line and column. */
    static Problem fromSyntax(JsonProcessingException e) {
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
        return new Problem("", where + describeSyntax(e.getOriginalMessage()));
    }

    /** A document that is JSON but not a spec: a wrong type, an unknown enum value, a missing field. */
    static Problem fromBinding(JsonProcessingException e) {
        String path = e instanceof JsonMappingException mapping ? pointer(mapping) : "";
        if (path.isEmpty() && e.getProcessor() instanceof JsonParser parser) {
            path = pointer(parser.getParsingContext());
        }
        String message = e.getOriginalMessage();
        Matcher missing = MISSING_REQUIRED.matcher(message == null ? "" : message);
        if (missing.find()) {
            String field = "/" + escape(missing.group(1));
            return new Problem(path.endsWith(field) ? path : path + field, "is missing; this field is required");
        }
        if (e instanceof InvalidFormatException invalid) {
            Matcher reason = FORMAT_REASON.matcher(message == null ? "" : message);
            boolean ownReason = !invalid.getTargetType().isEnum() && reason.find() && !reason.group(1).contains("`");
            String detail = ownReason ? reason.group(1) : "expected " + expected(invalid.getTargetType());
            return new Problem(path, "'" + invalid.getValue() + "' is not allowed here; " + detail);
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new Problem(path, "expected " + expected(mismatch.getTargetType()) + found(e));
        }
        Matcher outOfRange = OUT_OF_RANGE.matcher(message == null ? "" : message);
        if (outOfRange.find()) {
            return new Problem(path, outOfRange.group(1) + " is out of range; expected a whole number from "
                    + outOfRange.group(2) + " to " + outOfRange.group(3));
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return new Problem(path, "is not acceptable: " + describeCause(e.getCause()));
        }
        return new Problem(path, firstLine(message));
    }

    static String pointer(JsonStreamContext context) {
        return context == null ? "" : context.pathAsPointer().toString();
    }

    static String escape(String field) {
        return field.replace("~", "~0").replace("/", "~1");
    }

    private static String pointer(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            path.append('/');
            path.append(ref.getFieldName() != null ? escape(ref.getFieldName()) : String.valueOf(ref.getIndex()));
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> SpecCodec.mapper().convertValue(constant, String.class))
                    .collect(Collectors.joining(", "));
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list [ … ]";
        }
        return "an object { … }";
    }

    private static String found(JsonProcessingException e) {
        if (!(e.getProcessor() instanceof JsonParser parser) || parser.currentToken() == null) {
            return "";
        }
        switch (parser.currentToken()) {
            case VALUE_STRING:
                return ", found a string";
            case VALUE_NUMBER_INT:
                return ", found a whole number";
            case VALUE_NUMBER_FLOAT:
                return ", found a fraction";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return ", found " + parser.currentToken().asString();
            case VALUE_NULL:
                return ", found null";
            case START_ARRAY:
                return ", found a list";
            case START_OBJECT:
                return ", found an object";
            default:
                return "";
        }
    }

    private static String describeSyntax(String message) {
        String text = firstLine(message);
        int marker = text.indexOf(" (start marker at");
        if (marker >= 0) {
            text = text.substring(0, marker);
        }
        Matcher unexpected = UNEXPECTED_CHARACTER.matcher(text);
        if (unexpected.matches()) {
            String rest = unexpected.group(2).trim();
            return "unexpected character '" + unexpected.group(1) + "'" + (rest.isEmpty() ? "" : "; " + rest);
        }
        return text.isEmpty() ? "malformed JSON" : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    private static String describeCause(Throwable cause) {
        if (cause instanceof NullPointerException) {
            return "a list here may not contain null";
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).trim();
    }
}
