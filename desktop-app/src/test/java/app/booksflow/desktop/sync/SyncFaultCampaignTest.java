package app.booksflow.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.desktop.ledger.StoredTransaction;
import app.booksflow.desktop.support.DashboardSnapshot;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.desktop.sync.faults.FaultPlan;
import app.booksflow.desktop.sync.faults.FaultProxy;
import app.booksflow.desktop.syncstate.Inbox;
import app.booksflow.json.BooksFlowJson;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.money.Money;
import app.booksflow.protocol.ClientChecksum;
import app.booksflow.server.ServerConfig;
import app.booksflow.server.SyncServer;
import app.booksflow.server.audit.AuditVerifier;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync fault campaign: three desktops (real H2 books) reach the real server (embedded PostgreSQL)
 * each through a proxy that cuts connections mid-request and mid-response, delays and duplicates
 * requests, and goes offline; one device's clock is a day ahead. Each seeded run makes random edits on
 * all devices (the same transactions and accounts on several, closed periods arriving late), syncs
 * under faults (and now and then with the server restarted during a push), resolves some of the inbox, then lets everything settle without faults and checks:
 * every mutation has exactly one outcome and the server has the same one; nothing applied twice or
 * lost; every device and the server have the same per-client checksum and the same books; the audit
 * chain verifies. Runs: {@code -Dbooksflow.faultRuns=N} (200 by default; 10,000 in the
 * {@code fault-campaign} profile), first seed {@code -Dbooksflow.faultSeed}.
 */
class SyncFaultCampaignTest {

    private static final Logger LOG = LoggerFactory.getLogger(SyncFaultCampaignTest.class);
    private static final int RUNS = Integer.getInteger("booksflow.faultRuns", 200);
    private static final long FIRST_SEED = Long.getLong("booksflow.faultSeed", 1);
    private static final String[] PAYEES = {"Market stall", "Wedding cake", "Café order", "Farmers' market", "Bakery van",
        "Corner shop", "Hotel breakfast", "School fête"};

    private record DeviceUnderTest(String name, Path dir, TestBooks books, FaultProxy proxy, SyncEngine sync) {
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.HOURS) // the long campaign; every request has its own timeouts
    void seededRunsUnderNetworkFaultsKeepEveryInvariant() throws Exception {
        List<Path> dirs = new ArrayList<>();
        List<DeviceUnderTest> devices = new ArrayList<>();
        try (TestServer server = TestServer.start()) {
            Practice practice = Practice.create(server, "faults");
            // The same server restarted on the same port and database (the proxies keep pointing at it).
            config = ServerConfig.defaults(server.dataDir).withSettings(Map.of("host", "127.0.0.1",
                    "port", Integer.toString(server.server.port()), "password.hash.memory.kib", "1024"));
            running = server.server;
            for (String name : List.of("laptop", "office", "tablet")) {
                Path dir = Files.createTempDirectory("booksflow-faults-" + name);
                dirs.add(dir);
                TestBooks books = TestBooks.open(dir);
                FaultProxy proxy = FaultProxy.start("127.0.0.1", server.server.port());
                SyncEngine sync = new SyncEngine(books.ledger.sync(), new TokenStore(dir), books.clock);
                sync.signIn(proxy.uri().toString(), practice.accountantUser.email(), Practice.PASSWORD.toCharArray(), "Practice");
                sync.syncOnce();
                devices.add(new DeviceUnderTest(name, dir, books, proxy, sync));
            }
            devices.get(2).books().clock.advance(Duration.ofDays(1)); // the tablet's clock is a day ahead
            // The laptop pushes in batches of 2: a push of a few changes sends one batch while it records the
            // answers to the one before and picks the next (decision 36), under the same faults.
            devices.get(0).sync().pushBatch(2);

            long started = System.nanoTime();
            Map<String, Long> faults = new HashMap<>();
            for (int run = 0; run < RUNS; run++) {
                long seed = FIRST_SEED + run;
                try {
                    runOnce(seed, server, practice, devices, faults);
                    if ((run + 1) % 250 == 0) {
                        LOG.info("Fault campaign: {} of {} runs passed ({} s)", run + 1, RUNS,
                                Duration.ofNanos(System.nanoTime() - started).toSeconds());
                    }
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError("Seed " + seed + " broke an invariant (rerun with -Dbooksflow.faultSeed="
                            + seed + " -Dbooksflow.faultRuns=1 on fresh books to reproduce the same faults)", e);
                }
            }
            long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
            for (DeviceUnderTest device : devices) {
                var stats = device.proxy().stats();
                faults.merge("exchanges", stats.exchanges(), Long::sum);
            }
            Map<String, Long> outcomes = new HashMap<>();
            for (DeviceUnderTest device : devices) {
                device.books().store.readJdbc(app.booksflow.desktop.syncstate.Journal::counts)
                        .forEach((k, v) -> outcomes.merge(k, v, Long::sum));
            }
            LOG.info("Fault campaign: {} runs from seed {} in {} s; outcomes {}; events {}; proxies {}", RUNS, FIRST_SEED,
                    seconds, outcomes, faults, devices.stream().map(d -> d.name() + " " + d.proxy().stats()).toList());
            assertThat(outcomes.getOrDefault("APPLIED", 0L)).as("the campaign did sync something").isPositive();
        } finally {
            for (DeviceUnderTest device : devices) {
                device.sync().close();
                device.proxy().close();
                device.books().close();
            }
            if (running != null) {
                running.close();
            }
            dirs.forEach(app.booksflow.server.support.TempFolders::delete);
        }
    }

