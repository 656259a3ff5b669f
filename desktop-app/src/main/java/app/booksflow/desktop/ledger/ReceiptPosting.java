package app.booksflow.desktop.ledger;

import app.booksflow.desktop.dashboard.ClientChart;
import app.booksflow.desktop.store.entity.TaxCodeEntity;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.AccountType;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.TaxCode;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.ledger.TransactionStatus;
import app.booksflow.model.money.Money;
import app.booksflow.model.practice.Client;
import app.booksflow.model.receipt.Extracted;
import app.booksflow.model.receipt.Receipt;
import app.booksflow.model.receipt.ReceiptStatus;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The transaction a reviewed receipt books (ADR 0024): money out of the account it was paid from, to the
 * payee the receipt names, on its date, for its total, in one split to its category. The receipt's tax
 * is booked through the client's purchase tax code (one whose tax account is an asset: tax to reclaim)
 * whose rate gives that tax on the total, to the minor unit; a client without purchase tax codes books
 * the total gross, as tax it cannot reclaim. Checks of the books themselves (closed period, currency,
 * the paid-from account) are {@link TransactionWrites#validate}'s.
 */
final class ReceiptPosting {

    /** Tax printed on a receipt is summed line by line; a code's rate may give a minor unit more or less. */
    private static final long TAX_TOLERANCE_MINOR = 1;

    private ReceiptPosting() {
    }

    static Transaction transaction(WriteContext context, ReceiptRecord record, AccountId paidFrom) {
        Receipt receipt = record.receipt();
        String name = receipt.file().originalName();
        if (receipt.status() != ReceiptStatus.COMPLETED) {
            throw refused("Receipt " + name + " is not reviewed yet; confirm its fields before posting it.");
        }
        if (receipt.transaction().isPresent()) {
            throw refused("Receipt " + name + " already backs a transaction; unlink it first to post it again.");
        }
        AccountId category = record.category().orElseThrow(() -> refused(
                "Receipt " + name + " has no category; choose the account it is booked to before posting it."));
        String vendor = receipt.fields().vendor().map(Extracted::value).orElseThrow(() -> refused(
                "Receipt " + name + " has no vendor; type the vendor, which becomes the payee, before posting it."));
        LocalDate date = receipt.fields().date().map(Extracted::value).orElseThrow(() -> refused(
                "Receipt " + name + " has no date; type the date before posting it."));
        Money total = receipt.fields().total().map(Extracted::value).orElseThrow(() -> refused(
                "Receipt " + name + " has no total; type the total before posting it."));
        Client client = context.client(receipt.client());
        client.requireOpen(date);
        if (!total.currency().equals(client.baseCurrency())) {
            throw refused("Receipt " + name + " is in " + total.currency() + " but the books of " + client.name()
                    + " are kept in " + client.baseCurrency() + "; book it by hand with the amount in "
                    + client.baseCurrency() + ".");
        }
        List<TaxCode> codes = context.session()
                .createSelectionQuery("from TaxCodeEntity where clientId = :client", TaxCodeEntity.class)
                .setParameter("client", receipt.client().value()).getResultList().stream()
                .map(TaxCodeEntity::toDomain).toList();
        Optional<TaxCode> taxCode = taxCode(context.chart(receipt.client()), codes, receipt, total, name);
        Money amount = total.negate();
        Split split = new Split(category, amount, taxCode.map(TaxCode::id), "");
        return new Transaction(TransactionId.random(), receipt.client(), date, vendor, "Receipt " + name, paidFrom,
                amount, TransactionStatus.POSTED, List.of(split));
    }

    private static Optional<TaxCode> taxCode(ClientChart chart, List<TaxCode> codes, Receipt receipt, Money total,
            String name) {
        Optional<Money> tax = receipt.fields().tax().map(Extracted::value).filter(t -> !t.isZero());
        if (tax.isEmpty()) {
            return Optional.empty();
        }
        List<TaxCode> purchase = codes.stream()
                .filter(code -> chart.account(code.taxAccount()).map(a -> a.type() == AccountType.ASSET).orElse(false))
                .toList();
        if (purchase.isEmpty()) {
            return Optional.empty();
        }
        long printed = Math.abs(tax.get().minorUnits());
        Comparator<TaxCode> nearest = Comparator.comparingLong(code -> distance(code, total, printed));
        return Optional.of(purchase.stream().filter(code -> distance(code, total, printed) <= TAX_TOLERANCE_MINOR)
                .min(nearest.thenComparing(TaxCode::code))
                .orElseThrow(() -> refused("The tax on receipt " + name + " (" + tax.get() + ") is not what any purchase"
                        + " tax code of this client gives on " + total + "; book it by hand on the Transactions screen.")));
    }

    private static long distance(TaxCode code, Money total, long printed) {
        return Math.abs(Math.abs(total.taxInGross(code.rate()).minorUnits()) - printed);
    }

    private static DomainException refused(String message) {
        return new DomainException(DomainError.INVALID_STATE, message);
    }
}
