package app.booksflow.server.bench;

import app.booksflow.server.support.ApiClient;
import app.booksflow.server.support.Multipart;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.ReceiptFiles;
import app.booksflow.server.support.TestServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;

/**
 * The launch target "10 MB upload < 5 s": distinct scans of about 10 MB (PNG, which a scan of noise keeps
 * at full size) sent to the real server over HTTP on the loopback address, by the two ways in: the REST
 * upload (multipart form, stored and booked as a receipt) and the desktop's sync (the file put by its
 * SHA-256). Each upload's time from the first byte sent to the answer: the server's whole part (reading,
 * hashing, checking the type, storing the file and forcing it to disk, booking the receipt), with no
 * network in the way.
 *
 * <p>Run by hand: {@code java -cp <sync-server test class path> app.booksflow.server.bench.LargeUploadBenchmark [uploads]}.
 */
public final class LargeUploadBenchmark {

    private static final int SIDE = 1_850;

    private LargeUploadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int uploads = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        try (TestServer server = TestServer.start()) {
            Practice practice = Practice.create(server, "large");
            ApiClient accountant = practice.accountant;
            List<Long> rest = new ArrayList<>();
            List<Long> sync = new ArrayList<>();
            long bytes = 0;
            for (int i = 0; i < uploads + 2; i++) { // the first two of each warm the server up, not counted
                byte[] scan = noisyScan(i);
                bytes = scan.length;
                Multipart form = new Multipart().field("client", practice.client.id().toString())
                        .file("file", "scan-" + i + ".png", "image/png", scan);
                long started = System.nanoTime();
                ApiClient.Response uploaded = accountant.send("POST", "/api/v1/receipts/upload",
                        Map.of("Content-Type", form.contentType(), "Idempotency-Key", UUID.randomUUID().toString()),
                        HttpRequest.BodyPublishers.ofByteArray(form.bytes()));
                long restMicros = (System.nanoTime() - started) / 1_000;
                require(uploaded, 200, "REST upload");

                byte[] other = noisyScan(10_000 + i);
                started = System.nanoTime();
                ApiClient.Response put = accountant.put("/api/v1/blobs/" + ReceiptFiles.sha256(other), other,
                        "application/octet-stream");
                long syncMicros = (System.nanoTime() - started) / 1_000;
                require(put, 201, "file put by hash");
                if (i >= 2) {
                    rest.add(restMicros);
                    sync.add(syncMicros);
                }
            }
            System.out.printf("%d uploads of %.1f MB each, per way in:%n", uploads, bytes / 1e6);
            report("REST upload (multipart, booked as a receipt)", rest, bytes);
            report("sync: file put by its SHA-256", sync, bytes);
        }
    }

    private static void require(ApiClient.Response response, int status, String what) {
        if (response.status() != status) {
            throw new IllegalStateException(what + " answered " + response.status() + ": " + response.text());
        }
    }

    private static void report(String way, List<Long> micros, long bytes) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        long median = sorted.get(sorted.size() / 2);
        System.out.printf("  %s: median %.0f ms (%.0f MB/s), fastest %.0f ms, slowest %.0f ms%n", way, median / 1e3,
                bytes / (median / 1e6) / 1e6, sorted.getFirst() / 1e3, sorted.getLast() / 1e3);
    }

    /** A PNG of noise, different for every seed: it does not compress, so it stays near 10 MB. */
    private static byte[] noisyScan(int seed) throws IOException {
        Random random = new Random(seed);
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < SIDE; y++) {
            for (int x = 0; x < SIDE; x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(12 * 1024 * 1024);
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
