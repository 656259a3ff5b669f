package app.booksflow.protocol;

import app.booksflow.model.Checks;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one shape of every error the server answers: a stable code, a message for people, and optional
 * details (for example the field that was wrong). Never a stack trace.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ApiError(String error, String message, JsonNode details) {

    public ApiError {
        error = Checks.requiredText(error, "The error code", 64);
        message = Checks.requiredText(message, "The error message", 2000);
    }
}
