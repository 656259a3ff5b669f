package app.booksflow.desktop.bench;

import app.booksflow.desktop.support.TestBooks;
import app.booksflow.desktop.sync.SyncEngine;
import app.booksflow.desktop.sync.TokenStore;
import app.booksflow.model.EntityType;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.money.Money;
import app.booksflow.protocol.Mutation;
import app.booksflow.server.support.Device;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TempFolders;
import app.booksflow.server.support.TestServer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Issue 6's sync figures against the real server (embedded PostgreSQL) over real HTTP on this machine:
 * the initial sync of a client of N transactions to a fresh device, pushing 10,000 changes made offline,
 * and how long an edit on one device takes to show on another with both engines running (long poll).
 * Run by hand: {@code java -cp <test class path> app.booksflow.desktop.bench.SyncBenchmark [transactions] [offline changes] [edits]}.
 */
public final class SyncBenchmark {

    private SyncBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int transactions = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int offline = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int edits = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        try (TestServer server = TestServer.start()) {
            Practice practice = Practice.create(server, "bench");
            long loading = System.nanoTime();
            load(practice, transactions);
            System.out.printf("server loaded with %,d transactions by push in %.1f s%n", transactions, seconds(loading));

            Path freshDir = TempFolders.createRemovedOnExit("booksflow-sync-bench-fresh");
            try (TestBooks fresh = TestBooks.open(freshDir);
                    SyncEngine sync = new SyncEngine(fresh.ledger.sync(), new TokenStore(freshDir), fresh.clock)) {
                long start = System.nanoTime();
                sync.signIn(server.baseUrl(), practice.accountantUser.email(), Practice.PASSWORD.toCharArray(), "Practice");
                long signedIn = System.nanoTime();
                sync.syncOnce();
                long end = System.nanoTime();
                System.out.printf("initial sync of %,d transactions to a fresh device: %.2f s (sign-in %.2f s, sync %.2f s)%n",
                        transactions, (end - start) / 1e9, (signedIn - start) / 1e9, (end - signedIn) / 1e9);

                Random random = new Random(7);
                long making = System.nanoTime();
                for (int i = 0; i < offline; i++) {
                    fresh.ledger.transactions().create(sale(practice, random, "Offline " + i), TestBooks.USER);
                }
                System.out.printf("%,d offline changes made in %.1f s%n", offline, seconds(making));
                long pushing = System.nanoTime();
                int pushed = sync.push();
                System.out.printf("%,d offline changes pushed in %.2f s%n", pushed, seconds(pushing));
            }

            Path aDir = TempFolders.createRemovedOnExit("booksflow-sync-bench-a");
            Path bDir = TempFolders.createRemovedOnExit("booksflow-sync-bench-b");
            try (TestBooks a = TestBooks.open(aDir); TestBooks b = TestBooks.open(bDir);
                    SyncEngine aSync = new SyncEngine(a.ledger.sync(), new TokenStore(aDir), a.clock);
                    SyncEngine bSync = new SyncEngine(b.ledger.sync(), new TokenStore(bDir), b.clock)) {
                aSync.signIn(server.baseUrl(), practice.accountantUser.email(), Practice.PASSWORD.toCharArray(), "Practice");
                bSync.signIn(server.baseUrl(), practice.accountantUser.email(), Practice.PASSWORD.toCharArray(), "Practice");
                aSync.syncOnce();
                bSync.syncOnce();
                aSync.start();
                bSync.start();
                Random random = new Random(11);
                Transaction shared = a.ledger.transactions().create(sale(practice, random, "Shared"), TestBooks.USER).transaction();
                waitUntil(() -> b.ledger.transactions().find(shared.id()).isPresent(), 30_000);
                List<Long> micros = new ArrayList<>();
                for (int i = 0; i < edits; i++) {
                    var stored = a.ledger.transactions().find(shared.id()).orElseThrow();
                    Transaction t = stored.transaction();
                    String payee = "Edit " + i;
                    long edited = System.nanoTime();
                    a.ledger.transactions().edit(new Transaction(t.id(), t.client(), t.date(), payee, t.memo(),
                            t.bankAccount(), t.total(), t.status(), t.splits()), stored.version(), TestBooks.USER);
                    waitUntil(() -> b.ledger.transactions().find(shared.id()).orElseThrow().transaction().payee()
                            .equals(payee), 30_000);
                    micros.add((System.nanoTime() - edited) / 1_000);
                    Thread.sleep(50);
                }
                System.out.printf("edit on one device visible on another (%d edits, long poll): p50 %.0f ms, p95 %.0f ms, max %.0f ms%n",
                        edits, Stats.percentile(micros, 50) / 1e3, Stats.percentile(micros, 95) / 1e3,
                        Stats.percentile(micros, 100) / 1e3);
            }
        }
    }

    private static void load(Practice practice, int transactions) {
        Device loader = new Device(practice.admin);
        Random random = new Random(3);
        List<Mutation> batch = new ArrayList<>();
        for (int i = 0; i < transactions; i++) {
            Transaction t = sale(practice, random, "Customer " + (i % 997));
            batch.add(loader.upsert(practice.client.id(), EntityType.TRANSACTION, t.id().value(), 0, t));
            if (batch.size() == 1000 || i == transactions - 1) {
                loader.pushOk(batch.toArray(Mutation[]::new));
                batch.clear();
            }
        }
    }

    private static Transaction sale(Practice practice, Random random, String payee) {
        Money amount = Money.ofMinor(100 + random.nextInt(200_000), practice.client.baseCurrency());
        LocalDate date = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(700));
        return new Transaction(TransactionId.random(), practice.client.id(), date, payee, "memo " + random.nextInt(50),
                practice.account("1000"), amount, TransactionStatus.POSTED,
                List.of(Split.of(practice.account("4000"), amount, practice.vat.id())));
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("Timed out");
            }
            Thread.sleep(2);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
