package app.booksflow.server.analytics;

import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.money.Currencies;
import app.booksflow.model.practice.Client;
import app.booksflow.server.ApiException;
import app.booksflow.server.accounts.Caller;
import app.booksflow.server.db.Db;
import app.booksflow.server.sync.ClientAccess;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A client's dashboard, read from what the push path maintains per day ({@code daily_metrics}) and
 * never by adding up transactions, so it costs the same for a client with ten bookings or a million.
 * "Today" is the server's clock, in the clock's time zone.
 */
public final class DashboardService {

    static final int SERIES_MONTHS = 12;

    /** Served by the primary key (client_id, day). */
    static final String DAILY_METRICS = """
            select day, income_minor, expense_minor, transaction_count
            from daily_metrics where client_id = ? and day >= ? and day <= ?""";

    /** Served by receipts_by_client_and_status. */
    static final String PENDING_RECEIPTS = """
            select count(*) from receipts where client_id = ? and status in ('PENDING', 'NEEDS_REVIEW')""";

    static final String OCR = """
            select avg(value) filter (where name = 'ocr.accuracy' and unit = 'PERCENT'),
                   avg(value) filter (where name = 'ocr.processing_time' and unit = 'MILLISECONDS')
            from performance_metrics
            where name in ('ocr.accuracy', 'ocr.processing_time') and client_id = ?""";

    private final Db db;
    private final Clock clock;

    public DashboardService(Db db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Dashboard dashboard(Caller caller, ClientId clientId) {
        LocalDate today = LocalDate.now(clock);
        return db.read("dashboard", c -> {
            ClientAccess.require(c, caller, clientId);
            Client client = client(c, clientId);
            YearMonth thisMonth = YearMonth.from(today);
            YearMonth firstMonth = thisMonth.minusMonths(SERIES_MONTHS - 1);
            LocalDate fiscalYearStart = client.fiscalYearStartFor(today);
            LocalDate from = firstMonth.atDay(1).isBefore(fiscalYearStart) ? firstMonth.atDay(1) : fiscalYearStart;

            DayTotals[] months = new DayTotals[SERIES_MONTHS];
            for (int i = 0; i < SERIES_MONTHS; i++) {
                months[i] = new DayTotals();
            }
            DayTotals yearToDate = new DayTotals();
            try (PreparedStatement select = c.prepareStatement(DAILY_METRICS)) {
                select.setObject(1, clientId.value());
                select.setDate(2, Date.valueOf(from));
                select.setDate(3, Date.valueOf(thisMonth.atEndOfMonth()));
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        LocalDate day = row.getDate(1).toLocalDate();
                        long income = row.getLong(2);
                        long expenses = row.getLong(3);
                        long count = row.getLong(4);
                        long month = firstMonth.until(YearMonth.from(day), ChronoUnit.MONTHS);
                        if (month >= 0) {
                            months[(int) month].add(income, expenses, count);
                        }
                        if (!day.isBefore(fiscalYearStart) && !day.isAfter(today)) {
                            yearToDate.add(income, expenses, count);
                        }
                    }
                }
            }
            var currency = client.baseCurrency();
            List<Dashboard.Month> series = new ArrayList<>(SERIES_MONTHS);
            for (int i = 0; i < SERIES_MONTHS; i++) {
                series.add(months[i].month(firstMonth.plusMonths(i), currency));
            }
            YearMonth lastMonth = thisMonth.minusMonths(1);
            return new Dashboard(clientId, currency, today,
                    months[SERIES_MONTHS - 1].totals(thisMonth.atDay(1), thisMonth.atEndOfMonth(), currency),
                    months[SERIES_MONTHS - 2].totals(lastMonth.atDay(1), lastMonth.atEndOfMonth(), currency),
                    yearToDate.totals(fiscalYearStart, today, currency), series, pendingReceipts(c, clientId),
                    ocr(c, clientId));
        });
    }

    private static Client client(Connection c, ClientId id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select organization_id, name, base_currency, fiscal_year_start, closing_date from clients where id = ?")) {
            select.setObject(1, id.value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw ApiException.notFound("Client " + id);
                }
                return new Client(id, new OrganizationId(row.getObject(1, UUID.class)), row.getString(2),
                        Currencies.of(row.getString(3)), MonthDay.parse("--" + row.getString(4)),
                        Optional.ofNullable(row.getDate(5)).map(Date::toLocalDate));
            }
        }
    }

    private static long pendingReceipts(Connection c, ClientId client) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(PENDING_RECEIPTS)) {
            select.setObject(1, client.value());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Dashboard.Ocr ocr(Connection c, ClientId client) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(OCR)) {
            select.setObject(1, client.value());
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new Dashboard.Ocr(rounded(row.getBigDecimal(1), 1), rounded(row.getBigDecimal(2), 0));
            }
        }
    }

    private static BigDecimal rounded(BigDecimal value, int decimals) {
        return value == null ? null : value.setScale(decimals, RoundingMode.HALF_EVEN);
    }
}
