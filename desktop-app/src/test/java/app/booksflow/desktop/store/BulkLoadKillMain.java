package app.booksflow.desktop.store;

import app.booksflow.desktop.demo.DemoPractice;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Run in a child JVM by {@link CompactionKillCampaign}: loads the demo practice into new books, prints
 * {@code LOADED} once the load has committed, takes the safety copy the app takes then and prints
 * {@code COPIED}, then stays idle while H2 compacts the load's dead chunks in the background, until it is killed.
 * With {@code tidy} after the folder, it instead closes the books as the app does when its window closes,
 * tidying them (ADR 0047), between {@code TIDYING} and {@code TIDIED}.
 */
public final class BulkLoadKillMain {

    private BulkLoadKillMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalStore store = LocalStore.open(new DataDirectory(Path.of(args[0])));
        Clock clock = Clock.fixed(Instant.parse("2025-12-15T10:00:00Z"), ZoneOffset.UTC);
        DemoPractice.loadIfEmpty(store, clock, client -> { }).orElseThrow();
        System.out.println("LOADED");
        System.out.flush();
        // As the app's start-up does after the demo's load (ADR 0041).
        SafetyCopy.take(store, "after the demo practice's load", clock);
        System.out.println("COPIED");
        System.out.flush();
        if (args.length > 1) {
            System.out.println("TIDYING");
            System.out.flush();
            // "idle": the same moment without tidying, the control for the kills while tidying.
            if (args[1].equals("tidy")) {
                store.closeAndTidy();
                System.out.println("TIDIED");
                System.out.flush();
            }
        }
        Thread.sleep(Long.MAX_VALUE);
    }
}
