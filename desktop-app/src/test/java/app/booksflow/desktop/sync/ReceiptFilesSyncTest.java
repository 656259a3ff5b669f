package app.booksflow.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import app.booksflow.desktop.gui.receipts.ReceiptPicture;
import app.booksflow.desktop.gui.receipts.ReceiptRow;
import app.booksflow.desktop.gui.receipts.ReceiptsViewModel;
import app.booksflow.desktop.gui.task.SynchronousTaskExecutor;
import app.booksflow.desktop.ledger.ReceiptFileSource;
import app.booksflow.desktop.settings.CurrencyDisplay;
import app.booksflow.desktop.settings.Settings;
import app.booksflow.desktop.support.TestBooks;
import app.booksflow.desktop.sync.faults.Cut;
import app.booksflow.desktop.sync.faults.DecidedExchange;
import app.booksflow.desktop.sync.faults.Exchange;
import app.booksflow.desktop.sync.faults.FaultPlan;
import app.booksflow.desktop.sync.faults.FaultProxy;
import app.booksflow.desktop.sync.faults.Faults;
import app.booksflow.model.receipt.Extracted;
import app.booksflow.model.receipt.ExtractedFields;
import app.booksflow.model.receipt.Receipt;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.StoredBlobs;
import app.booksflow.server.support.TestServer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import javafx.beans.property.SimpleObjectProperty;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Receipt files between two desktops and the real server, each device behind its own proxy (which
 * counts the requests, cuts uploads and goes offline): up by hash before their receipts, down when
 * opened, verified.
 */
class ReceiptFilesSyncTest {

    @TempDir
    Path laptopDir;
    @TempDir
    Path officeDir;
    @TempDir
    Path originals;

    private TestServer server;
    private StoredBlobs blobs;
    private Practice practice;
    private TestBooks laptop;
    private TestBooks office;
    private FaultProxy laptopProxy;
    private FaultProxy officeProxy;
    private SyncEngine laptopSync;
    private SyncEngine officeSync;

    @BeforeEach
    void setUp() throws IOException {
        server = TestServer.start();
        blobs = new StoredBlobs(server);
        practice = Practice.create(server, "receipt-files");
        laptop = TestBooks.open(laptopDir);
        office = TestBooks.open(officeDir);
        laptopProxy = FaultProxy.start("127.0.0.1", server.server.port());
        officeProxy = FaultProxy.start("127.0.0.1", server.server.port());
        laptopSync = signedIn(laptop, laptopDir, laptopProxy);
        officeSync = signedIn(office, officeDir, officeProxy);
    }

    @AfterEach
    void tearDown() {
        for (AutoCloseable closeable : new AutoCloseable[] {laptopSync, officeSync, laptopProxy, officeProxy, laptop,
                office, server}) {
            try {
                if (closeable != null) {
                    closeable.close();
                }
            } catch (Exception e) {
                // next one
            }
        }
    }

    private SyncEngine signedIn(TestBooks books, Path dir, FaultProxy proxy) {
        SyncEngine engine = new SyncEngine(books.ledger.sync(), new TokenStore(dir), books.clock);
        engine.signIn(proxy.uri().toString(), practice.accountantUser.email(), Practice.PASSWORD.toCharArray(), "Practice");
        engine.syncOnce();
        return engine;
    }

