package app.booksflow.server.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import app.booksflow.server.support.PlannerDatabase;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Listing a client's transactions, exactly as TransactionReader sends it, on a practice-sized database. */
class TransactionQueryPlanTest {

    @Test
    void transactionsOfAClientAndDateRangeUseTheTransactionsByClientAndDateIndex() throws SQLException {
        try (Connection c = PlannerDatabase.connect()) {
            UUID client = PlannerDatabase.any(c, "select id from clients order by id limit 1 offset 7");
            LocalDate from = LocalDate.of(2025, 1, 1);
            List<Object> parameters = List.of(client, Date.valueOf(from), Date.valueOf(LocalDate.of(2025, 3, 31)),
                    Date.valueOf(from), new UUID(0, 0), TransactionReader.DEFAULT_LIMIT + 1);

            assertThat(PlannerDatabase.indexesUsed(c, TransactionReader.BY_CLIENT_AND_DATE, parameters))
                    .as(PlannerDatabase.plan(c, TransactionReader.BY_CLIENT_AND_DATE, parameters).toPrettyString())
                    .contains("transactions_by_client_and_date");
        }
    }
}
