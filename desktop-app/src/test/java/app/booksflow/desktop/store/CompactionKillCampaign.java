package app.booksflow.desktop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.booksflow.desktop.support.ChildJvm;
import app.booksflow.server.support.TempFolders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kills the app the hard way (as a power cut would) while it loads a large practice or while H2 compacts
 * the load's dead chunks in the seconds after, then opens the books, runs the check the app runs after an
 * unclean stop (ADR 0038) and reads every row of every table: the books must open, be whole, and their
 * dashboards must equal a rebuild from the ledger; the runs whose books the check repaired are counted. Books
 * that are not whole but have the safety copy the app takes after the load (ADR 0041) get it put back, as the
 * app offers; the run then counts as restored if the books read whole, and is lost otherwise. A campaign
 * of {@code -Dbooksflow.killRuns=N} seeded runs (first seed {@code -Dbooksflow.killSeed}); not part of the
 * default build (about 20 s a run): {@code ./mvnw -pl desktop-app -Pkill-campaign test}. With
 * {@code -Dbooksflow.killWhileTidying=true} every run instead closes the books after the load as the app does when
 * its window closes, tidying them (ADR 0047), and is killed in the 0.8 s after the tidying starts (the demo
 * practice's takes about half a second); adding {@code -Dbooksflow.killTidyingControl=true} leaves it idle instead,
 * killed at the same moments, for comparison. The books of a run
 * that fails are kept in its temporary folder, for H2's tools and a report.
 */
class CompactionKillCampaign {

    private static final Logger log = LoggerFactory.getLogger(CompactionKillCampaign.class);
    private static final int RUNS = Integer.getInteger("booksflow.killRuns", 30);
    private static final long FIRST_SEED = Long.getLong("booksflow.killSeed", 1);
    private static final boolean WHILE_TIDYING = Boolean.getBoolean("booksflow.killWhileTidying");
    /** With {@link #WHILE_TIDYING}: the loader stays idle where it would tidy, so the same seeds kill it at the same moments. */
    private static final boolean TIDYING_CONTROL = Boolean.getBoolean("booksflow.killTidyingControl");

    @Test
    @Timeout(value = 12, unit = TimeUnit.HOURS)
    void booksKilledDuringOrAfterALargeLoadOpenWhole() throws Exception {
        List<String> lost = new ArrayList<>();
        int killedAfterTheLoad = 0;
        int repairedRuns = 0;
        List<String> restored = new ArrayList<>();
        for (long seed = FIRST_SEED; seed < FIRST_SEED + RUNS; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            Path dir = Files.createTempDirectory("booksflow-kill-" + seed);
            try {
                boolean afterTheLoad = WHILE_TIDYING || random.nextInt(4) != 0;
                long delayMillis = WHILE_TIDYING ? random.nextInt(800)
                        : afterTheLoad ? random.nextInt(6_000) : 2_000 + random.nextInt(6_000);
                boolean loaded = killOnce(dir, afterTheLoad, delayMillis);
                killedAfterTheLoad += loaded ? 1 : 0;
                Verdict verdict = check(dir, loaded);
                String problem = verdict.problem();
                repairedRuns += verdict.repaired() > 0 ? 1 : 0;
                log.info("Run {}: killed {} ms {} -> {}", seed, delayMillis, WHILE_TIDYING ? "into the tidying"
                        + (tidiedBeforeTheKill ? " (it had ended)" : "") : afterTheLoad ? "after the load"
                        : "into the load" + (loaded ? " (it had ended)" : ""),
                        problem != null ? problem : verdict.restoredFrom() != null
                                ? "not whole (" + verdict.restoredFrom() + "), whole once the safety copy was put back"
                                : verdict.repaired() == 0 ? "whole"
                                : "whole once the app's check had repaired " + verdict.repaired() + " transactions");
                if (verdict.restoredFrom() != null) {
                    restored.add("seed " + seed + ": " + verdict.restoredFrom());
                }
                if (problem != null) {
                    lost.add("seed " + seed + ": " + problem + " (books kept in " + dir + ")");
                } else {
                    TempFolders.delete(dir);
                }
            } catch (Exception | Error e) {
                TempFolders.delete(dir);
                throw e;
            }
        }
        log.info("{} runs, {} killed after the load had committed, {} left books that are not whole even with the safety "
                + "copy, {} whole once the safety copy was put back {}, {} books the app's check after an unclean stop "
                + "repaired", RUNS, killedAfterTheLoad, lost.size(), restored.size(), restored, repairedRuns);
        assertThat(lost).as("runs whose books did not open whole").isEmpty();
    }

    /** Whether the last run's tidying had ended when it was killed. */
    private static boolean tidiedBeforeTheKill;

    /** Starts the loader and kills it; returns whether the load had committed by then. */
    private static boolean killOnce(Path dir, boolean afterTheLoad, long delayMillis) throws Exception {
        String[] args = WHILE_TIDYING ? new String[] {dir.resolve("books").toString(), TIDYING_CONTROL ? "idle" : "tidy"}
                : new String[] {dir.resolve("books").toString()};
        try (ChildJvm loader = ChildJvm.start(BulkLoadKillMain.class, dir.resolve("loader.log"), args)) {
            if (afterTheLoad) {
                String mark = WHILE_TIDYING ? "TIDYING" : "LOADED";
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(10))
                        .until(() -> loader.lines().contains(mark) || !loader.isAlive());
                assertThat(loader.isAlive()).as("the loader is still running (see loader.log)").isTrue();
            }
            Thread.sleep(delayMillis);
            loader.kill();
            tidiedBeforeTheKill = loader.lines().contains("TIDIED");
            return loader.lines().contains("LOADED");
        }
    }

    /** Why the books are not whole (null when they are), and how many transactions the app's check repaired. */
    private record Verdict(String problem, int repaired, String restoredFrom) {

        static Verdict broken(String problem) {
            return new Verdict(problem, 0, null);
        }
    }

    /** Checked in a JVM of its own, given two minutes. */
    private static Verdict check(Path dir, boolean loaded) throws Exception {
        try (ChildJvm checker = ChildJvm.start(BooksCheckMain.class, dir.resolve("check.log"),
                dir.resolve("books").toString())) {
            try {
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                        .until(() -> !checker.lines().isEmpty() || !checker.isAlive());
            } catch (ConditionTimeoutException e) {
                return Verdict.broken("the check hung for two minutes opening or reading the books");
            }
            String verdict = checker.lines().isEmpty() ? "BROKEN the check ended without a verdict (see check.log)"
                    : checker.lines().get(0);
            if (verdict.startsWith("BROKEN ")) {
                return Verdict.broken(verdict.substring("BROKEN ".length()));
            }
            String[] counts = verdict.split(" ", 5);
            if (loaded && (!counts[1].equals("5") || !counts[2].equals("20000"))) {
                return Verdict.broken(counts[1] + " clients and " + counts[2]
                        + " transactions after a load that committed 5 and 20,000");
            }
            return new Verdict(null, Integer.parseInt(counts[3]), verdict.startsWith("RESTORED ") ? counts[4] : null);
        }
    }
}
