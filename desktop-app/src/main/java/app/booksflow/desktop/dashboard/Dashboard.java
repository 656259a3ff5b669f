package app.booksflow.desktop.dashboard;

import app.booksflow.desktop.audit.AuditRecord;
import app.booksflow.model.practice.Client;
import java.util.List;

/** Everything a client's dashboard screen shows, read in one consistent snapshot. */
public record Dashboard(Client client, MonthComparison month, ReceiptSummary receipts, List<MonthTotals> lastTwelveMonths,
        List<CategoryTotal> expensesThisMonth, List<AuditRecord> recentActivity) {
}
