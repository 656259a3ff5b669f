package app.booksflow.server.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.incrementUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGeneratorIf;
import static io.gatling.javaapi.http.HttpDsl.ByteArrayBodyPart;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import app.booksflow.json.BooksFlowJson;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.AccountType;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.money.Money;
import app.booksflow.server.support.StatusPageBrowser;
import app.booksflow.testdata.GeneratedClient;
import app.booksflow.testdata.PracticeSpec;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.Assertion;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The plan's four weighted scenarios against the server's REST API, as the accountants of a generated
 * practice: dashboard 40 %, transaction posting 30 %, receipt upload 20 %, compliance audit trail 10 %.
 * An open model: every arrival is one request, whether or not earlier ones have been answered.
 *
 * <p>System properties: {@code load.profile} (short, full, spike, soak, volume, capacity; default short),
 * {@code load.rateFactor}, {@code load.clients}, {@code load.transactions}, {@code load.soakMinutes},
 * {@code load.auditHistory} (events of earlier years in the audit trail; 10,000,000 for volume, else none),
 * {@code load.budgets} (a budgets file instead of the built-in one), and for capacity
 * {@code load.capacity.start}, {@code load.capacity.step}, {@code load.capacity.levelSeconds},
 * {@code load.capacity.levels}, {@code load.capacity.warmUpSeconds} (at the start rate, not judged).
 * Every profile but capacity fails when a budget is exceeded (the short one of every build judges
 * only the failed share); capacity raises the rate level by level until one exceeds a budget and reports the highest that did not.
 */
public final class PracticeLoadSimulation extends Simulation {

    private static final ObjectMapper JSON = BooksFlowJson.newMapper();
    private static final String[] PAYEES = {"Office Depot", "City Parking", "Rail Ticket Office", "Corner Cafe",
        "Printer Supplies Ltd", "Post Office"};

    private final String profileName = System.getProperty("load.profile", "short").strip();
    private final boolean capacity = profileName.equalsIgnoreCase("capacity");
    private final Budgets budgets = budgetsFor(profileName, capacity);
    private final boolean volume = profileName.equalsIgnoreCase("volume");
    private final LoadPractice practice = LoadPractice.start(practiceSpec(), 16,
            longProperty("load.auditHistory", volume ? 10_000_000 : 0));
    private final ReceiptSample receipt = ReceiptSample.generate();
    private final Vitals vitals = new Vitals(practice.baseUrl(), practice.adminToken());
    private final Duration capacityWarmUp = Duration.ofSeconds(longProperty("load.capacity.warmUpSeconds", 60));
    private final CapacityMeter meter = new CapacityMeter(budgets, doubleProperty("load.capacity.start", 100),
            doubleProperty("load.capacity.step", 100), Duration.ofSeconds(longProperty("load.capacity.levelSeconds", 30)),
            capacityWarmUp, System::nanoTime);

