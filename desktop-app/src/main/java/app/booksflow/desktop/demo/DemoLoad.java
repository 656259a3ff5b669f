package app.booksflow.desktop.demo;

import app.booksflow.model.practice.Organization;
import java.time.Duration;

/** What loading the demo practice put into the store, and how long it took. */
public record DemoLoad(Organization practice, int clients, long transactions, long receipts, Duration took) {
}