    private ServerConfig config;
    private SyncServer running;

    /** Stops the server while a device pushes, and starts it again on the same port and database. */
    private void restartDuringAPush(Random random, TestServer server, List<DeviceUnderTest> devices,
            Map<String, Long> faults) throws InterruptedException {
        DeviceUnderTest device = devices.get(random.nextInt(devices.size()));
        Thread pusher = Thread.ofVirtual().start(() -> {
            try {
                device.sync().push();
            } catch (SyncException e) {
                faults.merge("pushes cut by a restart", 1L, Long::sum);
            }
        });
        Thread.sleep(random.nextInt(30));
        running.close();
        running = new SyncServer(config, server.dataSource, server.clock).start();
        pusher.join();
        faults.merge("server restarts", 1L, Long::sum);
    }

    private void runOnce(long seed, TestServer server, Practice practice, List<DeviceUnderTest> devices,
            Map<String, Long> faults) throws Exception {
        Random random = new Random(seed);
        for (int i = 0; i < devices.size(); i++) {
            DeviceUnderTest device = devices.get(i);
            device.proxy().plan(FaultPlan.seeded(seed * 31 + i).cuts(0.12, 0.12).resets(0.3).cutWithin(4096)
                    .delays(0.1, Duration.ofMillis(30)).duplicates(0.1, 0.5).build());
            if (random.nextInt(4) == 0) {
                device.proxy().offline();
            }
        }
        long t0 = System.nanoTime();
        if (random.nextInt(7) == 0) {
            lateChangeIntoAPeriodClosedMeanwhile(random, practice, devices, faults);
        }
        int operations = 2 + random.nextInt(4);
        for (int op = 0; op < operations; op++) {
            DeviceUnderTest device = devices.get(random.nextInt(devices.size()));
            long e0 = System.nanoTime();
            edit(random, practice, device, faults);
            faults.merge("ms editing", (System.nanoTime() - e0) / 1_000_000, Long::sum);
            DeviceUnderTest syncing = devices.get(random.nextInt(devices.size()));
            try {
                syncing.sync().syncOnce();
            } catch (SyncException e) {
                assertThat(e.isTransient() || e.kind() == SyncException.Kind.REFUSED).as(e.getMessage()).isTrue();
                faults.merge("failed syncs", 1L, Long::sum);
            }
        }
        if (random.nextInt(10) == 0) {
            restartDuringAPush(random, server, devices, faults);
        }
        long t1 = System.nanoTime();
        settle(devices);
        long t2 = System.nanoTime();
        check(server, practice, devices, seed % 10 == 0 || seed == FIRST_SEED + RUNS - 1);
        long t3 = System.nanoTime();
        faults.merge("ms working", (t1 - t0) / 1_000_000, Long::sum);
        faults.merge("ms settling", (t2 - t1) / 1_000_000, Long::sum);
        faults.merge("ms checking", (t3 - t2) / 1_000_000, Long::sum);
    }

    /**
     * One device books into the first open month while another closes that month and syncs first: the
     * booking reaches the server late and must come back refused, into the inbox.
     */
    private void lateChangeIntoAPeriodClosedMeanwhile(Random random, Practice practice, List<DeviceUnderTest> devices,
            Map<String, Long> faults) {
        DeviceUnderTest late = devices.get(random.nextInt(devices.size()));
        DeviceUnderTest closer = devices.get((devices.indexOf(late) + 1 + random.nextInt(devices.size() - 1)) % devices.size());
        ClientId client = practice.client.id();
        LocalDate closed = closer.books().closingDate(client).orElse(LocalDate.of(2024, 12, 31));
        if (!closed.isBefore(LocalDate.of(2025, 8, 31)) || !closed.equals(late.books().closingDate(client)
                .orElse(LocalDate.of(2024, 12, 31)))) {
            return;
        }
        LocalDate next = closed.plusMonths(1).withDayOfMonth(closed.plusMonths(1).lengthOfMonth());
        Money amount = Money.ofMinor(100 + random.nextInt(50_000), practice.client.baseCurrency());
        TransactionId id = TransactionId.random();
        late.books().ledger.transactions().create(new Transaction(id, client, next.withDayOfMonth(1 + random.nextInt(28)),
                "Late invoice", "booked on " + late.name(), practice.account("1000"), amount, TransactionStatus.POSTED,
                List.of(Split.of(practice.account("4000"), amount, practice.vat.id()))), TestBooks.USER);
        made.add(id);
        closer.books().ledger.clients().changeClosingDate(client, Optional.of(next), TestBooks.USER);
        try {
            closer.sync().push();
        } catch (SyncException e) {
            faults.merge("failed syncs", 1L, Long::sum);
        }
        faults.merge("late changes", 1L, Long::sum);
    }

