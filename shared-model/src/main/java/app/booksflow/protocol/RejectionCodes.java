package app.booksflow.protocol;

/**
 * Rejection codes that only the server gives, besides the names of
 * {@link app.booksflow.model.DomainError} for values that break a rule of the books.
 */
public final class RejectionCodes {

    /** The user may not change this client or entity. */
    public static final String PERMISSION_DENIED = "PERMISSION_DENIED";
    /** The entity's client is not the one named by the mutation. */
    public static final String WRONG_CLIENT = "WRONG_CLIENT";
    /** The payload does not describe a valid entity of the named type. */
    public static final String INVALID_PAYLOAD = "INVALID_PAYLOAD";
    /** A delete or an update of an entity the server has never had. */
    public static final String NOT_FOUND = "NOT_FOUND";

    private RejectionCodes() {
    }
}
