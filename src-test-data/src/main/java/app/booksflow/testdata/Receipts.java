package app.booksflow.testdata;

import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.ReceiptId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Split;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.model.money.Money;
import app.booksflow.model.receipt.Extracted;
import app.booksflow.model.receipt.ExtractedFields;
import app.booksflow.model.receipt.Receipt;
import app.booksflow.model.receipt.ReceiptMediaType;
import app.booksflow.model.receipt.ReceiptStatus;
import app.booksflow.model.receipt.Sha256;
import app.booksflow.model.receipt.StoredFile;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The receipts clients keep for their spending: photos of till slips taken at the counter or days
 * later, PDF invoices for bills. Old receipts have been read (a few needed review or failed); those
 * of the last week still wait for OCR. There are no files behind them: the SHA-256 is a stand-in
 * derived from the receipt id, unique and stable, but the hash of no content.
 */
final class Receipts {

    private static final long HOUR = 3_600_000L;
    private static final long PENDING_WINDOW = 7 * 24 * HOUR;
    private static final List<String> FAILURES = List.of("The image is too blurry to read.",
            "The photo is cut off above the total.", "The file is not a receipt.");

    private final ClientId client;
    private final ClientBooks books;
    private final Draws draws;
    private final BusinessClock ids;
    private final long endMillis;
    private final Map<String, String> slugs = new HashMap<>();

    /** @param endMillis the end of the period: receipts are not received after it */
    Receipts(ClientId client, ClientBooks books, Draws draws, BusinessClock ids, long endMillis) {
        this.client = client;
        this.books = books;
        this.draws = draws;
        this.ids = ids;
        this.endMillis = endMillis;
    }

    Optional<Receipt> maybeFor(Transaction transaction, Category category, long transactionMillis) {
        if (!draws.chance(category.receiptShare())) {
            return Optional.empty();
        }
        // Most are snapped at the counter; the rest turn up from a wallet days later.
        long delay = draws.chance(0.7) ? draws.below(4 * HOUR) + 60_000 : draws.below(7 * 24 * HOUR) + HOUR;
        long received = Math.min(transactionMillis + delay, endMillis);
        UUID id = ids.unorderedIdAt(received);
        StoredFile file = file(id, transaction, category);
        double statusDraw = draws.uniform();
        ReceiptStatus status;
        if (endMillis - received < PENDING_WINDOW && statusDraw < 0.6) {
            status = ReceiptStatus.PENDING;
        } else {
            status = statusDraw < 0.88 ? ReceiptStatus.COMPLETED
                    : statusDraw < 0.97 ? ReceiptStatus.NEEDS_REVIEW : ReceiptStatus.FAILED;
        }
        ExtractedFields fields = switch (status) {
            case COMPLETED -> fields(transaction, false);
            case NEEDS_REVIEW -> fields(transaction, true);
            default -> ExtractedFields.NONE;
        };
        Optional<String> failure = status == ReceiptStatus.FAILED ? Optional.of(draws.pick(FAILURES)) : Optional.empty();
        Optional<TransactionId> link =
                status == ReceiptStatus.COMPLETED ? Optional.of(transaction.id()) : Optional.empty();
        return Optional.of(new Receipt(new ReceiptId(id), client, file, status, failure, fields, link,
                Instant.ofEpochMilli(received)));
    }

    private StoredFile file(UUID id, Transaction transaction, Category category) {
        double typeDraw = draws.uniform();
        ReceiptMediaType type;
        if (category.isInvoicedByEmail()) {
            type = typeDraw < 0.85 ? ReceiptMediaType.PDF : ReceiptMediaType.JPEG;
        } else {
            type = typeDraw < 0.75 ? ReceiptMediaType.JPEG : typeDraw < 0.83 ? ReceiptMediaType.PNG
                    : typeDraw < 0.95 ? ReceiptMediaType.PDF : ReceiptMediaType.TIFF;
        }
        String prefix = type == ReceiptMediaType.PDF && category.isInvoicedByEmail() ? "invoice"
                : type == ReceiptMediaType.TIFF ? "scan" : "receipt";
        String vendor = slugs.computeIfAbsent(transaction.payee(),
                payee -> Slugs.of(payee, category.name().toLowerCase(Locale.ROOT).replace('_', '-')));
        String name = prefix + "-" + transaction.date() + "-" + vendor + extension(type);
        return new StoredFile(fakeSha256(id), name, type, size(type));
    }

    private static String extension(ReceiptMediaType type) {
        return switch (type) {
            case JPEG -> ".jpg";
            case PNG -> ".png";
            case TIFF -> ".tif";
            case PDF -> ".pdf";
        };
    }

    private long size(ReceiptMediaType type) {
        double bytes = switch (type) {
            case JPEG -> draws.logNormal(1_600_000, 0.45);
            case PNG -> draws.logNormal(850_000, 0.6);
            case TIFF -> draws.logNormal(3_800_000, 0.35);
            case PDF -> draws.logNormal(110_000, 0.7);
        };
        return Math.max(1_024, Math.round(bytes));
    }

    /** What OCR read: sure of everything, or unsure of the vendor or the total, which sends it to review. */
    private ExtractedFields fields(Transaction transaction, boolean unsure) {
        int unsureField = unsure ? draws.between(0, 1) : -1;
        int vendorConfidence = unsureField == 0 ? draws.between(35, 69) : draws.between(88, 99);
        int totalConfidence = unsureField == 1 ? draws.between(40, 69) : draws.between(90, 99);
        Money total = transaction.total().abs();
        Money tax = Money.zero(total.currency());
        boolean taxed = false;
        for (Split split : transaction.splits()) {
            if (split.taxCode().isPresent()) {
                taxed = true;
                tax = tax.plus(split.amount().abs().taxInGross(books.taxes().byId(split.taxCode().get()).rate()));
            }
        }
        return new ExtractedFields(Optional.of(Extracted.of(transaction.payee(), vendorConfidence)),
                Optional.of(Extracted.of(transaction.date(), draws.between(92, 99))),
                Optional.of(Extracted.of(total, totalConfidence)),
                taxed ? Optional.of(Extracted.of(tax, draws.between(85, 99))) : Optional.empty(),
                Optional.of(Extracted.of(total.currency(), draws.between(95, 100))));
    }

    /** 256 well-mixed bits from the id: distinct for distinct receipts, the same for the same seed. */
    static Sha256 fakeSha256(UUID id) {
        long a = Seeds.mix(id.getMostSignificantBits());
        long b = Seeds.mix(id.getLeastSignificantBits() ^ a);
        long c = Seeds.mix(a + 0x9E3779B97F4A7C15L);
        long d = Seeds.mix(b + 0x9E3779B97F4A7C15L);
        HexFormat hex = HexFormat.of();
        return new Sha256(hex.toHexDigits(a) + hex.toHexDigits(b) + hex.toHexDigits(c) + hex.toHexDigits(d));
    }
}