    /** Every transaction any device made, so that edits pick among them without reading the books. */
    private final List<TransactionId> made = new ArrayList<>();

    private void edit(Random random, Practice practice, DeviceUnderTest device, Map<String, Long> faults) {
        TestBooks books = device.books();
        ClientId client = practice.client.id();
        // Most edits go to the few latest transactions, so that devices often change the same one.
        int pick = made.isEmpty() ? -1 : random.nextInt(10) < 6
                ? Math.max(0, made.size() - 1 - random.nextInt(3)) : random.nextInt(made.size());
        Optional<StoredTransaction> existing = pick < 0 ? Optional.empty() : books.ledger.transactions().find(made.get(pick));
        try {
            int kind = random.nextInt(100);
            if (kind < 35 || (kind < 78 && existing.isEmpty())) {
                LocalDate date = LocalDate.of(2025, 1 + random.nextInt(12), 1 + random.nextInt(28));
                Money amount = Money.ofMinor(100 + random.nextInt(50_000), practice.client.baseCurrency());
                TransactionId id = TransactionId.random();
                books.ledger.transactions().create(new Transaction(id, client, date,
                        PAYEES[random.nextInt(PAYEES.length)], "run", practice.account("1000"), amount,
                        TransactionStatus.POSTED, List.of(Split.of(practice.account("4000"), amount, practice.vat.id()))),
                        TestBooks.USER);
                made.add(id);
            } else if (kind < 65) {
                Transaction t = existing.get().transaction();
                Money total = random.nextBoolean() ? t.total()
                        : Money.ofMinor(100 + random.nextInt(50_000), practice.client.baseCurrency());
                List<Split> splits = total.equals(t.total()) ? t.splits()
                        : List.of(Split.of(practice.account("4000"), total, practice.vat.id()));
                books.ledger.transactions().edit(new Transaction(t.id(), t.client(), t.date(),
                        PAYEES[random.nextInt(PAYEES.length)], "edited on " + device.name(), t.bankAccount(), total,
                        t.status(), splits), existing.get().version(), TestBooks.USER);
            } else if (kind < 78) {
                books.ledger.transactions().delete(existing.get().transaction().id(), TestBooks.USER);
            } else if (kind < 90) {
                Account account = books.ledger.accounts().chart(client).byCode(random.nextBoolean() ? "4000" : "6100")
                        .orElseThrow();
                books.ledger.accounts().rename(account.id(), "Renamed on " + device.name() + " " + random.nextInt(100),
                        TestBooks.USER);
            } else if (kind < 93) {
                LocalDate current = books.closingDate(client).orElse(LocalDate.of(2024, 12, 31));
                LocalDate next = current.plusMonths(1).withDayOfMonth(current.plusMonths(1).lengthOfMonth());
                // Month by month up to August, then the books are opened again: the cycle repeats.
                books.ledger.clients().changeClosingDate(client,
                        current.isBefore(LocalDate.of(2025, 8, 31)) ? Optional.of(next) : Optional.empty(), TestBooks.USER);
            } else {
                resolveOne(random, books);
            }
        } catch (DomainException refused) {
            faults.merge("refused locally", 1L, Long::sum); // a closed period or a draft in the way: nothing written
        }
    }

    private static void resolveOne(Random random, TestBooks books) {
        List<Inbox.Item> open = books.ledger.sync().inbox();
        if (open.isEmpty()) {
            return;
        }
        Inbox.Item item = open.get(random.nextInt(open.size()));
        Inbox.Resolution resolution = switch (random.nextInt(3)) {
            case 0 -> Inbox.Resolution.KEPT_MINE;
            case 1 -> Inbox.Resolution.KEPT_THEIRS;
            default -> Inbox.Resolution.DISMISSED;
        };
        try {
            books.ledger.sync().resolve(item.id(), resolution, Optional.empty(), TestBooks.USER);
        } catch (DomainException refused) {
            books.ledger.sync().resolve(item.id(), Inbox.Resolution.DISMISSED, Optional.empty(), TestBooks.USER);
        }
    }