    @Test
    void aReceiptAttachedOnOneDeviceReachesTheOtherAndItsFileGoesUpOnce() throws IOException {
        Path original = photo("till-roll.png", 1);
        Receipt receipt = laptop.ledger.receipts().attach(practice.client.id(), original, TestBooks.USER);

        laptopSync.syncOnce();

        assertThat(uploads(laptopProxy)).as("the file went up with its receipt").isEqualTo(1);
        String hash = receipt.file().sha256().hex();
        assertThat(Files.readAllBytes(blobs.file(hash))).isEqualTo(Files.readAllBytes(original));
        assertThat(serverReceipts(receipt)).isEqualTo(1);

        // A later change of the receipt goes up without its file, also after a restart (the server is asked).
        laptop.ledger.receipts().startReading(receipt.id(), TestBooks.USER);
        laptopSync.syncOnce();
        laptopSync.close();
        laptopSync = new SyncEngine(laptop.ledger.sync(), new TokenStore(laptopDir), laptop.clock);
        laptop.ledger.receipts().recordReading(receipt.id(), fields("Corner Shop"), true, TestBooks.USER);
        laptopSync.syncOnce();
        assertThat(laptop.ledger.sync().pendingCount()).isZero();
        assertThat(uploads(laptopProxy)).as("not uploaded again").isEqualTo(1);
        assertThat(requests(laptopProxy, "GET", "/exists")).as("asked once more after the restart").isEqualTo(2);

        // The office gets the receipt but not its file, until the receipt is opened.
        officeSync.syncOnce();
        assertThat(office.ledger.receipts().find(receipt.id())).isPresent();
        Path officeCopy = office.ledger.receipts().file(receipt);
        assertThat(officeCopy).doesNotExist();
        assertThat(downloads(officeProxy)).isZero();

        ReceiptsViewModel screen = receiptsScreen(office, officeSync);
        ReceiptRow row = screen.receipts().get(0);
        screen.requestThumbnail(row);
        assertThat(row.thumbnailProperty().get().isNote()).isTrue();
        assertThat(row.thumbnailProperty().get().problem()).isEqualTo("On the server");
        assertThat(downloads(officeProxy)).as("a thumbnail does not fetch").isZero();
        List<ReceiptPicture> shown = previews(screen);

        screen.selectedProperty().set(row);

        assertThat(shown).extracting(ReceiptPicture::problem).contains("Downloading from the server…");
        assertThat(screen.previewProperty().get().image()).as("then the picture").isPresent();
        assertThat(Files.readAllBytes(officeCopy)).isEqualTo(Files.readAllBytes(original));
        assertThat(sha256(officeCopy)).isEqualTo(hash);
        assertThat(downloads(officeProxy)).isEqualTo(1);
        assertThat(row.thumbnailProperty().get().image()).as("the thumbnail is drawn once the file is here").isPresent();

        screen.selectedProperty().set(null);
        screen.selectedProperty().set(row);
        assertThat(downloads(officeProxy)).as("kept: not fetched again").isEqualTo(1);
    }

    @Test
    void aFileTheServerAlreadyHasIsNotUploaded() throws IOException {
        Path original = photo("invoice.png", 2);
        laptop.ledger.receipts().attach(practice.client.id(), original, TestBooks.USER);
        laptopSync.syncOnce();
        assertThat(uploads(laptopProxy)).isEqualTo(1);

        // The office attaches the very same scan before it has pulled the laptop's receipt.
        Receipt same = office.ledger.receipts().attach(practice.client.id(), original, TestBooks.USER);
        officeSync.push();

        assertThat(uploads(officeProxy)).as("the server has it").isZero();
        assertThat(requests(officeProxy, "GET", "/exists")).isEqualTo(1);
        assertThat(serverReceipts(same)).isEqualTo(1);
        assertThat(blobs.rows(same.file().sha256().hex())).isEqualTo(1);
    }

    @Test
    void aReceiptWhoseFileIsNotOnThisDeviceGoesUpWithoutIt() throws IOException {
        Receipt receipt = laptop.ledger.receipts().attach(practice.client.id(), photo("fuel.png", 3), TestBooks.USER);
        laptopSync.syncOnce();
        officeSync.syncOnce();

        office.ledger.receipts().startReading(receipt.id(), TestBooks.USER);
        officeSync.push();

        assertThat(office.ledger.sync().pendingCount()).isZero();
        assertThat(uploads(officeProxy)).isZero();
        assertThat(requests(officeProxy, "GET", "/exists")).as("not even asked").isZero();
        assertThat(office.ledger.receipts().file(receipt)).doesNotExist();
    }

