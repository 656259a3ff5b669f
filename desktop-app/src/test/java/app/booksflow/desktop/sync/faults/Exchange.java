package app.booksflow.desktop.sync.faults;

/**
 * One HTTP request seen by the proxy, as a plan gets it before anything of it is forwarded.
 *
 * @param sequence      order of arrival over the proxy's life, from 0; a sequential client makes it reproducible
 * @param connection    order of the client connection it came on, from 0
 * @param onConnection  its place among the requests of that connection, from 0 (keep-alive)
 * @param contentLength the request body's length, or -1 when it is chunked
 */
public record Exchange(long sequence, long connection, int onConnection, String method, String target,
        long contentLength) {
}
