package app.booksflow.model.practice;

/** What a user may do in the practice. */
public enum Role {
    /** Runs the practice: users, clients, audit trail and metrics. */
    ADMIN,
    /** Keeps the books of the clients assigned to them. */
    ACCOUNTANT,
    /** A business owner: uploads receipts and sees the numbers of their own business only. */
    CLIENT
}