    @Test
    void anUploadCutByTheNetworkGoesOnFromWhereTheServerStoppedAndTheReceiptWaitsForItsFile() throws IOException {
        Path original = photo("hotel.png", 4);
        long size = Files.size(original);
        assertThat(size).isGreaterThan(100_000);
        Receipt receipt = laptop.ledger.receipts().attach(practice.client.id(), original, TestBooks.USER);
        // Every upload is cut after 15,000 bytes of its request, headers included.
        laptopProxy.plan(FaultPlan.always(Faults.none().cutRequestAfter(15_000, Cut.CLOSE))
                .onlyFor(exchange -> exchange.method().equals("PUT")));

        assertThatThrownBy(() -> laptopSync.push()).isInstanceOf(SyncException.class)
                .satisfies(e -> assertThat(((SyncException) e).kind()).isEqualTo(SyncException.Kind.OFFLINE));

        String hash = receipt.file().sha256().hex();
        assertThat(serverReceipts(receipt)).as("the receipt waits for its file").isZero();
        assertThat(blobs.rows(hash)).isZero();
        assertThat(laptop.ledger.sync().pendingCount()).isEqualTo(1);
        List<Long> tries = puts(laptopProxy);
        assertThat(tries).hasSize(ReceiptTransfers.UPLOAD_ATTEMPTS).startsWith(size);
        assertThat(tries.getLast()).as("the tries went on from where the ones before stopped").isLessThan(size - 14_000);
        long kept = settledOnServer(hash);
        assertThat(kept).as("what the last try brought is kept too").isGreaterThan(size - tries.getLast());

        laptopProxy.clearFaults();
        List<SyncStatus> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        laptopSync.onStatus(seen::add);
        laptopSync.push();

        assertThat(seen).as("the status bar follows the file up from where the server stopped")
                .filteredOn(s -> s.sending().isPresent()).extracting(s -> s.sending().get())
                .allMatch(f -> f.file().equals("hotel.png") && f.size() == size && f.sent() >= kept)
                .extracting(SyncStatus.Sending::sent).startsWith(kept).endsWith(size);
        assertThat(laptopSync.status().sending()).as("and says nothing of it once it is up").isEmpty();
        assertThat(puts(laptopProxy).getLast()).as("the next round sends only the rest").isEqualTo(size - kept);
        assertThat(Files.readAllBytes(blobs.file(hash))).isEqualTo(Files.readAllBytes(original));
        assertThat(keptOnServer(hash)).isZero();
        assertThat(serverReceipts(receipt)).isEqualTo(1);
        assertThat(laptop.ledger.sync().pendingCount()).isZero();
    }

    /** The body lengths of the file uploads the proxy saw, in order. */
    private static List<Long> puts(FaultProxy proxy) {
        return proxy.exchanges().stream().map(DecidedExchange::exchange)
                .filter(e -> e.method().equals("PUT") && e.target().startsWith("/api/v1/blobs/"))
                .map(Exchange::contentLength).toList();
    }

