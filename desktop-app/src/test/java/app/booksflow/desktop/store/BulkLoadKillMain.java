package app.booksflow.desktop.store;

import app.booksflow.desktop.demo.DemoPractice;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Run in a child JVM by {@link CompactionKillCampaign}: loads the demo practice into new books, prints
 * {@code LOADED} once the load has committed, then stays idle while H2 compacts the load's dead chunks in
 * the background, until it is killed.
 */
public final class BulkLoadKillMain {

    private BulkLoadKillMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalStore store = LocalStore.open(new DataDirectory(Path.of(args[0])));
        DemoPractice.loadIfEmpty(store, Clock.fixed(Instant.parse("2025-12-15T10:00:00Z"), ZoneOffset.UTC), client -> { })
                .orElseThrow();
        System.out.println("LOADED");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