    /** No more faults: every device syncs until nothing is waiting and a whole round brings nothing new. */
    private static void settle(List<DeviceUnderTest> devices) {
        for (DeviceUnderTest device : devices) {
            device.proxy().clearFaults();
            device.proxy().plan(FaultPlan.none());
            device.proxy().online();
        }
        for (int round = 0; round < 20; round++) {
            boolean quiet = true;
            for (DeviceUnderTest device : devices) {
                try {
                    quiet &= device.sync().push() == 0;
                    quiet &= device.sync().pullRound(0).isEmpty();
                } catch (SyncException e) {
                    // a connection broken before the faults stopped: the next round tries again
                    assertThat(e.isTransient()).as(e.getMessage()).isTrue();
                    quiet = false;
                }
            }
            if (quiet) {
                return;
            }
        }
        throw new AssertionError("The devices did not settle in 20 rounds");
    }

    /** @param withDashboards also rebuild each device's dashboards from its ledger and compare (every tenth run) */
    private static void check(TestServer server, Practice practice, List<DeviceUnderTest> devices,
            boolean withDashboards) throws Exception {
        ClientId client = practice.client.id();
        ClientChecksum serverSum = BooksFlowJson.newMapper().convertValue(
                practice.accountant.get("/api/v1/sync/checksum?client=" + client).json(), ClientChecksum.class);
        List<Transaction> reference = null;
        try (Connection c = server.dataSource.getConnection()) {
            for (DeviceUnderTest device : devices) {
                TestBooks books = device.books();
                assertThat(books.ledger.sync().pendingCount()).as(device.name() + "'s outbox").isZero();
                ClientChecksum local = books.ledger.sync().checksum(client);
                assertThat(local.counts()).as(device.name() + "'s counts").isEqualTo(serverSum.counts());
                assertThat(local.versionsHash()).as(device.name() + "'s versions").isEqualTo(serverSum.versionsHash());

                Map<UUID, String> journal = books.store.readJdbc(conn -> {
                    Map<UUID, String> rows = new HashMap<>();
                    try (PreparedStatement s = conn.prepareStatement("select mutation_id, outcome from sync_journal");
                            ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            rows.put(r.getObject(1, UUID.class), r.getString(2));
                        }
                    }
                    return rows;
                });
                UUID deviceId = books.ledger.sync().account().orElseThrow().device().value();
                Map<UUID, String> onServer = new HashMap<>();
                try (PreparedStatement s = c.prepareStatement(
                        "select mutation_id, outcome from applied_mutations where device_id = ?")) {
                    s.setObject(1, deviceId);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            onServer.put(r.getObject(1, UUID.class), r.getString(2));
                        }
                    }
                }
                assertThat(journal.keySet()).as(device.name() + ": every mutation the server decided has its outcome here")
                        .containsAll(onServer.keySet());
                journal.forEach((mutation, outcome) -> {
                    if (!outcome.equals("CONFLICT") || onServer.containsKey(mutation)) {
                        assertThat(onServer).as(device.name() + ": the server decided mutation " + mutation)
                                .containsKey(mutation);
                        assertThat(onServer.get(mutation)).as("the same outcome on both sides")
                                .contains("\"" + outcome.toLowerCase(java.util.Locale.ROOT) + "\"");
                    }
                });
                List<Transaction> transactions = books.ledger.transactions().list(client, LocalDate.of(2025, 1, 1),
                        LocalDate.of(2025, 12, 31)).stream().map(StoredTransaction::transaction)
                        .sorted(Comparator.comparing(t -> t.id().toString())).toList();
                if (withDashboards) {
                    DashboardSnapshot[] dashboards = DashboardSnapshot.incrementalAndRebuilt(books.store);
                    assertThat(dashboards[0]).as(device.name() + "'s dashboards equal a rebuild from its ledger")
                            .isEqualTo(dashboards[1]);
                }
                if (reference == null) {
                    reference = transactions;
                } else {
                    assertThat(transactions).as(device.name() + "'s transactions").isEqualTo(reference);
                }
            }
            try (PreparedStatement s = c.prepareStatement(
                    "select mutation_id from change_log group by mutation_id, entity_id having count(*) > 1");
                    ResultSet r = s.executeQuery()) {
                assertThat(r.next()).as("no mutation applied twice").isFalse();
            }
            assertThat(new AuditVerifier().verifyAll(c)).allSatisfy(report -> assertThat(report.problems())
                    .as("audit chain").isEmpty());
        }
    }
}