    /** What the server keeps of the file once it has taken in the last upload that broke off. */
    private long settledOnServer(String hash) throws IOException {
        long[] last = {-1};
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(300)).until(() -> {
            long now = keptOnServer(hash);
            boolean settled = now > 0 && now == last[0];
            last[0] = now;
            return settled;
        });
        return last[0];
    }

    /** How many bytes of the file the server keeps from an upload that broke off. */
    private long keptOnServer(String hash) throws IOException {
        List<Path> partials = filesUnder(blobs.dir().resolve("partial")).stream()
                .filter(p -> p.getFileName().toString().endsWith(hash + ".part")).toList();
        return partials.isEmpty() ? 0 : Files.size(partials.getFirst());
    }

    @Test
    void aDamagedDownloadIsRefusedAndNotKept() throws IOException {
        Receipt receipt = laptop.ledger.receipts().attach(practice.client.id(), photo("taxi.png", 5), TestBooks.USER);
        laptopSync.syncOnce();
        officeSync.syncOnce();
        // The server's copy rots on its disk: same size, other bytes.
        Path onServer = blobs.file(receipt.file().sha256().hex());
        byte[] bytes = Files.readAllBytes(onServer);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(onServer, bytes);

        assertThatThrownBy(() -> officeSync.fetchReceiptFile(receipt.file()))
                .isInstanceOf(ReceiptFileSource.Unavailable.class)
                .hasMessageContaining("SHA-256 differs")
                .satisfies(e -> assertThat(((ReceiptFileSource.Unavailable) e).reason())
                        .isEqualTo(ReceiptFileSource.Reason.DAMAGED));
        assertThat(office.ledger.receipts().file(receipt)).doesNotExist();
        assertThat(filesUnder(office.store.directory().receipts())).as("no leftover either").isEmpty();

        ReceiptsViewModel screen = receiptsScreen(office, officeSync);
        screen.selectedProperty().set(screen.receipts().get(0));
        assertThat(screen.previewProperty().get().image()).isEmpty();
        assertThat(screen.previewProperty().get().problem()).contains("not the receipt's file");
    }

    @Test
    void offlineTheScreenSaysTheFileWillBeFetchedWhenOnlineAndFetchesItThen() {
        Receipt receipt = laptop.ledger.receipts().attach(practice.client.id(), photo("parking.png", 6), TestBooks.USER);
        laptopSync.syncOnce();
        officeSync.syncOnce();
        ReceiptsViewModel screen = receiptsScreen(office, officeSync);
        officeProxy.offline();

        screen.selectedProperty().set(screen.receipts().get(0));

        assertThat(screen.previewProperty().get().image()).isEmpty();
        assertThat(screen.previewProperty().get().problem())
                .isEqualTo("The file is on the server; it will be fetched when online.");
        assertThat(office.ledger.receipts().file(receipt)).doesNotExist();

        officeProxy.online();
        screen.serverReachable();

        assertThat(screen.previewProperty().get().image()).isPresent();
        assertThat(office.ledger.receipts().file(receipt)).exists();
    }

    @Test
    void booksNotSignedInSayWhereTheFileIs() {
        laptop.ledger.receipts().attach(practice.client.id(), photo("lunch.png", 7), TestBooks.USER);
        laptopSync.syncOnce();
        officeSync.syncOnce();
        ReceiptsViewModel screen = receiptsScreen(office, null);

        screen.selectedProperty().set(screen.receipts().get(0));

        assertThat(screen.previewProperty().get().problem()).contains("not on this device").contains("Sign in");
    }

    // ---- helpers ----

    private ReceiptsViewModel receiptsScreen(TestBooks books, SyncEngine engine) {
        var settings = new SimpleObjectProperty<>(new Settings(books.store.directory().root(), Locale.UK,
                CurrencyDisplay.SYMBOL, Optional.empty()));
        ReceiptsViewModel screen = new ReceiptsViewModel(books.ledger, settings, new SynchronousTaskExecutor(), books.clock,
                TestBooks.USER);
        if (engine != null) {
            screen.fileSourceProperty().set(engine.receiptFiles());
        }
        screen.clientProperty().set(practice.client.id());
        assertThat(screen.receipts()).hasSize(1);
        return screen;
    }

    private static List<ReceiptPicture> previews(ReceiptsViewModel screen) {
        List<ReceiptPicture> shown = new ArrayList<>();
        screen.previewProperty().addListener((property, before, now) -> {
            if (now != null) {
                shown.add(now);
            }
        });
        return shown;
    }

    private static ExtractedFields fields(String vendor) {
        return new ExtractedFields(Optional.of(Extracted.of(vendor, 80)), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** A photo of noise: it does not compress, so it is large enough to be cut mid-upload. */
    private Path photo(String name, int seed) {
        BufferedImage image = new BufferedImage(240, 240, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(seed);
        for (int x = 0; x < image.getWidth(); x++) {
            for (int y = 0; y < image.getHeight(); y++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        Path file = originals.resolve(name);
        try {
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private long serverReceipts(Receipt receipt) {
        return blobs.count("select count(*) from receipts where id = ?", receipt.id().value());
    }

    private static int uploads(FaultProxy proxy) {
        return requests(proxy, "PUT", "/api/v1/blobs/");
    }

    private static int downloads(FaultProxy proxy) {
        return (int) proxy.exchanges().stream().filter(e -> e.exchange().method().equals("GET")
                && e.exchange().target().startsWith("/api/v1/blobs/") && !e.exchange().target().endsWith("/exists"))
                .count();
    }

    private static int requests(FaultProxy proxy, String method, String targetPart) {
        return (int) proxy.exchanges().stream().filter(e -> e.exchange().method().equals(method)
                && e.exchange().target().contains(targetPart)).count();
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