    {
        ScenarioBuilder work = scenario("accountants at work")
                .feed(listFeeder(seats()).random())
                .exec(stopLoadGeneratorIf("a capacity level exceeded its budgets",
                        session -> capacity && meter.exceeded()))
                .randomSwitch().on(
                        percent(40.0).then(measured("dashboard", http("dashboard")
                                .get("/api/v1/analytics/dashboard?client=#{client}")
                                .header("Authorization", "Bearer #{token}")
                                .check(status().is(200), jsonPath("$.thisMonth.transactionCount").exists()))),
                        percent(30.0).then(measured("transaction", http("transaction")
                                .post("/api/v1/transactions")
                                .header("Authorization", "Bearer #{token}")
                                .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                                .header("Content-Type", "application/json")
                                .body(StringBody(PracticeLoadSimulation::newTransaction))
                                .check(status().is(201), jsonPath("$.version").exists()))),
                        percent(20.0).then(measured("receipt-upload", http("receipt-upload")
                                .post("/api/v1/receipts/upload")
                                .header("Authorization", "Bearer #{token}")
                                .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                                .formParam("client", "#{client}")
                                .bodyPart(ByteArrayBodyPart("file", session -> receipt.nextCopy())
                                        .fileName("receipt.jpg").contentType("image/jpeg"))
                                .asMultipartForm()
                                .check(status().is(200), jsonPath("$.version").exists()))),
                        percent(10.0).then(measured("audit-trail", http("audit-trail")
                                .get(session -> "/api/v1/compliance/audit-trail?client=" + session.getString("client")
                                        + "&limit=50" + auditFilter())
                                .header("Authorization", "Bearer #{token}")
                                .check(status().is(200), jsonPath("$.entries[0].id").exists()))));

        var protocol = http.baseUrl(practice.baseUrl()).acceptHeader("application/json").shareConnections()
                .disableCaching().warmUp(practice.baseUrl() + "/health");
        if (capacity) {
            setUp(work.injectOpen(constantUsersPerSec(doubleProperty("load.capacity.start", 100)).during(capacityWarmUp),
                    incrementUsersPerSec(doubleProperty("load.capacity.step", 100))
                    .times((int) longProperty("load.capacity.levels", 40))
                    .eachLevelLasting(Duration.ofSeconds(longProperty("load.capacity.levelSeconds", 30)))
                    .startingFrom(doubleProperty("load.capacity.start", 100))))
                    .protocols(protocol);
            screenshotLater(capacityWarmUp.toSeconds() + 120);
        } else {
            LoadProfile profile = LoadProfile.named(profileName, Duration.ofMinutes(longProperty("load.soakMinutes", 30)))
                    .times(doubleProperty("load.rateFactor", 1));
            System.out.printf("Load profile %s: %s, about %,.0f requests in %s; receipt sample %,d bytes%n",
                    profile.name(), profile.phases(), profile.arrivals(), profile.duration(), receipt.size());
            setUp(work.injectOpen(steps(profile))).protocols(protocol).assertions(assertions());
            screenshotLater(profile.duration().toSeconds() * 7 / 10);
        }
    }

    /**
     * With {@code -Dload.screenshot=FILE}, the admin status page is photographed in headless Chromium
     * during the run, {@code load.screenshotAfterSeconds} into it or by default {@code afterSeconds}.
     */
    private void screenshotLater(long afterSeconds) {
        String file = System.getProperty("load.screenshot");
        if (file == null || file.isBlank()) {
            return;
        }
        long delay = longProperty("load.screenshotAfterSeconds", afterSeconds);
        CompletableFuture.runAsync(() -> {
            try (StatusPageBrowser browser = StatusPageBrowser.open(practice.baseUrl())) {
                browser.signIn(practice.adminEmail(), LoadPractice.PASSWORD);
                browser.awaitUpdates(3, Duration.ofSeconds(30));
                browser.screenshot(Path.of(file));
                System.out.println("Status page photographed into " + file);
            } catch (RuntimeException e) {
                System.out.println("Could not photograph the status page: " + e);
            }
        }, CompletableFuture.delayedExecutor(delay, TimeUnit.SECONDS));
    }

    /** The request; in a capacity run, then its time and result into the capacity meter. */
    private ChainBuilder measured(String scenario, HttpRequestActionBuilder request) {
        if (!capacity) {
            return exec(request);
        }
        return exec(request.check(responseTimeInMillis().saveAs("millis"))).exec(session -> {
            meter.record(scenario, session.contains("millis") ? session.getInt("millis") : -1, session.isFailed());
            return session;
        });
    }

    private static Budgets budgetsFor(String profileName, boolean capacity) {
        Budgets budgets = Budgets.load(profileName);
        if (capacity && !budgets.judgesLatency()) {
            throw new IllegalArgumentException("A capacity run needs p95 budgets to judge its levels by; the budgets"
                    + " file sets only the failed share.");
        }
        return budgets;
    }

    /**
     * Every scenario ran, its p95 is within budget when the budgets judge timings, and the failed
     * share is within the error budget.
     */
    private List<Assertion> assertions() {
        List<Assertion> assertions = new ArrayList<>();
        for (String scenario : Budgets.SCENARIOS) {
            assertions.add(details(scenario).allRequests().count().gt(0L));
            if (budgets.judgesLatency()) {
                assertions.add(details(scenario).responseTime().percentile(95.0).lte((int) budgets.p95Millis(scenario)));
            }
        }
        assertions.add(global().failedRequests().percent().lte(budgets.errorPercent()));
        return assertions;
    }

