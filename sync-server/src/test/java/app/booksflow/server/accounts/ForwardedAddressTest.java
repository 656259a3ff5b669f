package app.booksflow.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.server.support.ApiClient.Response;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sign-ins through a reverse proxy: the client's address comes from X-Forwarded-For when the proxy is trusted. */
class ForwardedAddressTest {

    private static final Map<String, String> BEHIND_A_PROXY = Map.of("proxy.trusted", "127.0.0.1, ::1");

    @Test
    void behindATrustedProxyEachClientIsThrottledAndAuditedByItsOwnAddress() throws Exception {
        try (TestServer server = TestServer.start(BEHIND_A_PROXY)) {
            Practice practice = Practice.create(server, "proxied");
            // 50 failed sign-ins from one address (unknown emails, so no one's own limit is reached).
            for (int i = 0; i < 50; i++) {
                assertThat(signIn(server, "stranger" + i + "@proxied.example", "guess", "203.0.113.7").status()).isEqualTo(401);
            }

            assertThat(signIn(server, practice.accountantUser.email(), Practice.PASSWORD, "203.0.113.7").status())
                    .as("that address is held back").isEqualTo(429);
            assertThat(signIn(server, practice.accountantUser.email(), Practice.PASSWORD, "198.51.100.9").status())
                    .as("another client through the same proxy is not").isEqualTo(200);
            // What the client itself put in front of the proxy's entry is not believed.
            signIn(server, practice.adminUser.email(), "wrong", "10.9.9.9, 198.51.100.20");
            assertThat(failedSignInAddresses(server)).containsExactly("198.51.100.20");
        }
    }

    @Test
    void withoutATrustedProxyTheHeaderIsIgnored() throws Exception {
        try (TestServer server = TestServer.start()) {
            Practice practice = Practice.create(server, "direct");
            for (int i = 0; i < 50; i++) {
                signIn(server, "stranger" + i + "@direct.example", "guess", "203.0.113." + i);
            }

            assertThat(signIn(server, practice.accountantUser.email(), Practice.PASSWORD, "198.51.100.9").status())
                    .as("a client cannot pick a fresh address for each attempt").isEqualTo(429);
            server.clock.advance(java.time.Duration.ofMinutes(16));
            signIn(server, practice.adminUser.email(), "wrong", "198.51.100.20");
            assertThat(failedSignInAddresses(server)).singleElement().satisfies(address ->
                    assertThat(address).isIn("127.0.0.1", "0:0:0:0:0:0:0:1"));
        }
    }

    private static Response signIn(TestServer server, String email, String password, String forwardedFor) {
        return server.anonymous().post("POST", "/api/v1/auth/login", Map.of("email", email, "password", password),
                Map.of("X-Forwarded-For", forwardedFor));
    }

    private static List<String> failedSignInAddresses(TestServer server) throws Exception {
        List<String> addresses = new ArrayList<>();
        try (Connection c = server.dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select after_state::jsonb ->> 'address' from audit_events "
                        + "where action = 'LOGIN_FAILED' order by seq")) {
            while (r.next()) {
                addresses.add(r.getString(1));
            }
        }
        return addresses;
    }
}
