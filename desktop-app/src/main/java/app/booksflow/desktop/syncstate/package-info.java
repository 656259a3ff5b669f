/**
 * What this device keeps to sync with the server, written in the books' own transactions: the account
 * it syncs as, the outbox of local changes, the journal of the server's answers, the server's state of
 * each entity, the cursor per client and the inbox of refused and conflicting changes (decision 28).
 * Plain JDBC on the connection of the transaction in progress; no JavaFX, no network.
 */
package app.booksflow.desktop.syncstate;
