package app.booksflow.desktop.hosting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.desktop.support.TestBooks;
import app.booksflow.desktop.sync.SyncEngine;
import app.booksflow.desktop.sync.TokenStore;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.practice.Client;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The office desktop hosts the practice's server (real embedded PostgreSQL, real HTTP) and a laptop syncs
 * with it, both on real H2 books.
 */
class HostedPracticeTest {

    private static final String ADMIN = "office@harper-lowe.example";
    private static final String PASSWORD = "kept in the office";
    /** Cheap password hashing keeps the tests quick; the app uses the server's default. */
    private static final Map<String, String> FAST = Map.of("password.hash.memory.kib", "1024");

    @TempDir
    Path officeDir;
    @TempDir
    Path laptopDir;

    private TestBooks office;
    private SyncEngine officeSync;
    private Client bakery;
    private Client florist;
    private Transaction cakeSale;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeEach
    void officeBooksWithClients() {
        office = TestBooks.open(officeDir);
        bakery = office.ukClient("Hill Street Bakery");
        florist = office.ukClient("Rose & Thorn Florist");
        cakeSale = office.sale(bakery, LocalDate.of(2025, 5, 2), "240.00");
        office.ledger.transactions().create(cakeSale, TestBooks.USER);
        office.ledger.transactions().create(office.purchase(florist, LocalDate.of(2025, 5, 3), "80.00", "6100"),
                TestBooks.USER);
        officeSync = new SyncEngine(office.ledger.sync(), new TokenStore(officeDir), office.clock);
    }

    @AfterEach
    void closeAll() {
        opened.add(officeSync);
        opened.add(office);
        for (AutoCloseable closeable : opened) {
            try {
                closeable.close();
            } catch (Exception e) {
                // the next one
            }
        }
    }

    private PracticeHost host(int port, Optional<HostedPractice.Admin> admin) {
        PracticeHost host = HostedPractice.start(officeDir, port, office.ledger, officeSync, admin, FAST, Clock.systemUTC());
        opened.add(0, host);
        return host;
    }

    private static Optional<HostedPractice.Admin> admin() {
        return Optional.of(new HostedPractice.Admin(ADMIN, PASSWORD.toCharArray()));
    }

    private TestBooks laptop() {
        TestBooks laptop = TestBooks.open(laptopDir);
        opened.add(0, laptop);
        return laptop;
    }

    private SyncEngine signedIn(TestBooks laptop, PracticeHost host) {
        SyncEngine engine = new SyncEngine(laptop.ledger.sync(), new TokenStore(laptopDir), laptop.clock);
        opened.add(0, engine);
        engine.signIn("http://127.0.0.1:" + host.port(), ADMIN, PASSWORD.toCharArray(), "Laptop");
        engine.syncOnce();
        return engine;
    }

    @Test
    void aLaptopSignsInToTheOfficeDesktopAndGetsItsClientsAndTransactions() {
        PracticeHost host = host(0, admin());
        officeSync.syncOnce();

        TestBooks laptop = laptop();
        signedIn(laptop, host);

        assertThat(laptop.ledger.practice().current().orElseThrow().id())
                .isEqualTo(office.ledger.practice().current().orElseThrow().id());
        assertThat(laptop.ledger.clients().list()).extracting(c -> c.id())
                .containsExactlyInAnyOrder(bakery.id(), florist.id());
        assertThat(laptop.ledger.transactions().find(cakeSale.id())).isPresent();
        assertThat(transactions(laptop, florist.id())).isEqualTo(1);
        assertThat(office.ledger.sync().pendingCount()).isZero();
        assertThat(office.ledger.sync().account().orElseThrow().serverUrl()).isEqualTo(host.localUrl());
    }

    @Test
    void anEditOnTheLaptopReachesTheOfficeBooks() {
        PracticeHost host = host(0, admin());
        officeSync.syncOnce();
        TestBooks laptop = laptop();
        SyncEngine laptopSync = signedIn(laptop, host);

        Transaction onLaptop = laptop.sale(bakery, LocalDate.of(2025, 5, 9), "55.00");
        laptop.ledger.transactions().create(onLaptop, TestBooks.USER);
        laptopSync.syncOnce();
        officeSync.syncOnce();

        assertThat(office.ledger.transactions().find(onLaptop.id())).isPresent();
        assertThat(transactions(office, bakery.id())).isEqualTo(2);
    }

    @Test
    void stoppingAndStartingAgainKeepsThePracticeTheAdminAndTheBooks() throws IOException {
        int port = freePort();
        PracticeHost first = host(port, admin());
        officeSync.syncOnce();
        first.close();

        PracticeHost again = host(port, Optional.empty());
        officeSync.syncOnce();
        TestBooks laptop = laptop();
        signedIn(laptop, again);

        assertThat(again.hasPractice(office.ledger.practice().current().orElseThrow().id())).isTrue();
        assertThat(HostedPractice.signedInTo(office.ledger, again)).isTrue();
        assertThat(laptop.ledger.clients().list()).hasSize(2);
        assertThat(laptop.ledger.transactions().find(cakeSale.id())).isPresent();
    }

    @Test
    void aFirstStartWithoutAnAdminSaysWhatItNeedsAndLeavesNothingRunning() throws IOException {
        int port = freePort();
        assertThatThrownBy(() -> host(port, Optional.empty()))
                .isInstanceOf(HostingException.class)
                .hasMessageContaining("enter the email address and password");

        assertThat(office.ledger.sync().account()).isEmpty();
        PracticeHost started = host(port, admin());
        assertThat(started.port()).as("the port was freed").isEqualTo(port);
    }

    @Test
    void aPortInUseGivesAClearError() throws IOException {
        try (ServerSocket other = new ServerSocket()) {
            other.bind(new InetSocketAddress(0));
            int taken = other.getLocalPort();

            assertThatThrownBy(() -> host(taken, admin()))
                    .isInstanceOf(HostingException.class)
                    .hasMessage("Port " + taken + " is in use on this computer by another program; "
                            + "choose another port (for example 8080).");
        }
        assertThat(office.ledger.sync().account()).isEmpty();
    }

    @Test
    void aServerFolderInUseByAnotherHostGivesAClearError() {
        host(0, admin());

        assertThatThrownBy(() -> PracticeHost.start(officeDir, 0, FAST, Clock.systemUTC()))
                .isInstanceOf(HostingException.class)
                .hasMessageContaining("is in use by another BooksFlow");
    }

    private static long transactions(TestBooks books, ClientId client) {
        return books.ledger.transactions().list(client, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)).size();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }
}
