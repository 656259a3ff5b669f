package app.booksflow.model.ledger;

import static app.booksflow.model.DomainAssertions.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.model.DomainError;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartOfAccountsTest {

    private final ClientId client = ClientId.random();

    @Test
    void theSmallBusinessTemplateHasEveryKindOfAccountAndTheCommonCategories() {
        ChartOfAccounts chart = ChartTemplate.smallBusiness().instantiate(client, AccountId::random);

        for (AccountType type : AccountType.values()) {
            assertThat(chart.ofType(type)).as(type.name()).isNotEmpty();
        }
        assertThat(chart.accounts()).extracting(Account::name)
                .contains("Bank", "Office supplies", "Travel", "Meals and entertainment", "Software and subscriptions",
                        "Rent", "Sales");
        assertThat(chart.byCode("6100").orElseThrow().type()).isEqualTo(AccountType.EXPENSE);
    }

    @Test
    void refusesTwoAccountsWithTheSameCode() {
        List<Account> accounts = new ArrayList<>(ChartTemplate.smallBusiness().instantiate(client, AccountId::random).accounts());
        accounts.add(new Account(AccountId.random(), client, "6100", "Stationery", AccountType.EXPENSE));

        assertRefused(() -> new ChartOfAccounts(client, accounts), DomainError.DUPLICATE)
                .hasMessageContaining("6100")
                .hasMessageContaining("Stationery");
    }

    @Test
    void refusesAnAccountOfAnotherClientAndBadCodes() {
        Account foreign = new Account(AccountId.random(), ClientId.random(), "1000", "Bank", AccountType.ASSET);

        assertRefused(() -> new ChartOfAccounts(client, List.of(foreign)), DomainError.INVALID_STATE);
        assertRefused(() -> new Account(AccountId.random(), client, "61 00", "Office", AccountType.EXPENSE),
                DomainError.INVALID_FORMAT);
    }
}
