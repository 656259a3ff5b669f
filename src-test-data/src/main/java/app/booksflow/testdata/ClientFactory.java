package app.booksflow.testdata;

import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.id.TaxCodeId;
import app.booksflow.model.id.UserId;
import app.booksflow.model.ledger.ChartOfAccounts;
import app.booksflow.model.ledger.ChartTemplate;
import app.booksflow.model.practice.Client;
import app.booksflow.model.practice.Role;
import app.booksflow.model.practice.User;
import app.booksflow.testdata.Catalog.Section;
import app.booksflow.testdata.Seeds.Purpose;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sets up one client from its own random stream: who it is, its chart of accounts and tax codes, its
 * owner's login and the profile its transactions follow. Only the name depends on other clients (names
 * must be unique), and resolving a clash draws no extra numbers, so nothing else shifts.
 */
final class ClientFactory {

    /** The first clients cover every country and trade, so small practices still meet every currency. */
    private static final List<BusinessKind> FIRST_KINDS = List.of(BusinessKind.CAFE, BusinessKind.TRADES,
            BusinessKind.SHOP, BusinessKind.CONSULTANCY, BusinessKind.SHOP, BusinessKind.CAFE);
    /** A practice in the UK with clients abroad; in the order of {@link Country#values()}. */
    private static final double[] COUNTRY_WEIGHTS = {35, 25, 15, 10, 5, 10};
    private static final double[] KIND_WEIGHTS = {20, 25, 30, 25};
    private static final long DAY_MILLIS = 86_400_000L;

    private final PracticeSpec spec;
    private final int index;
    private final Draws draws;
    private final Country country;
    private final BusinessKind kind;
    private final double weight;

    ClientFactory(PracticeSpec spec, int index) {
        this.spec = spec;
        this.index = index;
        this.draws = new Draws(Seeds.client(spec.seed(), index, Purpose.CLIENT_SETUP));
        int countryDraw = draws.weighted(COUNTRY_WEIGHTS, COUNTRY_WEIGHTS.length, 100);
        int kindDraw = draws.weighted(KIND_WEIGHTS, KIND_WEIGHTS.length, 100);
        this.country = index < FIRST_KINDS.size() ? Country.values()[index] : Country.values()[countryDraw];
        this.kind = index < FIRST_KINDS.size() ? FIRST_KINDS.get(index) : BusinessKind.values()[kindDraw];
        // Log-normal sizes: a few clients carry most of the practice's transactions.
        this.weight = kind.busyness() * draws.logNormal(1, 0.9);
    }

    /** The client's share of the practice's transactions, relative to the others. */
    double weight() {
        return weight;
    }

    /** @param taken names and e-mail addresses already in use; the new ones are added */
    GeneratedClient build(OrganizationId organization, long transactions, Set<String> taken) {
        long onboarded = (spec.from().toEpochDay() - 60) * DAY_MILLIS + 9 * 3_600_000L + index * 60_000L;
        BusinessClock ids = new BusinessClock(Seeds.client(spec.seed(), index, Purpose.SETUP_IDS), onboarded);
        Catalog catalog = Catalog.of(country);
        String name = uniqueName(catalog, draws.between(0, 99), taken);
        ClientId clientId = new ClientId(ids.next());
        Client client = new Client(clientId, organization, name, country.currency(), country.fiscalYearStart(),
                closingDate());
        ChartOfAccounts chart = ChartTemplate.smallBusiness().instantiate(clientId, () -> new AccountId(ids.next()));
        ClientTaxes taxes = ClientTaxes.create(country, clientId, chart, () -> new TaxCodeId(ids.next()), draws);
        Optional<User> owner = owner(catalog, client, new UserId(ids.next()), taken);
        ClientProfile profile = ProfileFactory.draw(country, kind, draws);
        return new GeneratedClient(spec, index, client, chart, new ClientBooks(country, chart, taxes), profile, owner,
                transactions);
    }

    private String uniqueName(Catalog catalog, int start, Set<String> taken) {
        List<String> surnames = catalog.list(Section.SURNAMES);
        String trade = catalog.list(Section.TRADES).get(kind.ordinal());
        int n = surnames.size();
        for (int attempt = 0; attempt < n * n; attempt++) {
            String surname = surnames.get((start + attempt) % n);
            String partner = surnames.get((start + attempt / n) % n);
            if (attempt >= n && partner.equals(surname)) {
                continue;
            }
            String name = attempt < n ? surname : catalog.partners(surname, partner);
            String candidate = catalog.businessName(name, trade);
            if (taken.add(candidate)) {
                return candidate;
            }
        }
        String numbered = catalog.businessName(surnames.get(start % n) + " " + (index + 1), trade);
        taken.add(numbered);
        return numbered;
    }

    /**
     * Most clients close their books at the end of the last fiscal year, which gives later tests
     * closed periods to respect. Only when the period holds enough history before and after.
     */
    private Optional<LocalDate> closingDate() {
        boolean closes = draws.chance(0.7);
        LocalDate yearStart = country.fiscalYearStart().atYear(spec.to().getYear());
        if (yearStart.isAfter(spec.to())) {
            yearStart = yearStart.minusYears(1);
        }
        LocalDate closing = yearStart.minusDays(1);
        boolean fits = !closing.isBefore(spec.from().plusMonths(6)) && !closing.isAfter(spec.to().minusMonths(3));
        return closes && fits ? Optional.of(closing) : Optional.empty();
    }

    /** About half the clients log in to upload receipts; the first one always does, so tiny practices have one. */
    private Optional<User> owner(Catalog catalog, Client client, UserId id, Set<String> taken) {
        boolean logsIn = draws.chance(0.5) || index == 0;
        String given = draws.pick(catalog.list(Section.GIVEN_NAMES));
        String surname = draws.pick(catalog.list(Section.SURNAMES));
        if (!logsIn) {
            return Optional.empty();
        }
        String domain = Slugs.of(client.name(), "client-" + (index + 1)) + ".example";
        String email = uniqueEmail(Slugs.of(given, "owner"), domain, taken);
        return Optional.of(new User(id, client.organization(), email, catalog.personName(given, surname), Role.CLIENT,
                Optional.of(client.id())));
    }

    static String uniqueEmail(String local, String domain, Set<String> taken) {
        String email = local + "@" + domain;
        for (int suffix = 2; !taken.add(email); suffix++) {
            email = local + suffix + "@" + domain;
        }
        return email;
    }
}
