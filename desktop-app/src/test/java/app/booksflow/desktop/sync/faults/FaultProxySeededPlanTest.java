package app.booksflow.desktop.sync.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

/** Seeded plans decide the same faults for the same seed, and a campaign through the proxy replays exactly. */
class FaultProxySeededPlanTest {

    private static final int REQUESTS = 60;

    @Test
    void sameSeedDecidesTheSameFaultsWhateverTheOrderOfQuestions() {
        List<Faults> forward = decide(plan(42), LongStream.range(0, 2000));
        List<Faults> backward = decide(plan(42), LongStream.range(0, 2000).map(i -> 1999 - i)).reversed();
        List<Faults> otherSeed = decide(plan(43), LongStream.range(0, 2000));

        assertThat(backward).isEqualTo(forward);
        assertThat(otherSeed).isNotEqualTo(forward);
    }

    @Test
    void planNarrowedToSomeExchangesLeavesTheOthersAlone() {
        Faults cut = Faults.none().cutRequestAfter(10, Cut.RESET);
        FaultPlan pushesOnly = FaultPlan.always(cut)
                .onlyFor(exchange -> exchange.target().startsWith("/api/v1/sync/push"));

        assertThat(pushesOnly.decide(new Exchange(0, 0, 0, "POST", "/api/v1/sync/push", 10))).isEqualTo(cut);
        assertThat(pushesOnly.decide(new Exchange(1, 0, 1, "GET", "/api/v1/sync/pull?wait=5", 0)))
                .isEqualTo(Faults.NONE);
    }

    @Test
    void seededPlanDrawsEachFaultAboutAsOftenAsAsked() {
        List<Faults> faults = decide(plan(7), LongStream.range(0, 10_000));

        assertThat(faults.stream().filter(f -> f.cutRequestAfter() >= 0).count()).isBetween(1200L, 1800L);
        assertThat(faults.stream().filter(f -> f.cutResponseAfter() >= 0).count()).isBetween(1200L, 1800L);
        assertThat(faults.stream().filter(f -> f.duplicate() != Duplicate.NONE).count()).isBetween(1200L, 1800L);
        assertThat(faults.stream().filter(f -> !f.requestDelay().isZero() || !f.responseDelay().isZero()).count())
                .isBetween(1700L, 2300L);
        assertThat(faults).allSatisfy(f -> {
            assertThat(Math.max(f.cutRequestAfter(), f.cutResponseAfter())).isLessThanOrEqualTo(300);
            assertThat(f.requestDelay().plus(f.responseDelay())).isLessThanOrEqualTo(Duration.ofMillis(30));
        });
    }

    @Test
    void aSeededCampaignThroughTheProxyReplaysExactlyAndEveryForwardedRequestArrives() throws Exception {
        List<DecidedExchange> first = campaign(2026);
        List<DecidedExchange> again = campaign(2026);
        List<DecidedExchange> other = campaign(2027);

        assertThat(first).hasSize(REQUESTS).isEqualTo(again);
        assertThat(other).isNotEqualTo(first);
        assertThat(first).extracting(DecidedExchange::faults).filteredOn(f -> f.cutRequestAfter() >= 0).isNotEmpty();
        assertThat(first).extracting(DecidedExchange::faults).filteredOn(f -> f.cutResponseAfter() >= 0).isNotEmpty();
        assertThat(first).extracting(DecidedExchange::faults).filteredOn(f -> f.duplicate() != Duplicate.NONE)
                .isNotEmpty();
    }

    /**
     * One sequential client sends numbered bodies through a seeded proxy, opening a new connection after each
     * failure; then the server must hold each body as often as the faults say: never when its request was cut,
     * twice when it was duplicated, else once.
     */
    private static List<DecidedExchange> campaign(long seed) throws Exception {
        try (TestUpstream upstream = new TestUpstream(); FaultProxy proxy = FaultProxy.start(upstream.address())) {
            proxy.plan(plan(seed));
            RawHttp client = null;
            for (int i = 0; i < REQUESTS; i++) {
                try {
                    if (client == null) {
                        client = new RawHttp(proxy.address(), 10_000);
                    }
                    client.exchange(RawHttp.post("/count", body(seed, i)));
                } catch (IOException e) {
                    if (client != null) {
                        client.close();
                    }
                    client = null;
                }
            }
            if (client != null) {
                client.close();
            }
            List<DecidedExchange> decided = proxy.exchanges();
            // A concurrent duplicate travels on a connection of its own and may still be on its way.
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).untilAsserted(() -> {
                for (DecidedExchange exchange : decided) {
                    String body = new String(body(seed, (int) exchange.exchange().sequence()), StandardCharsets.UTF_8);
                    assertThat(upstream.received(body)).as("copies of %s under %s", body, exchange.faults())
                            .isEqualTo(copiesExpected(exchange));
                }
            });
            FaultProxyStats stats = proxy.stats();
            assertThat(stats.exchanges()).isEqualTo(REQUESTS);
            assertThat(stats.requestCuts() + stats.responseCuts()).isEqualTo(decided.stream()
                    .filter(d -> d.faults().cutRequestAfter() >= 0 || d.faults().cutResponseAfter() >= 0).count());
            return decided;
        }
    }

    private static int copiesExpected(DecidedExchange exchange) {
        Faults faults = exchange.faults();
        if (faults.cutRequestAfter() >= 0) {
            return 0;
        }
        return faults.duplicate() == Duplicate.NONE ? 1 : 2;
    }

    private static byte[] body(long seed, int i) {
        return ("campaign " + seed + " request " + i).getBytes(StandardCharsets.UTF_8);
    }

    private static SeededFaultPlan plan(long seed) {
        return FaultPlan.seeded(seed).cuts(0.15, 0.15).cutWithin(300).delays(0.2, Duration.ofMillis(30))
                .duplicates(0.15, 0.5).build();
    }

    private static List<Faults> decide(FaultPlan plan, LongStream sequences) {
        return sequences.mapToObj(i -> plan.decide(new Exchange(i, 0, 0, "POST", "/count", 10))).toList();
    }
}
