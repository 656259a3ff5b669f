package app.booksflow.server.support;

import app.booksflow.model.EntityType;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.TaxCodeId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.ChartOfAccounts;
import app.booksflow.model.ledger.ChartTemplate;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.TaxCode;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.money.Currencies;
import app.booksflow.model.money.Money;
import app.booksflow.model.money.TaxRate;
import app.booksflow.model.practice.Client;
import app.booksflow.model.practice.Organization;
import app.booksflow.model.practice.Role;
import app.booksflow.protocol.Mutation;
import app.booksflow.server.accounts.AccountService.UserView;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A small practice on a test server: an admin, an accountant assigned to one client, a client user,
 * and that client's books (chart of accounts, a VAT code), created through the real API.
 */
public final class Practice {

    public static final String PASSWORD = "correct horse battery";

    public final Organization organization;
    public final UserView adminUser;
    public final UserView accountantUser;
    public final UserView clientUser;
    public final ApiClient admin;
    public final ApiClient accountant;
    public final ApiClient owner;
    public final Client client;
    public final ChartOfAccounts chart;
    public final TaxCode vat;

    private Practice(Organization organization, UserView adminUser, UserView accountantUser, UserView clientUser,
            ApiClient admin, ApiClient accountant, ApiClient owner, Client client, ChartOfAccounts chart, TaxCode vat) {
        this.organization = organization;
        this.adminUser = adminUser;
        this.accountantUser = accountantUser;
        this.clientUser = clientUser;
        this.admin = admin;
        this.accountant = accountant;
        this.owner = owner;
        this.client = client;
        this.chart = chart;
        this.vat = vat;
    }

    /** @param tag makes email addresses unique when one server holds several practices */
    public static Practice create(TestServer server, String tag) {
        var accounts = server.server.accounts();
        Organization organization = accounts.createOrganization("Practice " + tag);
        UserView admin = accounts.createUser(Optional.empty(), organization.id(), "admin@" + tag + ".example",
                "Ada Admin", Role.ADMIN, Optional.empty(), PASSWORD.toCharArray());
        ApiClient adminApi = server.signIn(admin.email(), PASSWORD);

        Client client = new Client(ClientId.random(), organization.id(), "Hill Street Bakery " + tag, Currencies.EUR,
                MonthDay.of(1, 1), Optional.empty());
        ChartOfAccounts chart = ChartTemplate.smallBusiness().instantiate(client.id(), AccountId::random);
        TaxCode vat = new TaxCode(TaxCodeId.random(), client.id(), "VAT20", "Standard rate", TaxRate.ofPercent("20"),
                chart.byCode("1200").orElseThrow().id());
        Device setup = new Device(adminApi);
        List<Mutation> books = new ArrayList<>();
        books.add(setup.upsert(client.id(), EntityType.CLIENT, client.id().value(), 0, client));
        for (Account account : chart.accounts()) {
            books.add(setup.upsert(client.id(), EntityType.ACCOUNT, account.id().value(), 0, account));
        }
        books.add(setup.upsert(client.id(), EntityType.TAX_CODE, vat.id().value(), 0, vat));
        var outcomes = setup.pushOk(books.toArray(Mutation[]::new));
        outcomes.forEach(o -> {
            if (!"applied".equals(o.get("outcome").asText())) {
                throw new IllegalStateException("Setting up the books failed: " + o);
            }
        });

        UserView accountant = accounts.createUser(Optional.empty(), organization.id(), "accountant@" + tag + ".example",
                "Carl Count", Role.ACCOUNTANT, Optional.empty(), PASSWORD.toCharArray());
        UserView owner = accounts.createUser(Optional.empty(), organization.id(), "owner@" + tag + ".example",
                "Olive Owner", Role.CLIENT, Optional.of(client.id()), PASSWORD.toCharArray());
        adminApi.post("/api/v1/admin/assignments", java.util.Map.of("accountant", accountant.id(), "client", client.id()));
        return new Practice(organization, admin, accountant, owner, adminApi,
                server.signIn(accountant.email(), PASSWORD), server.signIn(owner.email(), PASSWORD), client, chart, vat);
    }

    public AccountId account(String code) {
        return chart.byCode(code).orElseThrow().id();
    }

    /** A posted purchase paid from the bank: gross amount in cents, with 20 % VAT included. */
    public Transaction purchase(LocalDate date, String payee, long grossCents) {
        Money total = Money.ofMinor(-grossCents, Currencies.EUR);
        return new Transaction(TransactionId.random(), client.id(), date, payee, "", account("1000"), total,
                TransactionStatus.POSTED, List.of(Split.of(account("6100"), total, vat.id())));
    }

    /** A posted sale received into the bank, without tax. */
    public Transaction sale(LocalDate date, String payee, long cents) {
        Money total = Money.ofMinor(cents, Currencies.EUR);
        return new Transaction(TransactionId.random(), client.id(), date, payee, "", account("1000"), total,
                TransactionStatus.POSTED, List.of(Split.of(account("4000"), total)));
    }
}
