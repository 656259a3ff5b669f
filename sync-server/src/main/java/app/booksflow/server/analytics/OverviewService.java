package app.booksflow.server.analytics;

import app.booksflow.model.id.ClientId;
import app.booksflow.model.money.Currencies;
import app.booksflow.model.money.Money;
import app.booksflow.server.ApiException;
import app.booksflow.server.accounts.Caller;
import app.booksflow.server.db.Db;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The practice overview from the materialized view {@code dashboard_overview}: one cheap read for
 * hundreds of clients, at the price of numbers as old as the last refresh (every few minutes, or on
 * an admin's demand).
 */
public final class OverviewService {

    private static final Logger LOG = LoggerFactory.getLogger(OverviewService.class);

    private final Db db;

    public OverviewService(Db db) {
        this.db = db;
    }

    public Overview overview(Caller caller) {
        return db.read("dashboard overview", c -> {
            List<Overview.ClientNumbers> clients = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("""
                    select o.client_id, c.name, c.base_currency, o.income_this_month, o.expenses_this_month,
                        o.income_last_month, o.expenses_last_month, o.transaction_count
                    from dashboard_overview o join clients c on c.id = o.client_id and c.organization_id = o.organization_id
                    where o.organization_id = ? order by c.name, o.client_id""")) {
                select.setObject(1, caller.organization().value());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        ClientId client = new ClientId(row.getObject(1, UUID.class));
                        if (caller.mayAccess(client)) {
                            Currency currency = Currencies.of(row.getString(3));
                            clients.add(new Overview.ClientNumbers(client, row.getString(2), money(row, 4, currency),
                                    money(row, 5, currency), money(row, 6, currency), money(row, 7, currency),
                                    row.getBigDecimal(8).longValueExact()));
                        }
                    }
                }
            }
            return new Overview(refreshedAt(c), clients);
        });
    }

    /** Refreshes the view for everyone; only admins may ask for it, since it costs a full recomputation. */
    public Instant refresh(Caller caller) {
        if (!caller.isAdmin()) {
            throw ApiException.forbidden("Only an admin of the practice may refresh the overview.");
        }
        return refreshNow();
    }

    /**
     * Recomputes the view without blocking readers (CONCURRENTLY, which the view's unique index allows);
     * concurrent refreshes queue behind each other in PostgreSQL.
     */
    public Instant refreshNow() {
        long started = System.nanoTime();
        Instant refreshed = db.inTransaction("refresh dashboard overview", c -> {
            try (Statement refresh = c.createStatement()) {
                refresh.execute("refresh materialized view concurrently dashboard_overview");
            }
            return refreshedAt(c);
        });
        LOG.debug("Refreshed the dashboard overview in {} ms", (System.nanoTime() - started) / 1_000_000);
        return refreshed;
    }

    private static Instant refreshedAt(Connection c) throws SQLException {
        try (Statement select = c.createStatement();
                ResultSet row = select.executeQuery("select refreshed_at from dashboard_overview limit 1")) {
            if (!row.next()) {
                return null;
            }
            Timestamp at = row.getTimestamp(1);
            return at == null ? null : at.toInstant();
        }
    }

    private static Money money(ResultSet row, int column, Currency currency) throws SQLException {
        return Money.ofMinor(row.getBigDecimal(column).longValueExact(), currency);
    }
}
