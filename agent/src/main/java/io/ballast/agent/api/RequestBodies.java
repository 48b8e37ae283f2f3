package io.ballast.agent.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.ballast.agent.json.JsonProblems;
import io.ballast.model.json.SpecCodec;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;

/** Reads JSON request bodies: checks type (415) and size (413), reports bad JSON with path and line (400). */
final class RequestBodies {

    /** Bodies above this are refused before they are read. */
    // A full-size cluster (2,277 services, 37,205 real servers) is about 5.4 MB of JSON; 16 MiB leaves room
    // for growth while still refusing what no spec needs.
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private RequestBodies() {
    }

    static <T> T read(Context ctx, Class<T> type) {
        String contentType = ctx.contentType();
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith(Json.TYPE)) {
            throw new ApiException(415, "", "the body must be JSON: send Content-Type: application/json (was "
                    + (contentType == null ? "none" : contentType) + ")");
        }
        long length = ctx.req().getContentLengthLong();
        if (length > MAX_BYTES) {
            throw tooLarge(length);
        }
        byte[] body = ctx.bodyAsBytes();
        if (body.length > MAX_BYTES) {
            throw tooLarge(body.length);
        }
        try {
            return SpecCodec.mapper().readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new ApiException(400, List.of(JsonProblems.of(e)), null);
        } catch (java.io.IOException e) {
            throw new ApiException(400, "", "the body could not be read: " + e.getMessage());
        }
    }

    static ApiException tooLarge(long length) {
        return new ApiException(413, "", "the body is " + length + " bytes; the agent accepts at most " + MAX_BYTES
                + " bytes (16 MiB)");
    }
}
