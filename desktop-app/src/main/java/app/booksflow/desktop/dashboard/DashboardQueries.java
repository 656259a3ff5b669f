package app.booksflow.desktop.dashboard;

import app.booksflow.desktop.audit.AuditLog;
import app.booksflow.desktop.audit.AuditRecord;
import app.booksflow.desktop.store.LocalStore;
import app.booksflow.desktop.store.TextKeys;
import app.booksflow.desktop.store.entity.ClientEntity;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.AccountType;
import app.booksflow.model.money.Currencies;
import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import app.booksflow.model.receipt.ReceiptStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.Session;

/**
 * What the dashboard screen asks, answered from the precomputed tables alone: a few indexed range
 * reads per screen, whatever the size of the ledger. "Today" is a parameter, never the wall clock.
 */
public final class DashboardQueries {

    private static final String PERIOD = """
            select coalesce(sum(income_minor), 0), coalesce(sum(expense_minor), 0), coalesce(sum(transaction_count), 0)
            from dash_client_days where client_id = ? and on_day between ? and ?
            """;
    private static final String MONTHS = """
            select extract(year from on_day), extract(month from on_day), sum(income_minor), sum(expense_minor)
            from dash_client_days where client_id = ? and on_day between ? and ?
            group by extract(year from on_day), extract(month from on_day)
            """;
    private static final String CATEGORIES = """
            select a.id, a.code, a.name, sum(d.debit_minor) - sum(d.credit_minor)
            from dash_account_days d join accounts a on a.id = d.account_id
            where d.client_id = ? and d.on_day between ? and ? and a.type = 'EXPENSE'
            group by a.id, a.code, a.name
            having sum(d.debit_minor) <> sum(d.credit_minor)
            order by 4 desc, a.code
            """;
    private static final String STATUSES = "select status, receipt_count from dash_receipt_statuses where client_id = ?";
    private static final String QUALITY = """
            select fields_reviewed, fields_accepted, processed_count, processing_millis_sum
            from dash_receipt_quality where client_id = ?
            """;

    private static final String CLIENTS = """
            select id, practice_id, name, base_currency, fiscal_year_start, closing_date from clients
            """;

    private final LocalStore store;

    public DashboardQueries(LocalStore store) {
        this.store = store;
    }

    /** The whole screen of one client, in one read transaction. */
    public Dashboard dashboard(ClientId clientId, LocalDate today, int recentActivity) {
        return store.read(session -> {
            Client client = client(session, clientId);
            YearMonth month = YearMonth.from(today);
            return session.doReturningWork(connection -> new Dashboard(client, monthComparison(connection, client, today),
                    receipts(connection, clientId), months(connection, client, month, 12),
                    categories(connection, client, month.atDay(1), today),
                    AuditLog.latest(session, Optional.of(clientId), recentActivity)));
        });
    }

