package app.booksflow.desktop.sync.faults;

/**
 * Counters since the proxy started.
 *
 * @param connections        client connections accepted and forwarded
 * @param exchanges          requests seen
 * @param requestCuts        connections cut mid-request
 * @param responseCuts       connections cut mid-response
 * @param offlineCuts        open connections cut by going offline
 * @param duplicates         duplicated requests replayed upstream
 * @param duplicatesRefused  duplicates planned but not replayed (chunked, cut or too large request; offline)
 */
public record FaultProxyStats(long connections, long exchanges, long requestCuts, long responseCuts,
        long offlineCuts, long duplicates, long duplicatesRefused) {
}
