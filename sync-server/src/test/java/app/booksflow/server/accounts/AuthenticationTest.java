package app.booksflow.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.server.support.ApiClient;
import app.booksflow.server.support.ApiClient.Response;
import app.booksflow.server.support.Practice;
import app.booksflow.server.support.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthenticationTest {

    private TestServer server;
    private Practice practice;

    @BeforeEach
    void start() {
        server = TestServer.start();
        practice = Practice.create(server, "auth");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void signingInReturnsAnOpaqueTokenThatIsStoredOnlyAsAHash() throws Exception {
        Response response = server.anonymous().post("/api/v1/auth/login",
                Map.of("email", "Accountant@Auth.Example", "password", Practice.PASSWORD));

        assertThat(response.status()).isEqualTo(200);
        String token = response.json().get("token").asText();
        assertThat(token).startsWith("bf_").hasSizeGreaterThan(40);
        assertThat(response.json().get("user").has("passwordHash")).isFalse();
        try (Connection c = server.dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from auth_tokens where encode(token_hash, 'escape') like '%"
                        + token.substring(3, 12) + "%'")) {
            r.next();
            assertThat(r.getInt(1)).isZero();
        }
        assertThat(practice.accountant.as(token).get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        Response wrongPassword = server.anonymous().post("/api/v1/auth/login",
                Map.of("email", "accountant@auth.example", "password", "not the password"));
        Response unknown = server.anonymous().post("/api/v1/auth/login",
                Map.of("email", "nobody@auth.example", "password", "not the password"));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.json().get("message")).isEqualTo(wrongPassword.json().get("message"));
    }

    @Test
    void repeatedFailuresAreThrottledPerUserAndAuditedAsHighRisk() throws Exception {
        for (int i = 0; i < 5; i++) {
            server.anonymous().post("/api/v1/auth/login", Map.of("email", "owner@auth.example", "password", "guess " + i));
        }

        Response throttled = server.anonymous().post("/api/v1/auth/login",
                Map.of("email", "owner@auth.example", "password", Practice.PASSWORD));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.json().get("error").asText()).isEqualTo("TOO_MANY_REQUESTS");
        try (Connection c = server.dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*) from audit_events where action = 'LOGIN_FAILED' and risk = 'HIGH'")) {
            r.next();
            assertThat(r.getInt(1)).isGreaterThanOrEqualTo(1);
        }
        server.clock.advance(Duration.ofMinutes(16));
        assertThat(server.anonymous().post("/api/v1/auth/login",
                Map.of("email", "owner@auth.example", "password", Practice.PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void expiredForgedAndMissingTokensAreRefused() {
        ApiClient accountant = server.signIn("accountant@auth.example", Practice.PASSWORD);
        assertThat(accountant.get("/api/v1/me").status()).isEqualTo(200);

        assertThat(accountant.as("bf_forgedforgedforgedforgedforgedforgedforged").get("/api/v1/me").status()).isEqualTo(401);
        assertThat(accountant.as("not-even-a-token").get("/api/v1/me").status()).isEqualTo(401);
        assertThat(server.anonymous().get("/api/v1/me").status()).isEqualTo(401);
        server.clock.advance(Duration.ofDays(31));
        Response expired = accountant.get("/api/v1/me");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("message").asText()).contains("Sign in again");
    }

    @Test
    void loggingOutAndAnAdminsRevocationEndSessions() {
        ApiClient first = server.signIn("accountant@auth.example", Practice.PASSWORD);
        ApiClient second = server.signIn("accountant@auth.example", Practice.PASSWORD);

        assertThat(first.post("/api/v1/auth/logout", Map.of()).status()).isEqualTo(204);
        assertThat(first.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(second.get("/api/v1/me").status()).isEqualTo(200);

        Response revoked = practice.admin.post("/api/v1/admin/users/" + practice.accountantUser.id() + "/revoke-sessions", Map.of());
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(second.get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void onlyAdminsManageUsersAndPasswordsMustBeLongEnough() {
        Map<String, Object> newUser = Map.of("email", "new@auth.example", "displayName", "New Person", "role",
                "ACCOUNTANT", "password", "long enough password");
        assertThat(practice.accountant.post("/api/v1/admin/users", newUser).status()).isEqualTo(403);
        assertThat(practice.admin.post("/api/v1/admin/users", newUser).status()).isEqualTo(201);
        assertThat(practice.admin.post("/api/v1/admin/users", newUser).status()).isEqualTo(409);
        Response weak = practice.admin.post("/api/v1/admin/users", Map.of("email", "weak@auth.example",
                "displayName", "Weak", "role", "ACCOUNTANT", "password", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("error").asText()).isEqualTo("WEAK_PASSWORD");
    }
}