    private static OpenInjectionStep[] steps(LoadProfile profile) {
        return profile.phases().stream()
                .map(phase -> rampUsersPerSec(phase.from()).to(phase.to()).during(phase.duration()))
                .toArray(OpenInjectionStep[]::new);
    }

    private List<Map<String, Object>> seats() {
        List<Map<String, Object>> seats = new ArrayList<>();
        for (LoadPractice.Seat seat : practice.seats()) {
            GeneratedClient client = seat.client();
            Map<String, Object> values = new HashMap<>();
            values.put("token", seat.token());
            values.put("client", client.client().id().toString());
            values.put("bank", client.account("1000").id().toString());
            values.put("expense", client.chart().accounts().stream().filter(a -> a.type() == AccountType.EXPENSE)
                    .findFirst().orElseThrow().id().toString());
            values.put("currency", client.client().baseCurrency().getCurrencyCode());
            seats.add(values);
        }
        return seats;
    }

    /**
     * What a compliance reviewer asks of the trail: the latest page, or with the volume profile also the
     * high-risk events or one month of the history.
     */
    private String auditFilter() {
        if (!volume) {
            return "";
        }
        return switch (ThreadLocalRandom.current().nextInt(3)) {
            case 0 -> "";
            case 1 -> "&risk=HIGH";
            default -> "&from=2025-03-01&to=2025-03-31";
        };
    }

    /** A purchase of today paid from the seat's client's bank account. */
    private static String newTransaction(Session session) {
        var client = new app.booksflow.model.id.ClientId(UUID.fromString(session.getString("client")));
        var bank = new app.booksflow.model.id.AccountId(UUID.fromString(session.getString("bank")));
        var expense = new app.booksflow.model.id.AccountId(UUID.fromString(session.getString("expense")));
        ThreadLocalRandom random = ThreadLocalRandom.current();
        Money total = Money.ofMinor(-random.nextLong(100, 50_000),
                java.util.Currency.getInstance(session.getString("currency")));
        Transaction transaction = new Transaction(TransactionId.random(), client, LocalDate.now(ZoneOffset.UTC),
                PAYEES[random.nextInt(PAYEES.length)], "", bank, total, TransactionStatus.POSTED,
                List.of(Split.of(expense, total)));
        try {
            return JSON.writeValueAsString(transaction);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PracticeSpec practiceSpec() {
        boolean big = !profileName.equalsIgnoreCase("short");
        return new PracticeSpec(PracticeSpec.DEFAULT_SEED, (int) longProperty("load.clients", 200),
                longProperty("load.transactions", big ? 1_000_000 : 20_000), LocalDate.of(2024, 1, 1),
                LocalDate.of(2025, 12, 31));
    }

    @Override
    public void after() {
        try {
            vitals.close();
            Path csv = vitals.write(reportDir());
            Vitals.Verdict verdict = Vitals.judge(vitals.samples());
            System.out.println("Vitals every 10 s in " + csv + "; " + (verdict.flat() ? "flat: " : "NOT FLAT: ")
                    + verdict.text());
            if (capacity) {
                report();
            }
        } finally {
            practice.close();
        }
    }

    private static Path reportDir() {
        return Path.of(System.getProperty("load.reportDir", "target/gatling"));
    }

    private void report() {
        List<CapacityMeter.Level> levels = meter.finish();
        StringBuilder text = new StringBuilder("Capacity run: budgets " + budgets + "\n");
        for (CapacityMeter.Level level : levels) {
            text.append(String.format("level %2d  %6.0f arrivals/s  %7d requests  %5.2f %% failed  p95 %s  %s%n",
                    level.index(), level.rate(), level.requests(), level.failedPercent(), level.p95Millis(),
                    level.verdict()));
        }
        text.append(meter.sustainable()
                .map(level -> String.format("Highest sustainable rate: %.0f requests/s%n", level.rate()))
                .orElse("No level stayed within the budgets.\n"));
        System.out.print(text);
        try {
            Path dir = reportDir();
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("capacity-" + System.currentTimeMillis() + ".txt"), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double doubleProperty(String name, double fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : Double.parseDouble(value.strip());
    }

    private static long longProperty(String name, long fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : Long.parseLong(value.strip());
    }
}
