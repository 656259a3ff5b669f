package app.booksflow.desktop.reports;

import app.booksflow.desktop.store.LocalStore;
import app.booksflow.desktop.store.entity.ClientEntity;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.practice.Client;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.function.BiFunction;
import org.hibernate.Session;

/**
 * The reports of one client, each in one read transaction. Profit and loss, expenses by category and
 * the trial balance come from the precomputed per-day-per-account table, so their cost grows with
 * days times accounts, never with the number of transactions; the tax summary needs the tax code of
 * each split and reads the period's splits (see {@link TaxQuery}).
 */
public final class Reports {

    private final LocalStore store;

    public Reports(LocalStore store) {
        this.store = store;
    }

    public ProfitAndLoss profitAndLoss(ClientId clientId, ReportPeriod period) {
        return read(clientId, (session, client) -> session.doReturningWork(
                connection -> AccountTotalsQuery.profitAndLoss(connection, client, period)));
    }

    public ExpensesByCategory expensesByCategory(ClientId clientId, ReportPeriod period) {
        return ExpenseShares.of(profitAndLoss(clientId, period));
    }

    public TaxSummary taxSummary(ClientId clientId, ReportPeriod period) {
        return read(clientId, (session, client) -> session.doReturningWork(
                connection -> TaxQuery.summary(connection, client, period)));
    }

    /** The day the client's financial year starts on, for the financial-year periods. */
    public MonthDay financialYearStart(ClientId clientId) {
        return read(clientId, (session, client) -> client.fiscalYearStart());
    }

    public TrialBalance trialBalance(ClientId clientId, LocalDate asOf) {
        return read(clientId, (session, client) -> session.doReturningWork(
                connection -> AccountTotalsQuery.trialBalance(connection, client, asOf)));
    }

    private <T> T read(ClientId clientId, BiFunction<Session, Client, T> work) {
        return store.read(session -> {
            ClientEntity entity = session.find(ClientEntity.class, clientId.value());
            if (entity == null) {
                throw new DomainException(DomainError.INVALID_STATE,
                        "The client " + clientId + " does not exist on this device.");
            }
            return work.apply(session, entity.toDomain());
        });
    }
}
