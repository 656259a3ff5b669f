package app.booksflow.desktop.store;

import app.booksflow.desktop.ledger.LedgerServices;
import app.booksflow.desktop.ledger.NewClient;
import app.booksflow.desktop.ledger.StoredTransaction;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.ChartOfAccounts;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.TaxCode;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.money.Currencies;
import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Test helper run in a child JVM by {@link CrashConsistencyTest}: writes to the store in an endless
 * loop (new transactions with two or three splits, some edited, posted or unposted) and prints
 * {@code COMMITTED <transactions> <writes>} after every write has returned, i.e. after its commit.
 * The parent kills it at some point and checks what survived.
 */
public final class CrashWriterMain {

    private CrashWriterMain() {
    }

    public static void main(String[] args) {
        LocalStore store = LocalStore.open(new DataDirectory(Path.of(args[0])));
        LedgerServices ledger = new LedgerServices(store, Clock.systemUTC());
        String user = "crash-writer";
        ledger.practice().setUp("Crash test practice", user);
        Client client = ledger.clients().create(new NewClient("Crash Test Ltd", Currencies.GBP, MonthDay.of(1, 1), "GB"),
                user);
        ChartOfAccounts chart = ledger.accounts().chart(client.id());
        TaxCode vat = ledger.taxCodes().list(client.id()).stream().filter(c -> c.code().equals("VAT20-P")).findFirst()
                .orElseThrow();
        Random random = new Random(42);
        List<StoredTransaction> written = new ArrayList<>();
        long writes = 2;
        System.out.println("READY");
        for (long n = 1; ; n++) {
            Money first = Money.ofMinor(-(1 + random.nextInt(100_000)), Currencies.GBP);
            Money second = Money.ofMinor(-(1 + random.nextInt(100_000)), Currencies.GBP);
            Money third = Money.ofMinor(-(1 + random.nextInt(10_000)), Currencies.GBP);
            Transaction transaction = new Transaction(TransactionId.random(), client.id(),
                    LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365)), "Supplier " + n, "",
                    chart.byCode("1000").orElseThrow().id(), first.plus(second).plus(third),
                    random.nextInt(4) == 0 ? TransactionStatus.DRAFT : TransactionStatus.POSTED,
                    List.of(Split.of(chart.byCode("6100").orElseThrow().id(), first, vat.id()),
                            Split.of(chart.byCode("6200").orElseThrow().id(), second),
                            Split.of(chart.byCode("6300").orElseThrow().id(), third)));
            written.add(ledger.transactions().create(transaction, user));
            writes++;
            if (n % 5 == 0) {
                StoredTransaction old = written.get(random.nextInt(written.size()));
                StoredTransaction current = ledger.transactions().find(old.transaction().id()).orElseThrow();
                Transaction t = current.transaction();
                ledger.transactions().edit(new Transaction(t.id(), t.client(), t.date().plusDays(1), t.payee(), "edited",
                        t.bankAccount(), t.total(), t.status(), List.of(Split.of(chart.byCode("6400").orElseThrow().id(),
                                t.total()))), current.version(), user);
                writes++;
                if (t.isPosted()) {
                    ledger.transactions().unpost(t.id(), user);
                } else {
                    ledger.transactions().post(t.id(), user);
                }
                writes++;
            }
            // Printed only once the writes above have committed: the parent may rely on every line.
            System.out.println("COMMITTED " + n + " " + writes);
            System.out.flush();
        }
    }
}
