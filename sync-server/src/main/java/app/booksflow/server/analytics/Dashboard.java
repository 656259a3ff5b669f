package app.booksflow.server.analytics;

import app.booksflow.model.id.ClientId;
import app.booksflow.model.money.Money;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;

/**
 * One client's dashboard as of a day of the server's clock: this month against last month, the
 * fiscal year to date, the last twelve months (oldest first), the receipts waiting for someone, and
 * how well OCR reads this client's receipts.
 */
public record Dashboard(ClientId client, Currency currency, LocalDate asOf, Totals thisMonth, Totals lastMonth,
        Totals yearToDate, List<Month> months, long pendingReceipts, Ocr ocr) {

    /** Posted income, expenses (net of tax) and their difference over the days {@code from}..{@code to}. */
    public record Totals(LocalDate from, LocalDate to, Money income, Money expenses, Money profit,
            long transactionCount) {
    }

    /** One month of the series. */
    public record Month(YearMonth month, Money income, Money expenses, Money profit, long transactionCount) {
    }

    /** Averages over every measurement of the client; null where nothing has been measured yet. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Ocr(BigDecimal accuracyPercent, BigDecimal averageProcessingMillis) {
    }
}
