package app.booksflow.desktop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyncExceptionTest {

    @Test
    void connectionAndServerTroubleTooManyRequestsAndARequestTimeoutAreWorthRepeating() {
        assertThat(refused(408, "REQUEST_TIMEOUT").isTransient()).isTrue();
        assertThat(refused(429, "TOO_MANY_REQUESTS").isTransient()).isTrue();
        assertThat(new SyncException(SyncException.Kind.SERVER, 503, "BUSY", "busy", null).isTransient()).isTrue();
        assertThat(new SyncException(SyncException.Kind.OFFLINE, 0, "OFFLINE", "offline", null).isTransient()).isTrue();
    }

    @Test
    void aRefusalForGoodIsNot() {
        assertThat(refused(400, "MALFORMED_JSON").isTransient()).isFalse();
        assertThat(refused(403, "FORBIDDEN").isTransient()).isFalse();
        assertThat(refused(413, "PAYLOAD_TOO_LARGE").isTransient()).isFalse();
        assertThat(new SyncException(SyncException.Kind.SIGNED_OUT, 401, "UNAUTHORIZED", "signed out", null).isTransient())
                .isFalse();
    }

    private static SyncException refused(int status, String code) {
        return new SyncException(SyncException.Kind.REFUSED, status, code, code, null);
    }
}
