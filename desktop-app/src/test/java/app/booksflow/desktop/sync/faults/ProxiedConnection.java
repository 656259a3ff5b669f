package app.booksflow.desktop.sync.faults;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection and its upstream connection, each direction pumped by its own thread. The request pump
 * frames each request and asks the proxy what happens to it; the response pump takes those decisions in order, one
 * per final response, so keep-alive connections get their faults per exchange and a late long-poll answer simply
 * arrives late.
 */
final class ProxiedConnection {

    private static final Logger log = LoggerFactory.getLogger(ProxiedConnection.class);
    private static final int BUFFER = 64 * 1024;
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    /** Larger requests are forwarded but not duplicated, so a campaign's memory stays bounded. */
    static final int MAX_DUPLICATE_BYTES = 64 * 1024 * 1024;

    /** A request forwarded or being forwarded, waiting for its response; replay gets the bytes of a duplicate. */
    record Pending(Exchange exchange, Faults faults, CompletableFuture<byte[]> replay) {
    }

    private final FaultProxy proxy;
    private final long id;
    private final Socket client;
    private final CountDownLatch gone = new CountDownLatch(1);
    private final Deque<Pending> pending = new ArrayDeque<>();
    private Socket upstream;
    private boolean requestsDone;
    private boolean closed;

    ProxiedConnection(FaultProxy proxy, long id, Socket client) {
        this.proxy = proxy;
        this.id = id;
        this.client = client;
    }

    void start() {
        proxy.spawn("c" + id + "-requests", this::pumpRequests);
    }

