package app.booksflow.protocol;

/** A pulled change either carries the entity's new state or says it was deleted. */
public enum ChangeKind {
    UPSERT,
    TOMBSTONE
}
