package app.booksflow.desktop.reports.export;

import static app.booksflow.desktop.reports.export.Cell.amount;
import static app.booksflow.desktop.reports.export.Cell.text;

import app.booksflow.desktop.reports.ExpenseShare;
import app.booksflow.desktop.reports.ExpensesByCategory;
import app.booksflow.desktop.reports.ProfitAndLoss;
import app.booksflow.desktop.reports.ReportLine;
import app.booksflow.desktop.reports.TaxLine;
import app.booksflow.desktop.reports.TaxSummary;
import app.booksflow.desktop.reports.TrialBalance;
import app.booksflow.desktop.reports.TrialBalanceLine;
import app.booksflow.model.practice.Client;
import java.util.ArrayList;
import java.util.List;

/** Each report as a table for export. */
public final class ReportTables {

    private ReportTables() {
    }

    public static ReportTable of(ProfitAndLoss report) {
        List<List<Cell>> rows = new ArrayList<>();
        for (ReportLine line : report.income()) {
            rows.add(List.of(text("Income"), text(line.account().code()), text(line.account().name()),
                    amount(line.amount())));
        }
        for (ReportLine line : report.expenses()) {
            rows.add(List.of(text("Expense"), text(line.account().code()), text(line.account().name()),
                    amount(line.amount())));
        }
        List<List<Cell>> totals = List.of(
                List.of(text("Total income"), text(""), text(""), amount(report.totalIncome())),
                List.of(text("Total expenses"), text(""), text(""), amount(report.totalExpenses())),
                List.of(text("Net profit"), text(""), text(""), amount(report.netProfit())));
        return new ReportTable("Profit and loss", report.client().name(), report.period().toString(),
                List.of("Section", "Code", "Account", "Amount " + currency(report.client())), rows, totals);
    }

    public static ReportTable of(ExpensesByCategory report) {
        List<List<Cell>> rows = new ArrayList<>();
        for (ExpenseShare share : report.categories()) {
            rows.add(List.of(text(share.account().code()), text(share.account().name()), amount(share.amount()),
                    text(share.sharePercent(1).toPlainString())));
        }
        return new ReportTable("Expenses by category", report.client().name(), report.period().toString(),
                List.of("Code", "Account", "Amount " + currency(report.client()), "Share %"), rows,
                List.of(List.of(text("Total"), text(""), amount(report.total()), text(report.total().isZero() ? "" : "100.0"))));
    }

    public static ReportTable of(TaxSummary report) {
        List<List<Cell>> rows = new ArrayList<>();
        for (TaxLine line : report.lines()) {
            rows.add(List.of(text(line.code()), text(line.name()), text(line.rate().percent().toPlainString()),
                    amount(line.netSales()), amount(line.collected()), amount(line.netPurchases()), amount(line.paid()),
                    amount(line.net())));
        }
        List<List<Cell>> totals = List.of(List.of(text("Total"), text(""), text(""), text(""),
                amount(report.totalCollected()), text(""), amount(report.totalPaid()), amount(report.net())));
        return new ReportTable("Tax summary", report.client().name(), report.period().toString(),
                List.of("Code", "Name", "Rate %", "Net sales", "Tax collected", "Net purchases", "Tax paid",
                        "Net tax " + currency(report.client())), rows, totals);
    }

    public static ReportTable of(TrialBalance report) {
        List<List<Cell>> rows = new ArrayList<>();
        for (TrialBalanceLine line : report.lines()) {
            rows.add(List.of(text(line.account().code()), text(line.account().name()), amount(line.debit()),
                    amount(line.credit())));
        }
        return new ReportTable("Trial balance", report.client().name(), "As of " + report.asOf(),
                List.of("Code", "Account", "Debit " + currency(report.client()),
                        "Credit " + currency(report.client())), rows,
                List.of(List.of(text("Total"), text(""), amount(report.totalDebits()), amount(report.totalCredits()))));
    }

    private static String currency(Client client) {
        return client.baseCurrency().getCurrencyCode();
    }
}