    /** Closes both sides; a reset drops what is unsent and makes each peer read a connection reset. */
    void close(Cut how) {
        Socket up;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            up = upstream;
        }
        gone.countDown();
        closeSocket(client, how);
        if (up != null) {
            closeSocket(up, how);
        }
        proxy.forget(this);
    }

    private void pumpRequests() {
        try {
            Socket up = new Socket();
            up.setTcpNoDelay(true);
            up.connect(proxy.target(), CONNECT_TIMEOUT_MILLIS);
            synchronized (this) {
                upstream = up;
                if (closed) {
                    closeSocket(up, Cut.CLOSE);
                    return;
                }
            }
            if (!proxy.spawn("c" + id + "-responses", () -> pumpResponses(up))) {
                close(Cut.CLOSE);
                return;
            }
            forwardRequests(new BufferedInputStream(client.getInputStream(), BUFFER),
                    new BufferedOutputStream(up.getOutputStream(), BUFFER));
        } catch (IOException e) {
            ended("requests", e);
        } catch (RuntimeException e) {
            log.error("Connection {} stopped by an error of the proxy or its plan", id, e);
            close(Cut.RESET);
        }
    }

    private void forwardRequests(InputStream in, OutputStream out) throws IOException {
        for (int index = 0; ; index++) {
            HttpFraming.Head head = HttpFraming.readHead(in);
            if (head == null) {
                requestsEnded();
                return;
            }
            Pending request = proxy.decide(id, index, head);
            synchronized (this) {
                pending.addLast(request);
            }
            Faults faults = request.faults();
            if (!pause(faults.requestDelay())) {
                return;
            }
            boolean keepCopy = faults.duplicate() != Duplicate.NONE && !head.chunked();
            CuttingSink sink = new CuttingSink(out, faults.cutRequestAfter(), keepCopy ? MAX_DUPLICATE_BYTES : 0);
            try {
                sink.write(head.raw(), 0, head.raw().length);
                HttpFraming.copyBody(head.requestBody(), head.contentLength(), in, sink);
                sink.finish();
            } catch (CuttingSink.CutReached cut) {
                if (faults.duplicate() != Duplicate.NONE) {
                    proxy.duplicateRefused();
                }
                request.replay().complete(null);
                proxy.requestCut();
                close(faults.cut());
                return;
            }
            offerDuplicate(request, sink.copy());
        }
    }

    private void offerDuplicate(Pending request, byte[] bytes) {
        Duplicate when = request.faults().duplicate();
        if (when == Duplicate.NONE) {
            request.replay().complete(null);
        } else if (bytes == null) {
            proxy.duplicateRefused();
            request.replay().complete(null);
        } else if (when == Duplicate.CONCURRENT) {
            request.replay().complete(null);
            proxy.replay(bytes, request.exchange().method());
        } else {
            request.replay().complete(bytes);
        }
    }

    private void pumpResponses(Socket up) {
        try {
            forwardResponses(new BufferedInputStream(up.getInputStream(), BUFFER),
                    new BufferedOutputStream(client.getOutputStream(), BUFFER));
        } catch (IOException e) {
            ended("responses", e);
        } catch (RuntimeException e) {
            log.error("Connection {} stopped by an error of the proxy", id, e);
            close(Cut.RESET);
        }
    }

    private void forwardResponses(InputStream in, OutputStream out) throws IOException {
        while (true) {
            HttpFraming.Head head = HttpFraming.readHead(in);
            if (head == null) {
                close(Cut.CLOSE);
                return;
            }
            boolean interim = head.status() / 100 == 1;
            Pending request;
            synchronized (this) {
                request = interim ? pending.peekFirst() : pending.pollFirst();
            }
            String method = request == null ? "GET" : request.exchange().method();
            if (interim) {
                out.write(head.raw());
                out.flush();
                continue;
            }
            Faults faults = request == null ? Faults.NONE : request.faults();
            if (!pause(faults.responseDelay())) {
                return;
            }
            HttpFraming.Body body = head.responseBody(method);
            CuttingSink sink = new CuttingSink(out, faults.cutResponseAfter(), 0);
            try {
                sink.write(head.raw(), 0, head.raw().length);
                HttpFraming.copyBody(body, head.contentLength(), in, sink);
                sink.finish();
            } catch (CuttingSink.CutReached cut) {
                proxy.responseCut();
                close(faults.cut());
                replayAfterResponse(request);
                return;
            }
            replayAfterResponse(request);
            if (body == HttpFraming.Body.UNTIL_CLOSE || answeredAll()) {
                close(Cut.CLOSE);
                return;
            }
        }
    }

    private void replayAfterResponse(Pending request) {
        if (request != null) {
            request.replay().thenAccept(bytes -> {
                if (bytes != null) {
                    proxy.replay(bytes, request.exchange().method());
                }
            });
        }
    }

    /** The client sent its last request: close now if all are answered, else let the server see the end. */
    private void requestsEnded() throws IOException {
        Socket up;
        synchronized (this) {
            requestsDone = true;
            if (!pending.isEmpty()) {
                up = upstream;
            } else {
                up = null;
            }
        }
        if (up == null) {
            close(Cut.CLOSE);
        } else {
            up.shutdownOutput();
        }
    }

    private synchronized boolean answeredAll() {
        return requestsDone && pending.isEmpty();
    }

    /** Waits out a delay; false when the connection was closed meanwhile. */
    private boolean pause(Duration delay) {
        if (delay.isZero()) {
            return !gone();
        }
        try {
            return !gone.await(delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close(Cut.CLOSE);
            return false;
        }
    }

    private synchronized boolean gone() {
        return closed;
    }

    private void ended(String direction, IOException e) {
        if (!gone()) {
            log.debug("Connection {} {} ended: {}", id, direction, e.toString());
        }
        close(Cut.CLOSE);
    }

    static void closeSocket(Socket socket, Cut how) {
        try {
            if (how == Cut.RESET && !socket.isClosed()) {
                socket.setSoLinger(true, 0);
            }
        } catch (IOException e) {
            log.trace("Could not set SO_LINGER before a reset", e);
        }
        try {
            socket.close();
        } catch (IOException e) {
            log.trace("Closing a socket failed", e);
        }
    }
}
