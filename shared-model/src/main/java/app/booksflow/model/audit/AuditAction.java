package app.booksflow.model.audit;

/** What happened. The names are stored in the audit trail: add, never rename. */
public enum AuditAction {
    CREATE,
    UPDATE,
    DELETE,
    POST,
    CLOSE_PERIOD,
    REOPEN_PERIOD,
    ROLE_CHANGE,
    LOGIN,
    LOGIN_FAILED,
    LOGOUT,
    SYNC_APPLIED,
    SYNC_REJECTED,
    SYNC_CONFLICT,
    CONFLICT_RESOLVED,
    BULK_DELETE,
    EXPORT
}
