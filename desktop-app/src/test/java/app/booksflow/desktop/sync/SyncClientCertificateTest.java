package app.booksflow.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import app.booksflow.server.support.TestKeystore;
import app.booksflow.server.support.TestServer;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A server whose certificate this computer does not trust is named as such, not as "cannot be reached". */
class SyncClientCertificateTest {

    @TempDir
    Path dir;

    @Test
    void aCertificateThisComputerDoesNotTrustIsSaidSo() throws Exception {
        Path keystore = TestKeystore.create(dir.resolve("server.p12"), "CN=localhost", "SAN=ip:127.0.0.1,dns:localhost");
        try (TestServer server = TestServer.start(Map.of("tls.keystore", keystore.toString(),
                "tls.keystore.password", TestKeystore.PASSWORD));
                SyncClient client = SyncClient.connect("https://127.0.0.1:" + server.server.port())) {
            SyncException refused = catchThrowableOfType(SyncException.class,
                    () -> client.signIn("carl@example.com", "whatever-it-is".toCharArray()));

            assertThat(refused.code()).isEqualTo("CERTIFICATE");
            assertThat(refused.getMessage()).startsWith("The server at 127.0.0.1 showed a certificate this computer "
                    + "does not trust").contains("the name the certificate carries");
            assertThat(refused.isTransient()).as("the admin may renew the certificate").isTrue();
        }
    }

    @Test
    void aServerThatIsNotThereIsStillOffline() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (SyncClient client = SyncClient.connect("https://127.0.0.1:" + port)) {
            SyncException refused = catchThrowableOfType(SyncException.class,
                    () -> client.signIn("carl@example.com", "whatever-it-is".toCharArray()));

            assertThat(refused.code()).isEqualTo("OFFLINE");
            assertThat(refused.getMessage()).startsWith("The server at 127.0.0.1 cannot be reached");
        }
    }
}
