package app.booksflow.desktop.sync.faults;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TCP proxy on a free loopback port that forwards HTTP/1.1 connections to a target and does to each exchange what
 * its faults say: cut mid-request or mid-response, delay, duplicate. Faults come first from those queued with
 * {@link #nextExchange(Faults)}, then from the {@link FaultPlan}; both can be changed at any time from any thread.
 * {@link #offline()} refuses new connections (the port is held but nothing listens) and resets the open ones.
 *
 * <p>Each connection takes two platform threads named after {@link #threadNamePrefix()}; {@link #close()} ends them
 * all before it returns.
 *
 * <p>Limits: HTTP/1.1 in clear text only (no TLS, no upgrades or CONNECT after a 101); a head longer than 64 KiB
 * closes its connection; chunked requests and requests over 64 MiB are forwarded but never duplicated; sequence
 * numbers, and so what a seeded plan decides for a request, are reproducible only when requests arrive in the same
 * order (a sequential client); while offline the port is held by a bound socket that does not listen, which Linux
 * refuses at once, and on a platform that will not share the port it is given up for a moment when back online.
 */
public final class FaultProxy implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FaultProxy.class);
    private static final AtomicInteger PROXIES = new AtomicInteger();
    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final long CLOSE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final InetSocketAddress target;
    private final InetSocketAddress address;
    private final String threadNamePrefix;

    private final Object lock = new Object();
    private ServerSocket listener;
    private Socket reservation;
    private boolean offline;
    private boolean closed;

    private final Set<ProxiedConnection> connections = ConcurrentHashMap.newKeySet();
    private final Set<Socket> replays = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicLong threadIds = new AtomicLong();

    private final Queue<Faults> queued = new ConcurrentLinkedQueue<>();
    private volatile FaultPlan plan = FaultPlan.none();
    private final Object decisions = new Object();
    private long nextSequence;
    private final List<DecidedExchange> decided = new ArrayList<>();

    private final AtomicLong connectionCount = new AtomicLong();
    private final AtomicLong exchangeCount = new AtomicLong();
    private final AtomicLong requestCuts = new AtomicLong();
    private final AtomicLong responseCuts = new AtomicLong();
    private final AtomicLong offlineCuts = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong duplicatesRefused = new AtomicLong();

    private FaultProxy(InetSocketAddress target, ServerSocket listener) {
        this.target = target;
        this.listener = listener;
        this.address = (InetSocketAddress) listener.getLocalSocketAddress();
        this.threadNamePrefix = "fault-proxy-" + PROXIES.incrementAndGet() + "-";
    }

    /** Starts a proxy to host:port; it forwards without faults until told otherwise. */
    public static FaultProxy start(String host, int port) throws IOException {
        return start(new InetSocketAddress(host, port));
    }

    public static FaultProxy start(InetSocketAddress target) throws IOException {
        ServerSocket listener = listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        FaultProxy proxy = new FaultProxy(target, listener);
        proxy.spawn("accept", proxy::acceptLoop);
        return proxy;
    }

    public int port() {
        return address.getPort();
    }

    public InetSocketAddress address() {
        return address;
    }

    /** The base URI to give a client instead of the target's, such as http://127.0.0.1:40123. */
    public URI uri() {
        return URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort());
    }

    InetSocketAddress target() {
        return target;
    }

    String threadNamePrefix() {
        return threadNamePrefix;
    }

    /** Replaces the plan that decides the exchanges no queued faults are left for. */
    public void plan(FaultPlan newPlan) {
        plan = Objects.requireNonNull(newPlan);
    }

    /** Queues faults for the next exchange to arrive (first in, first out), ahead of the plan. */
    public void nextExchange(Faults faults) {
        queued.add(Objects.requireNonNull(faults));
    }

    /** Drops the queued faults and goes back to a plan without faults. */
    public void clearFaults() {
        queued.clear();
        plan = FaultPlan.none();
    }

    /** Every exchange so far with the faults decided for it, in sequence order. */
    public List<DecidedExchange> exchanges() {
        synchronized (decisions) {
            return List.copyOf(decided);
        }
    }

    public FaultProxyStats stats() {
        return new FaultProxyStats(connectionCount.get(), exchangeCount.get(), requestCuts.get(),
                responseCuts.get(), offlineCuts.get(), duplicates.get(), duplicatesRefused.get());
    }

    public boolean isOffline() {
        synchronized (lock) {
            return offline;
        }
    }

    /** New connections are refused (nothing listens on the port, which stays reserved); open ones are reset. */
    public void offline() {
        List<ProxiedConnection> open;
        synchronized (lock) {
            if (offline || closed) {
                return;
            }
            offline = true;
            closeQuietly(listener);
            listener = null;
            reservation = reserve(address);
            open = List.copyOf(connections);
        }
        for (ProxiedConnection connection : open) {
            connection.close(Cut.RESET);
            offlineCuts.incrementAndGet();
        }
        replays.forEach(socket -> ProxiedConnection.closeSocket(socket, Cut.RESET));
    }

    /** Listens again on the same port. */
    public void online() {
        synchronized (lock) {
            if (!offline || closed) {
                return;
            }
            try {
                listener = listen(address);
            } catch (BindException e) {
                // Platforms that will not share the port with the reservation: give it up first.
                closeQuietly(reservation);
                reservation = null;
                try {
                    listener = listen(address);
                } catch (IOException again) {
                    throw new UncheckedIOException("cannot listen on " + address + " again", again);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot listen on " + address + " again", e);
            }
            closeQuietly(reservation);
            reservation = null;
            offline = false;
            lock.notifyAll();
        }
    }

    /** Stops listening, closes every connection and waits for every thread of the proxy to end. */
    @Override
    public void close() {
        List<ProxiedConnection> open;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            closeQuietly(listener);
            closeQuietly(reservation);
            listener = null;
            reservation = null;
            open = List.copyOf(connections);
            lock.notifyAll();
        }
        open.forEach(connection -> connection.close(Cut.CLOSE));
        replays.forEach(socket -> ProxiedConnection.closeSocket(socket, Cut.CLOSE));
        long deadline = System.nanoTime() + CLOSE_WAIT_NANOS;
        for (Thread thread : List.copyOf(threads)) {
            if (thread == Thread.currentThread()) {
                continue;
            }
            try {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            if (thread.isAlive()) {
                log.warn("Proxy thread {} still runs after close", thread.getName());
            }
        }
    }

    private void acceptLoop() {
        while (true) {
            ServerSocket current;
            synchronized (lock) {
                while (offline && !closed) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                current = listener;
            }
            try {
                admit(current.accept());
            } catch (IOException e) {
                if (!current.isClosed()) {
                    log.warn("Accepting a connection failed", e);
                }
            }
        }
    }

    private void admit(Socket client) throws IOException {
        client.setTcpNoDelay(true);
        ProxiedConnection connection;
        synchronized (lock) {
            if (offline || closed) {
                ProxiedConnection.closeSocket(client, Cut.RESET);
                return;
            }
            connection = new ProxiedConnection(this, connectionCount.getAndIncrement(), client);
            connections.add(connection);
        }
        connection.start();
    }

    void forget(ProxiedConnection connection) {
        connections.remove(connection);
    }

    /** Assigns the next sequence number and decides the exchange's faults; one decision at a time, in order. */
    ProxiedConnection.Pending decide(long connection, int onConnection, HttpFraming.Head head) {
        synchronized (decisions) {
            Exchange exchange = new Exchange(nextSequence++, connection, onConnection, head.method(), head.target(),
                    head.chunked() ? -1 : Math.max(0, head.contentLength()));
            Faults faults = queued.poll();
            if (faults == null) {
                faults = Objects.requireNonNull(plan.decide(exchange), "a plan decided null");
            }
            decided.add(new DecidedExchange(exchange, faults));
            exchangeCount.incrementAndGet();
            return new ProxiedConnection.Pending(exchange, faults, new CompletableFuture<>());
        }
    }

    void requestCut() {
        requestCuts.incrementAndGet();
    }

    void responseCut() {
        responseCuts.incrementAndGet();
    }

    void duplicateRefused() {
        duplicatesRefused.incrementAndGet();
    }

    /** Sends a duplicate on a connection of its own and reads its response to the end, for nobody. */
    void replay(byte[] request, String method) {
        synchronized (lock) {
            if (offline || closed) {
                duplicatesRefused.incrementAndGet();
                return;
            }
        }
        spawn("replay", () -> {
            Socket socket = new Socket();
            replays.add(socket);
            try {
                if (isClosedOrOffline()) {
                    duplicatesRefused.incrementAndGet();
                    return;
                }
                socket.connect(target, CONNECT_TIMEOUT_MILLIS);
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
                duplicates.incrementAndGet();
                discardResponse(new BufferedInputStream(socket.getInputStream()), method);
            } catch (IOException e) {
                log.debug("A duplicate's connection ended: {}", e.toString());
            } finally {
                replays.remove(socket);
                ProxiedConnection.closeSocket(socket, Cut.CLOSE);
            }
        });
    }

    private static void discardResponse(InputStream in, String method) throws IOException {
        HttpFraming.Head head;
        do {
            head = HttpFraming.readHead(in);
        } while (head != null && head.status() / 100 == 1);
        if (head != null) {
            HttpFraming.copyBody(head.responseBody(method), head.contentLength(), in, (bytes, offset, length) -> { });
        }
    }

    private boolean isClosedOrOffline() {
        synchronized (lock) {
            return closed || offline;
        }
    }

    /** Starts a named thread of this proxy, unless the proxy is closed. */
    boolean spawn(String name, Runnable task) {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            String threadName = threadNamePrefix + name + "-" + threadIds.incrementAndGet();
            Thread thread = Thread.ofPlatform().daemon().name(threadName).unstarted(() -> {
                try {
                    task.run();
                } finally {
                    threads.remove(Thread.currentThread());
                }
            });
            threads.add(thread);
            thread.start();
            return true;
        }
    }

    private static ServerSocket listen(InetSocketAddress at) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(at, 50);
            return socket;
        } catch (IOException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    /** A socket bound to the port but neither listening nor connected: the port stays ours and refuses. */
    private static Socket reserve(InetSocketAddress at) {
        Socket socket = new Socket();
        try {
            socket.setReuseAddress(true);
            socket.bind(at);
            return socket;
        } catch (IOException e) {
            closeQuietly(socket);
            log.warn("Could not hold port {} while offline; another socket may take it", at.getPort(), e);
            return null;
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.trace("Closing failed", e);
        }
    }
}
