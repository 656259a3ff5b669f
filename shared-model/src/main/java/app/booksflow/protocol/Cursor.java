package app.booksflow.protocol;

import app.booksflow.model.Checks;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a device stands in a client's change log. Opaque to devices: they store the one they were
 * given and send it back; only the server reads it. {@link #START} asks for everything.
 */
public record Cursor(@JsonValue String token) {

    public static final Cursor START = new Cursor("0");

    public Cursor {
        token = Checks.requiredText(token, "The cursor", 200);
    }

    @JsonCreator
    public static Cursor of(String token) {
        return new Cursor(token);
    }

    @Override
    public String toString() {
        return token;
    }
}
