package app.booksflow.model.receipt;

import app.booksflow.model.Checks;

/** A value read from a receipt, with how sure the reader is of it. */
public record Extracted<T>(T value, Confidence confidence) {

    public Extracted {
        Checks.required(value, "The extracted value");
        Checks.required(confidence, "The confidence");
    }

    public static <T> Extracted<T> of(T value, int percent) {
        return new Extracted<>(value, new Confidence(percent));
    }
}
