package app.booksflow.protocol;

/** What a mutation does to its entity. */
public enum Operation {
    /** Creates the entity or replaces it with the payload. */
    UPSERT,
    /** Removes the entity; pulled as a tombstone. */
    DELETE
}
