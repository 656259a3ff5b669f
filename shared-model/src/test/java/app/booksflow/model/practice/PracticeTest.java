package app.booksflow.model.practice;

import static app.booksflow.model.money.Currencies.GBP;
import static app.booksflow.model.DomainAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.DomainError;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.id.UserId;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PracticeTest {

    private final OrganizationId practice = OrganizationId.random();
    private final Client bakery = new Client(ClientId.random(), practice, "Hill Street Bakery", GBP,
            MonthDay.of(4, 6), Optional.of(LocalDate.of(2025, 4, 5)));

    @Test
    void datesOnOrBeforeTheClosingDateAreClosed() {
        assertThat(bakery.isClosed(LocalDate.of(2025, 4, 5))).isTrue();
        assertThat(bakery.isClosed(LocalDate.of(2025, 4, 6))).isFalse();
        assertRefused(() -> bakery.requireOpen(LocalDate.of(2024, 12, 31)), DomainError.PERIOD_CLOSED)
                .hasMessageContaining("Hill Street Bakery")
                .hasMessageContaining("2025-04-05");
        assertThat(bakery.withClosingDate(null).isClosed(LocalDate.of(1999, 1, 1))).isFalse();
    }

    @Test
    void findsTheFiscalYearOfADate() {
        assertThat(bakery.fiscalYearStartFor(LocalDate.of(2025, 4, 5))).isEqualTo(LocalDate.of(2024, 4, 6));
        assertThat(bakery.fiscalYearStartFor(LocalDate.of(2025, 4, 6))).isEqualTo(LocalDate.of(2025, 4, 6));
        assertRefused(() -> new Client(ClientId.random(), practice, "Leap Ltd", GBP, MonthDay.of(2, 29), Optional.empty()),
                DomainError.OUT_OF_RANGE);
    }

    @Test
    void onlyClientUsersBelongToAClient() {
        User owner = new User(UserId.random(), practice, "Owner@Bakery.example", "Ann Baker", Role.CLIENT,
                Optional.of(bakery.id()));

        assertThat(owner.email()).isEqualTo("owner@bakery.example");
        assertRefused(() -> new User(UserId.random(), practice, "x@y.example", "X", Role.CLIENT, Optional.empty()),
                DomainError.REQUIRED);
        assertRefused(() -> new User(UserId.random(), practice, "x@y.example", "X", Role.ACCOUNTANT, Optional.of(bakery.id())),
                DomainError.INVALID_STATE);
        assertRefused(() -> new User(UserId.random(), practice, "not an email", "X", Role.ADMIN, Optional.empty()),
                DomainError.INVALID_FORMAT);
    }

    @Test
    void onlyAccountantsOfTheSamePracticeAreAssigned() {
        User accountant = new User(UserId.random(), practice, "ca@practice.example", "Carl Account", Role.ACCOUNTANT, Optional.empty());
        User admin = new User(UserId.random(), practice, "admin@practice.example", "Ada Admin", Role.ADMIN, Optional.empty());
        User stranger = new User(UserId.random(), OrganizationId.random(), "s@other.example", "Sam Other", Role.ACCOUNTANT,
                Optional.empty());

        assertThat(ClientAssignment.of(accountant, bakery).client()).isEqualTo(bakery.id());
        assertRefused(() -> ClientAssignment.of(admin, bakery), DomainError.INVALID_STATE);
        assertRefused(() -> ClientAssignment.of(stranger, bakery), DomainError.INVALID_STATE).hasMessageContaining("practice");
    }
}
