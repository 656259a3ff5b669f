/**
 * Seeded, realistic test data for every BooksFlow test and benchmark.
 *
 * <pre>{@code
 * GeneratedPractice practice = PracticeGenerator.generate(PracticeSpec.demo());
 * practice.users(); practice.assignments();
 * for (GeneratedClient client : practice.clients()) {
 *     client.chart(); client.taxCodes();
 *     client.transactions().forEach(generated -> store(generated.transaction(), generated.receipt()));
 * }
 * }</pre>
 *
 * <p>Why it is built the way it is:
 * <ul>
 * <li><b>Same seed, same bytes.</b> Every random choice comes from an L64X128MixRandom stream seeded by
 * the master seed, the client's index and the concern (setup, event days, amounts, receipts, ids), and
 * every transcendental function from {@link java.lang.StrictMath}. Ids are UUIDv7 stamped with the
 * generated business time, never the wall clock. {@code ArchitectureTest} keeps it that way.</li>
 * <li><b>Streams, not lists.</b> Only the small part (organization, users, clients, charts, tax codes) is
 * held. A client's transactions are generated on demand, in date order, from a calendar of a few
 * kilobytes, so a million of them stream through a 256 MB heap; clients are independent and can be
 * generated in parallel with the same result.</li>
 * <li><b>Exact counts.</b> The spec's transaction count is shared out over the clients (log-normal
 * sizes, so a few clients are much busier) with a largest-remainder split, and each client's share is
 * filled exactly: monthly bills first (while they take at most half), then irregular events placed by
 * season, growth and weekday.</li>
 * <li><b>Valid by construction.</b> Amounts are whole minor units of the client's currency; a
 * transaction's total is the sum of its splits; the domain constructors check the rest.</li>
 * </ul>
 */
package app.booksflow.testdata;
