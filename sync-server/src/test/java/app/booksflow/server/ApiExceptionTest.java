package app.booksflow.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** Whose fault an unreadable request body is: the wait's (408), the server's (500) or the sender's (400). */
class ApiExceptionTest {

    @Test
    void aBodyThatStoppedArrivingIsARequestTimeout() {
        RuntimeException answer = ApiException.unreadableBody(
                new IOException(new TimeoutException("Idle timeout expired: 30000/30000 ms")), "MALFORMED_JSON", "bad");

        assertThat(answer).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(408);
            assertThat(e.code()).isEqualTo("REQUEST_TIMEOUT");
        });
    }

    @Test
    void theServerFailingToKeepTheBodyInItsFilesIsTheServersFailureNotABadRequest() {
        // As Jetty reports a multipart part it could not write to its temp folder.
        Exception jetty = new Exception("bad multipart", new CompletionException(
                new FileSystemException("/var/lib/booksflow-server/blobs/tmp/MultiPart123: Too many open files")));

        RuntimeException answer = ApiException.unreadableBody(jetty, "MALFORMED_MULTIPART", "bad");

        assertThat(answer).isInstanceOf(UncheckedIOException.class).hasMessageContaining("Too many open files");
    }

    @Test
    void aBodyThatBrokeOffOrMakesNoSenseIsTheSendersBadRequest() {
        RuntimeException broken = ApiException.unreadableBody(new EOFException("Early EOF"), "UPLOAD_INCOMPLETE",
                "The upload broke off.");
        RuntimeException garbled = ApiException.unreadableBody(new IllegalStateException("no boundary"),
                "MALFORMED_MULTIPART", "The multipart form could not be read.");

        assertThat(broken).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo("UPLOAD_INCOMPLETE"));
        assertThat(garbled).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.code()).isEqualTo("MALFORMED_MULTIPART");
        });
    }
}
