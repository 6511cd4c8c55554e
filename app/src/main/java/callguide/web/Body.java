package callguide.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** A JSON request body, read strictly: the right content type, well-formed, an object, fields of the right type. */
public record Body(JsonNode node) {
    public static final long MAX_BYTES = 64 * 1024;

    public static Body of(Context ctx, ObjectMapper json) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase().startsWith("application/json")) {
            throw new ApiError(415, "unsupported_media_type", "send the body as application/json, not " + (type == null ? "nothing" : type));
        }
        if (ctx.contentLength() > MAX_BYTES) throw tooLarge();
        JsonNode node;
        try {
            node = json.readTree(ctx.bodyAsBytes());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiError(400, "malformed_json", "the body is not valid JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new ApiError(400, "malformed_json", "the body could not be read: " + e.getMessage());
        }
        if (node == null || !node.isObject()) throw new ApiError(400, "malformed_json", "the body must be a JSON object");
        return new Body(node);
    }

    static ApiError tooLarge() {
        return new ApiError(413, "body_too_large", "the body is larger than " + MAX_BYTES / 1024 + " KiB");
    }

    public String text(String field, boolean required, int maxLength) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) throw new ApiError(400, "missing_field", "'" + field + "' is required");
            return null;
        }
        if (!v.isTextual()) throw new ApiError(400, "invalid_field", "'" + field + "' must be a string");
        String s = v.asText().strip();
        if (s.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw new ApiError(400, "invalid_field", "'" + field + "' contains control characters");
        }
        if (required && s.isEmpty()) throw new ApiError(400, "missing_field", "'" + field + "' must not be empty");
        if (s.length() > maxLength) throw new ApiError(400, "invalid_field", "'" + field + "' is longer than " + maxLength + " characters");
        return s;
    }

    /** A required string exactly as sent, not stripped: a password. */
    public String rawText(String field, int maxLength) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) throw new ApiError(400, "missing_field", "'" + field + "' is required");
        if (!v.isTextual()) throw new ApiError(400, "invalid_field", "'" + field + "' must be a string");
        if (v.asText().length() > maxLength) throw new ApiError(400, "invalid_field", "'" + field + "' is longer than " + maxLength + " characters");
        return v.asText();
    }

    public UUID uuid(String field) {
        String s = text(field, false, 64);
        if (s == null) return null;
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, "invalid_field", "'" + field + "' must be a UUID, not '" + s + "'");
        }
    }

    public LocalDate date(String field) {
        String s = text(field, false, 32);
        if (s == null) return null;
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new ApiError(400, "invalid_date", "'" + field + "' must be a date (YYYY-MM-DD), not '" + s + "'");
        }
    }
}
