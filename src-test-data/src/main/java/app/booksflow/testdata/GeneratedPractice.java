package app.booksflow.testdata;

import app.booksflow.model.id.ClientId;
import app.booksflow.model.practice.ClientAssignment;
import app.booksflow.model.practice.Organization;
import app.booksflow.model.practice.User;
import app.booksflow.model.receipt.Receipt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A generated practice: everything small is held (organization, users, assignments, clients with
 * their charts and tax codes); transactions are generated while they are streamed. Immutable and
 * safe to share between threads.
 *
 * <p>To use both cores: {@code practice.clients().parallelStream().flatMap(GeneratedClient::transactions)}.
 * The result is the same set of transactions, each client's in the same order.
 */
public final class GeneratedPractice {

    /** Above this, {@link #transactionList()} refuses: stream instead. */
    public static final long LIST_LIMIT = 200_000;

    private final PracticeSpec spec;
    private final Organization organization;
    private final User admin;
    private final List<User> accountants;
    private final List<ClientAssignment> assignments;
    private final List<GeneratedClient> clients;

    GeneratedPractice(PracticeSpec spec, Organization organization, User admin, List<User> accountants,
            List<ClientAssignment> assignments, List<GeneratedClient> clients) {
        this.spec = spec;
        this.organization = organization;
        this.admin = admin;
        this.accountants = List.copyOf(accountants);
        this.assignments = List.copyOf(assignments);
        this.clients = List.copyOf(clients);
    }

    public PracticeSpec spec() {
        return spec;
    }

    public Organization organization() {
        return organization;
    }

    public User admin() {
        return admin;
    }

    public List<User> accountants() {
        return accountants;
    }

    /** The owners of the clients that log in themselves, with the CLIENT role. */
    public List<User> clientUsers() {
        return clients.stream().flatMap(client -> client.owner().stream()).toList();
    }

    /** Admin first, then accountants, then client users. */
    public List<User> users() {
        List<User> users = new ArrayList<>();
        users.add(admin);
        users.addAll(accountants);
        users.addAll(clientUsers());
        return List.copyOf(users);
    }

    public List<ClientAssignment> assignments() {
        return assignments;
    }

    public List<GeneratedClient> clients() {
        return clients;
    }

    public Optional<GeneratedClient> client(ClientId id) {
        return clients.stream().filter(client -> client.client().id().equals(id)).findFirst();
    }

    /** Equal to the spec's transaction count. */
    public long transactionCount() {
        return clients.stream().mapToLong(GeneratedClient::transactionCount).sum();
    }

    /** Every client's transactions, client after client, each in date order; generated lazily. */
    public Stream<GeneratedTransaction> transactions() {
        return clients.stream().flatMap(GeneratedClient::transactions);
    }

    /** The receipts of all transactions, in the same order. */
    public Stream<Receipt> receipts() {
        return transactions().flatMap(generated -> generated.receipt().stream());
    }

    /** All transactions in one list, for small practices only. */
    public List<GeneratedTransaction> transactionList() {
        if (transactionCount() > LIST_LIMIT) {
            throw new IllegalStateException(transactionCount() + " transactions are too many to hold in a list"
                    + " (limit " + LIST_LIMIT + "); stream them with transactions()");
        }
        return transactions().toList();
    }
}
