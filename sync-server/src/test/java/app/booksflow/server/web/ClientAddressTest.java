package app.booksflow.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    private final ClientAddress direct = ClientAddress.trusting(List.of());
    private final ClientAddress behindProxies = ClientAddress.trusting(List.of("127.0.0.1", "10.0.0.2", "::1"));

    @Test
    void withoutTrustedProxiesThePeerIsTheClient() {
        assertThat(direct.of("192.0.2.5", "203.0.113.7")).isEqualTo("192.0.2.5");
        assertThat(direct.of("192.0.2.5", null)).isEqualTo("192.0.2.5");
    }

    @Test
    void aTrustedPeerIsReadRightToLeftPastEveryTrustedProxy() {
        assertThat(behindProxies.of("127.0.0.1", "203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(behindProxies.of("127.0.0.1", "203.0.113.7, 10.0.0.2")).isEqualTo("203.0.113.7");
        assertThat(behindProxies.of("127.0.0.1", "6.6.6.6, 203.0.113.7")).as("the client's own claim is left of it")
                .isEqualTo("203.0.113.7");
        assertThat(behindProxies.of("127.0.0.1", "10.0.0.2")).as("only proxies: the farthest one").isEqualTo("10.0.0.2");
        assertThat(behindProxies.of("127.0.0.1", null)).isEqualTo("127.0.0.1");
    }

    @Test
    void anUntrustedPeersHeaderIsIgnored() {
        assertThat(behindProxies.of("192.0.2.5", "203.0.113.7")).isEqualTo("192.0.2.5");
    }

    @Test
    void garbledEntriesStopTheWalkAtTheLastAddressVouchedFor() {
        assertThat(behindProxies.of("127.0.0.1", "unknown")).isEqualTo("127.0.0.1");
        assertThat(behindProxies.of("127.0.0.1", "203.0.113.7, evil.example.com, 10.0.0.2")).isEqualTo("10.0.0.2");
        assertThat(behindProxies.of("127.0.0.1", "999.1.1.1")).isEqualTo("127.0.0.1");
        assertThat(behindProxies.of("127.0.0.1", "")).isEqualTo("127.0.0.1");
    }

    @Test
    void ipv6IsReadInAnySpelling() {
        assertThat(behindProxies.of("0:0:0:0:0:0:0:1", "2001:db8::7")).isEqualTo("2001:db8:0:0:0:0:0:7");
        assertThat(behindProxies.of("[::1]", "[2001:db8::7]")).isEqualTo("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void aTrustedProxyThatIsNotAnAddressIsRefusedByName() {
        assertThatThrownBy(() -> ClientAddress.trusting(List.of("127.0.0.1", "proxy.internal")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("proxy.trusted").hasMessageContaining("'proxy.internal'");
    }
}
