package app.booksflow.desktop.sync.faults;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.CompletableFuture;

/**
 * A server on a plain socket for one connection: it answers the first request head with fixed bytes (if any) and
 * keeps everything it receives until the connection ends, so a test sees exactly what the proxy forwarded.
 */
final class RawUpstream implements AutoCloseable {

    private final ServerSocket listener;
    private final CompletableFuture<byte[]> received = new CompletableFuture<>();
    private final Thread thread;

    RawUpstream(byte[] answer) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        thread = Thread.ofPlatform().daemon().name("raw-upstream").start(() -> serve(answer));
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** All bytes the connection brought, once it ended (by a close or a reset). */
    CompletableFuture<byte[]> received() {
        return received;
    }

    private void serve(byte[] answer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Socket socket = listener.accept()) {
            InputStream in = socket.getInputStream();
            int newlines = 0;
            boolean answered = answer == null;
            int b;
            while ((b = in.read()) >= 0) {
                bytes.write(b);
                newlines = b == '\n' ? newlines + 1 : b == '\r' ? newlines : 0;
                if (!answered && newlines == 2) {
                    socket.getOutputStream().write(answer);
                    socket.getOutputStream().flush();
                    answered = true;
                }
            }
        } catch (IOException e) {
            // a reset ends the connection as well; what came before it is the result
        }
        received.complete(bytes.toByteArray());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        listener.close();
        thread.join(5_000);
    }
}