    /**
     * Every client of the practice, by name, with this month's figures up to today. Plain JDBC
     * ({@link LocalStore#readJdbc}): the practice screen is the first one shown, and this read does not
     * wait for Hibernate's start-up.
     */
    public List<ClientMonth> practiceThisMonth(LocalDate today) {
        return store.readJdbc(connection -> {
            List<Client> clients = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(CLIENTS);
                    ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    clients.add(new Client(new ClientId(rows.getObject(1, UUID.class)),
                            new OrganizationId(rows.getObject(2, UUID.class)), rows.getString(3),
                            Currencies.of(rows.getString(4)), MonthDay.parse("--" + rows.getString(5)),
                            Optional.ofNullable(rows.getObject(6, LocalDate.class))));
                }
            }
            clients.sort(Comparator.comparing(Client::name, TextKeys.ORDER).thenComparing(client -> client.id().toString()));
            List<ClientMonth> months = new ArrayList<>(clients.size());
            for (Client client : clients) {
                months.add(new ClientMonth(client, period(connection, client, today.withDayOfMonth(1), today)));
            }
            return List.copyOf(months);
        });
    }

    public MonthComparison monthComparison(ClientId clientId, LocalDate today) {
        return store.read(session -> {
            Client client = client(session, clientId);
            return session.doReturningWork(connection -> monthComparison(connection, client, today));
        });
    }

    /** The given number of months up to and including today's, oldest first, months without bookings as zero. */
    public List<MonthTotals> incomeVsExpenses(ClientId clientId, LocalDate today, int months) {
        return store.read(session -> {
            Client client = client(session, clientId);
            return session.doReturningWork(connection -> months(connection, client, YearMonth.from(today), months));
        });
    }

    /** Net expenses per expense account for the days from/to (inclusive), largest first. */
    public List<CategoryTotal> expensesByCategory(ClientId clientId, LocalDate from, LocalDate to) {
        return store.read(session -> {
            Client client = client(session, clientId);
            return session.doReturningWork(connection -> categories(connection, client, from, to));
        });
    }

    public ReceiptSummary receipts(ClientId clientId) {
        return store.read(session -> session.doReturningWork(connection -> receipts(connection, clientId)));
    }

    /** The latest audit events, newest first: of one client, or of the whole practice. */
    public List<AuditRecord> recentActivity(Optional<ClientId> client, int limit) {
        return store.read(session -> AuditLog.latest(session, client, limit));
    }

    private static Client client(Session session, ClientId id) {
        ClientEntity entity = session.find(ClientEntity.class, id.value());
        if (entity == null) {
            throw new DomainException(DomainError.INVALID_STATE, "The client " + id + " does not exist on this device.");
        }
        return entity.toDomain();
    }

    private static MonthComparison monthComparison(Connection connection, Client client, LocalDate today)
            throws SQLException {
        YearMonth month = YearMonth.from(today);
        YearMonth previous = month.minusMonths(1);
        return new MonthComparison(month, period(connection, client, month.atDay(1), today),
                period(connection, client, previous.atDay(1), previous.atEndOfMonth()));
    }

    private static PeriodFigures period(Connection connection, Client client, LocalDate from, LocalDate to)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(PERIOD)) {
            bind(statement, client.id(), from, to);
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return new PeriodFigures(money(client, row.getLong(1)), money(client, row.getLong(2)), row.getLong(3));
            }
        }
    }

    private static List<MonthTotals> months(Connection connection, Client client, YearMonth last, int count)
            throws SQLException {
        YearMonth first = last.minusMonths(count - 1L);
        Map<YearMonth, long[]> found = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(MONTHS)) {
            bind(statement, client.id(), first.atDay(1), last.atEndOfMonth());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.put(YearMonth.of(rows.getInt(1), rows.getInt(2)), new long[] {rows.getLong(3), rows.getLong(4)});
                }
            }
        }
        List<MonthTotals> months = new ArrayList<>(count);
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            long[] totals = found.getOrDefault(month, new long[2]);
            months.add(new MonthTotals(month, money(client, totals[0]), money(client, totals[1])));
        }
        return List.copyOf(months);
    }

    private static List<CategoryTotal> categories(Connection connection, Client client, LocalDate from, LocalDate to)
            throws SQLException {
        List<CategoryTotal> categories = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(CATEGORIES)) {
            bind(statement, client.id(), from, to);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Account account = new Account(new AccountId(rows.getObject(1, UUID.class)), client.id(),
                            rows.getString(2), rows.getString(3), AccountType.EXPENSE);
                    categories.add(new CategoryTotal(account, money(client, rows.getLong(4))));
                }
            }
        }
        return List.copyOf(categories);
    }

    private static ReceiptSummary receipts(Connection connection, ClientId client) throws SQLException {
        Map<ReceiptStatus, Long> byStatus = new EnumMap<>(ReceiptStatus.class);
        try (PreparedStatement statement = connection.prepareStatement(STATUSES)) {
            statement.setObject(1, client.value());
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    byStatus.put(ReceiptStatus.valueOf(rows.getString(1)), rows.getLong(2));
                }
            }
        }
        try (PreparedStatement statement = connection.prepareStatement(QUALITY)) {
            statement.setObject(1, client.value());
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return new ReceiptSummary(byStatus, 0, 0, 0, 0);
                }
                return new ReceiptSummary(byStatus, row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4));
            }
        }
    }

    private static void bind(PreparedStatement statement, ClientId client, LocalDate from, LocalDate to)
            throws SQLException {
        statement.setObject(1, client.value());
        statement.setObject(2, from);
        statement.setObject(3, to);
    }

    private static Money money(Client client, long minor) {
        return Money.ofMinor(minor, client.baseCurrency());
    }
}
