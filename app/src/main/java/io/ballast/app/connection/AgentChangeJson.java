package io.ballast.app.connection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.ballast.model.api.ApiError;
import io.ballast.model.api.ApplyResult;
import io.ballast.model.api.RealServerPatch;
import io.ballast.model.validate.Problem;
import java.util.List;

/** JSON of the editing feature's calls (PUT config, PATCH real server): answers and errors. */
final class AgentChangeJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private AgentChangeJson() {
    }

    static ApplyResult applyResult(String json) throws AgentProtocolException {
        try {
            return MAPPER.readValue(json, ApplyResult.class);
        } catch (JsonProcessingException e) {
            throw new AgentProtocolException("the agent's answer to a change is not readable: " + e.getOriginalMessage());
        }
    }

    static String patch(RealServerPatch patch) {
        try {
            return MAPPER.writeValueAsString(patch);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a real-server patch cannot be written as JSON", e);
        }
    }

    /** The agent's error body; when it is not one, the raw text becomes the only problem. */
    static ApiError error(int status, String body) {
        try {
            ApiError error = MAPPER.readValue(body, ApiError.class);
            if (error.problems() != null && !error.problems().isEmpty()) {
                return error;
            }
        } catch (JsonProcessingException | IllegalArgumentException | NullPointerException e) {
            // not the agent's error shape: fall back to the text below
        }
        String text = body == null || body.isBlank() ? "no reason given" : body.strip();
        return new ApiError(status, List.of(new Problem("", text)), null);
    }
}
