package app.booksflow.server.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.practice.Organization;
import app.booksflow.model.practice.Role;
import app.booksflow.server.ApiException;
import app.booksflow.server.support.ApiClient.Response;
import app.booksflow.server.support.TestServer;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OrganizationTest {

    private TestServer server;
    private AccountService accounts;

    @BeforeEach
    void start() {
        server = TestServer.start();
        accounts = server.server.accounts();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aPracticeCanBeCreatedWithTheIdItsBooksAlreadyCarry() {
        OrganizationId id = OrganizationId.random();

        Organization created = accounts.createOrganization(id, "Harper & Lowe");
        accounts.createUser(Optional.empty(), id, "owner@harper.example", "Ann Owner", Role.ADMIN, Optional.empty(),
                "correct horse battery".toCharArray());

        assertThat(created.id()).isEqualTo(id);
        assertThat(accounts.findOrganization(id)).contains(new Organization(id, "Harper & Lowe"));
        Response me = server.signIn("owner@harper.example", "correct horse battery").get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text()).contains(id.toString());
    }

    @Test
    void anIdInUseIsRefusedAndTheFirstPracticeStaysAsItWas() {
        OrganizationId id = accounts.createOrganization("First practice").id();

        assertThatThrownBy(() -> accounts.createOrganization(id, "Second practice"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("already a practice");
        assertThat(accounts.findOrganization(id)).map(Organization::name).contains("First practice");
    }

    @Test
    void anUnknownIdFindsNoPractice() {
        assertThat(accounts.findOrganization(OrganizationId.random())).isEmpty();
        assertThat(server.anonymous().get("/health").status()).isEqualTo(200);
    }
}
