package app.booksflow.testdata;

import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.id.UserId;
import app.booksflow.model.practice.ClientAssignment;
import app.booksflow.model.practice.Organization;
import app.booksflow.model.practice.Role;
import app.booksflow.model.practice.User;
import app.booksflow.testdata.Catalog.Section;
import app.booksflow.testdata.Seeds.Purpose;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Generates a practice from a {@link PracticeSpec}: the organization, its admin and accountants, the
 * clients with their charts and tax codes, and who keeps whose books. This part is small and built at
 * once; the transactions are generated lazily, per client, when they are streamed.
 */
public final class PracticeGenerator {

    private static final List<String> PRACTICE_NAMES = List.of("Harper & Lowe", "Whitfield Partners",
            "Northgate", "Ashdown & Co.", "Pennington Shaw", "Bluebell");
    /** Accountants come from anywhere; names whose slug would be empty make poor e-mail addresses. */
    private static final List<Country> STAFF_ORIGINS = List.of(Country.UNITED_KINGDOM, Country.UNITED_STATES,
            Country.GERMANY, Country.FRANCE, Country.BAHRAIN);
    private static final int CLIENTS_PER_ACCOUNTANT = 20;
    private static final long DAY_MILLIS = 86_400_000L;

    private PracticeGenerator() {
    }

    public static GeneratedPractice generate(PracticeSpec spec) {
        Draws draws = new Draws(Seeds.practice(spec.seed(), Purpose.PRACTICE));
        long founded = (spec.from().toEpochDay() - 90) * DAY_MILLIS + 9 * 3_600_000L;
        BusinessClock ids = new BusinessClock(Seeds.practice(spec.seed(), Purpose.SETUP_IDS), founded);
        String firm = draws.pick(PRACTICE_NAMES);
        String domain = Slugs.of(firm, "practice") + ".example";
        Organization organization = new Organization(new OrganizationId(ids.next()), firm + " Accountants LLP");
        Set<String> taken = new HashSet<>();
        User admin = staff(organization, Role.ADMIN, new UserId(ids.next()), domain, draws, taken);
        int accountantCount = spec.clients() == 1 ? 1
                : Math.max(2, (spec.clients() + CLIENTS_PER_ACCOUNTANT - 1) / CLIENTS_PER_ACCOUNTANT);
        List<User> accountants = new ArrayList<>(accountantCount);
        for (int i = 0; i < accountantCount; i++) {
            accountants.add(staff(organization, Role.ACCOUNTANT, new UserId(ids.next()), domain, draws, taken));
        }
        List<ClientFactory> factories = IntStream.range(0, spec.clients())
                .mapToObj(index -> new ClientFactory(spec, index)).toList();
        long[] budgets = split(spec.transactions(), factories.stream().mapToDouble(ClientFactory::weight).toArray());
        List<GeneratedClient> clients = new ArrayList<>(spec.clients());
        List<ClientAssignment> assignments = new ArrayList<>();
        for (int index = 0; index < spec.clients(); index++) {
            GeneratedClient client = factories.get(index).build(organization.id(), budgets[index], taken);
            clients.add(client);
            assignments.add(ClientAssignment.of(accountants.get(index % accountantCount), client.client()));
            // A second accountant reviews some clients' books.
            if (draws.chance(0.2) && accountantCount > 1) {
                User reviewer = accountants.get((index + 1) % accountantCount);
                assignments.add(ClientAssignment.of(reviewer, client.client()));
            }
        }
        return new GeneratedPractice(spec, organization, admin, accountants, assignments, clients);
    }

    private static User staff(Organization organization, Role role, UserId id, String domain, Draws draws,
            Set<String> taken) {
        Catalog catalog = Catalog.of(draws.pick(STAFF_ORIGINS));
        String given = draws.pick(catalog.list(Section.GIVEN_NAMES));
        String surname = draws.pick(catalog.list(Section.SURNAMES));
        String local = Slugs.of(given, "staff").replace('-', '.') + "." + Slugs.of(surname, "member").replace('-', '.');
        String email = ClientFactory.uniqueEmail(local, domain, taken);
        return new User(id, organization.id(), email, catalog.personName(given, surname), role, Optional.empty());
    }

    /**
     * Shares a count out in proportion to the weights so that the shares add up to it exactly:
     * everyone gets the whole part of their share, and the units left over go to the largest remainders.
     */
    static long[] split(long count, double[] weights) {
        double sum = Arrays.stream(weights).sum();
        long[] shares = new long[weights.length];
        double[] remainders = new double[weights.length];
        long given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = count * (weights[i] / sum);
            shares[i] = Math.min(count - given, (long) Math.floor(exact));
            remainders[i] = exact - shares[i];
            given += shares[i];
        }
        Integer[] order = IntStream.range(0, weights.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -remainders[i]).thenComparingInt(i -> i))
                .toArray(Integer[]::new);
        for (long left = count - given, k = 0; left > 0; left--, k++) {
            shares[order[(int) (k % order.length)]]++;
        }
        return shares;
    }
}
