package app.booksflow.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.server.support.TestKeystore;
import app.booksflow.server.support.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {

    @TempDir
    Path dir;

    @Test
    void aKeystoreTurnsOnHttpsWithStrictTransportSecurity() throws Exception {
        Path keystore = keystore("CN=localhost", "SAN=ip:127.0.0.1,dns:localhost");

        try (TestServer server = TestServer.start(Map.of("tls.keystore", keystore.toString(),
                "tls.keystore.password", TestKeystore.PASSWORD))) {
            HttpClient https = HttpClient.newBuilder().sslContext(trusting(keystore)).build();
            HttpResponse<String> response = https.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + server.server.port() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(
                    value -> assertThat(value).contains("max-age="));
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + server.server.port() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isInstanceOf(java.io.IOException.class);
        }
    }

    /**
     * A load balancer's health check or an admin's {@code curl -k} reach the server by its address, not by
     * the name in its certificate. They skip the name check on purpose; the server must not answer them
     * 400 for a name it was not asked for.
     */
    @Test
    void aRequestByAddressToACertificateForANameIsAnswered() throws Exception {
        Path keystore = keystore("CN=books.example.com", "SAN=dns:books.example.com");

        try (TestServer server = TestServer.start(Map.of("tls.keystore", keystore.toString(),
                "tls.keystore.password", TestKeystore.PASSWORD))) {
            HttpsURLConnection connection = (HttpsURLConnection) URI.create(
                    "https://127.0.0.1:" + server.server.port() + "/health").toURL().openConnection();
            connection.setSSLSocketFactory(trusting(keystore).getSocketFactory());
            connection.setHostnameVerifier((host, session) -> true);
            try {
                assertThat(connection.getResponseCode()).isEqualTo(200);
            } finally {
                connection.disconnect();
            }
        }
    }

    private Path keystore(String name, String alternativeNames) throws Exception {
        return TestKeystore.create(dir.resolve("server.p12"), name, alternativeNames);
    }

    /** Trusts exactly the test's own certificate. */
    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = java.nio.file.Files.newInputStream(keystore)) {
            store.load(in, TestKeystore.PASSWORD.toCharArray());
        }
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("server", (X509Certificate) store.getCertificate(TestKeystore.ALIAS));
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }
}
