package app.booksflow.desktop.ledger;

import app.booksflow.desktop.store.LocalStore;
import java.time.Clock;

/** The ledger's services over one open store; the clock stamps audit events and receipts. */
public final class LedgerServices {

    private final PracticeService practice;
    private final ClientService clients;
    private final AccountService accounts;
    private final TaxCodeService taxCodes;
    private final TransactionService transactions;
    private final ReceiptService receipts;
    private final UndoService undo;
    private final VendorRuleService vendorRules;
    private final SyncBooks sync;
    private final LedgerRepair repair;

    public LedgerServices(LocalStore store, Clock clock) {
        Writes writes = new Writes(store, clock);
        practice = new PracticeService(writes);
        clients = new ClientService(writes);
        accounts = new AccountService(writes);
        taxCodes = new TaxCodeService(writes);
        transactions = new TransactionService(writes);
        receipts = new ReceiptService(writes, new ReceiptFiles(store.directory().receipts()));
        undo = new UndoService(writes);
        vendorRules = new VendorRuleService(writes);
        sync = new SyncBooks(writes);
        repair = new LedgerRepair(writes);
    }

    /** The check of the ledger after the books were not closed, and its repairs (ADR 0038). */
    public LedgerRepair repair() {
        return repair;
    }

    /** The books' side of sync with the server. */
    public SyncBooks sync() {
        return sync;
    }

    public PracticeService practice() {
        return practice;
    }

    public ClientService clients() {
        return clients;
    }

    public AccountService accounts() {
        return accounts;
    }

    public TaxCodeService taxCodes() {
        return taxCodes;
    }

    public TransactionService transactions() {
        return transactions;
    }

    public ReceiptService receipts() {
        return receipts;
    }

    public UndoService undo() {
        return undo;
    }

    public VendorRuleService vendorRules() {
        return vendorRules;
    }
}
