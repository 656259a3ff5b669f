package app.booksflow.testdata;

import app.booksflow.model.id.TaxCodeId;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.ChartOfAccounts;
import app.booksflow.model.ledger.TaxCode;
import app.booksflow.model.practice.Client;
import app.booksflow.model.practice.User;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One client of a generated practice with its chart of accounts and tax codes. Its transactions are
 * not held in memory: {@link #transactions()} generates them afresh on every call, the same every
 * time, so a million of them cost no more memory than ten.
 */
public final class GeneratedClient {

    private final PracticeSpec spec;
    private final int index;
    private final Client client;
    private final ChartOfAccounts chart;
    private final ClientBooks books;
    private final ClientProfile profile;
    private final Optional<User> owner;
    private final long transactionCount;

    GeneratedClient(PracticeSpec spec, int index, Client client, ChartOfAccounts chart, ClientBooks books,
            ClientProfile profile, Optional<User> owner, long transactionCount) {
        this.spec = spec;
        this.index = index;
        this.client = client;
        this.chart = chart;
        this.books = books;
        this.profile = profile;
        this.owner = owner;
        this.transactionCount = transactionCount;
    }

    /** The client's position in the practice, from 0; its random streams derive from it. */
    public int index() {
        return index;
    }

    public Client client() {
        return client;
    }

    public Country country() {
        return profile.country();
    }

    public ChartOfAccounts chart() {
        return chart;
    }

    /** The account with this code of the small-business chart, such as "6000" for rent. */
    public Account account(String code) {
        return chart.byCode(code).orElseThrow(() -> new IllegalArgumentException("no account " + code));
    }

    public List<TaxCode> taxCodes() {
        return books.taxes().codes();
    }

    /** For {@code transaction.postings(client::taxCode)}. */
    public TaxCode taxCode(TaxCodeId id) {
        TaxCode code = books.taxes().byId(id);
        if (code == null) {
            throw new IllegalArgumentException("tax code " + id + " is not one of " + client.name() + "'s");
        }
        return code;
    }

    /** The owner's login with the CLIENT role, if the client uses the app itself. */
    public Optional<User> owner() {
        return owner;
    }

    /** Exactly how many transactions {@link #transactions()} yields. */
    public long transactionCount() {
        return transactionCount;
    }

    /**
     * The client's transactions in date order (ids increase with them), generated lazily. Each call
     * starts over and yields the same sequence; calls may run in parallel on different threads.
     */
    public Stream<GeneratedTransaction> transactions() {
        int characteristics = Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.IMMUTABLE | Spliterator.SIZED;
        return StreamSupport.stream(() -> Spliterators.spliterator(new TransactionIterator(this), transactionCount,
                characteristics), characteristics, false);
    }

    PracticeSpec spec() {
        return spec;
    }

    ClientBooks books() {
        return books;
    }

    ClientProfile profile() {
        return profile;
    }

    @Override
    public String toString() {
        return client.name() + " (" + profile.country() + ", " + profile.kind() + ", " + transactionCount
                + " transactions)";
    }
}
