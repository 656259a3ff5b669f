package app.booksflow.desktop.store.entity;

import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.ReceiptId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.money.Money;
import app.booksflow.model.receipt.Confidence;
import app.booksflow.model.receipt.Extracted;
import app.booksflow.model.receipt.ExtractedFields;
import app.booksflow.model.receipt.Receipt;
import app.booksflow.model.receipt.ReceiptMediaType;
import app.booksflow.model.receipt.ReceiptStatus;
import app.booksflow.model.receipt.Sha256;
import app.booksflow.model.receipt.StoredFile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A receipt and what was read from it, plus what only this device tracks: when reading finished and
 * how the accountant's review went (for the dashboards), and the account the receipt is booked to.
 */
@Entity
@Table(name = "receipts")
public class ReceiptEntity {

    @Id
    private UUID id;
    @Column(name = "client_id", nullable = false)
    private UUID clientId;
    @Column(nullable = false, length = 64)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String sha256;
    @Column(name = "original_name", nullable = false, length = 255)
    private String originalName;
    @Column(name = "media_type", nullable = false, length = 16)
    private String mediaType;
    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;
    @Column(nullable = false, length = 16)
    private String status;
    @Column(name = "failure_reason", length = 1000)
    private String failureReason;

    @Column(length = 200)
    private String vendor;
    @Column(name = "vendor_confidence")
    private Integer vendorConfidence;
    @Column(name = "receipt_date")
    private LocalDate receiptDate;
    @Column(name = "date_confidence")
    private Integer dateConfidence;
    @Column(name = "amount_currency", length = 3)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String amountCurrency;
    @Column(name = "total_minor")
    private Long totalMinor;
    @Column(name = "total_confidence")
    private Integer totalConfidence;
    @Column(name = "tax_minor")
    private Long taxMinor;
    @Column(name = "tax_confidence")
    private Integer taxConfidence;
    @Column(length = 3)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String currency;
    @Column(name = "currency_confidence")
    private Integer currencyConfidence;

    @Column(name = "transaction_id")
    private UUID transactionId;
    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;
    @Column(name = "processed_at")
    private Instant processedAt;
    @Column(name = "fields_reviewed")
    private Integer fieldsReviewed;
    @Column(name = "fields_accepted")
    private Integer fieldsAccepted;
    @Column(name = "category_account_id")
    private UUID categoryAccountId;

    protected ReceiptEntity() {
    }

    public static ReceiptEntity from(Receipt receipt) {
        ReceiptEntity entity = new ReceiptEntity();
        entity.id = receipt.id().value();
        entity.update(receipt);
        return entity;
    }

    public void update(Receipt receipt) {
        clientId = receipt.client().value();
        sha256 = receipt.file().sha256().hex();
        originalName = receipt.file().originalName();
        mediaType = receipt.file().mediaType().name();
        sizeBytes = receipt.file().size();
        status = receipt.status().name();
        failureReason = receipt.failureReason().orElse(null);
        ExtractedFields fields = receipt.fields();
        vendor = fields.vendor().map(Extracted::value).orElse(null);
        vendorConfidence = percent(fields.vendor());
        receiptDate = fields.date().map(Extracted::value).orElse(null);
        dateConfidence = percent(fields.date());
        Optional<Money> anyAmount = fields.total().or(() -> fields.tax()).map(Extracted::value);
        amountCurrency = anyAmount.map(m -> m.currency().getCurrencyCode()).orElse(null);
        totalMinor = fields.total().map(e -> e.value().minorUnits()).orElse(null);
        totalConfidence = percent(fields.total());
        taxMinor = fields.tax().map(e -> e.value().minorUnits()).orElse(null);
        taxConfidence = percent(fields.tax());
        currency = fields.currency().map(e -> e.value().getCurrencyCode()).orElse(null);
        currencyConfidence = percent(fields.currency());
        transactionId = receipt.transaction().map(TransactionId::value).orElse(null);
        receivedAt = receipt.receivedAt();
    }

    private static Integer percent(Optional<? extends Extracted<?>> field) {
        return field.map(e -> e.confidence().percent()).orElse(null);
    }

    private static <T> Optional<Extracted<T>> field(T value, Integer confidence) {
        return value == null ? Optional.empty() : Optional.of(new Extracted<>(value, new Confidence(confidence)));
    }

    public Receipt toDomain() {
        Currency amounts = amountCurrency == null ? null : Currency.getInstance(amountCurrency);
        ExtractedFields fields = new ExtractedFields(field(vendor, vendorConfidence), field(receiptDate, dateConfidence),
                field(totalMinor == null ? null : Money.ofMinor(totalMinor, amounts), totalConfidence),
                field(taxMinor == null ? null : Money.ofMinor(taxMinor, amounts), taxConfidence),
                field(currency == null ? null : Currency.getInstance(currency), currencyConfidence));
        return new Receipt(new ReceiptId(id), new ClientId(clientId),
                new StoredFile(new Sha256(sha256), originalName, ReceiptMediaType.valueOf(mediaType), sizeBytes),
                ReceiptStatus.valueOf(status), Optional.ofNullable(failureReason), fields,
                Optional.ofNullable(transactionId).map(TransactionId::new), receivedAt);
    }

    public UUID clientId() {
        return clientId;
    }

    public String status() {
        return status;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    public Optional<Instant> processedAt() {
        return Optional.ofNullable(processedAt);
    }

    public void processedAt(Instant at) {
        processedAt = at;
    }

    /** Null until an accountant reviewed what was read. */
    public Integer fieldsReviewed() {
        return fieldsReviewed;
    }

    public Integer fieldsAccepted() {
        return fieldsAccepted;
    }

    public void review(int reviewed, int accepted) {
        fieldsReviewed = reviewed;
        fieldsAccepted = accepted;
    }

    /** The account the receipt is booked to, once the accountant or a vendor rule said which. */
    public Optional<AccountId> category() {
        return Optional.ofNullable(categoryAccountId).map(AccountId::new);
    }

    public void category(Optional<AccountId> account) {
        categoryAccountId = account.map(AccountId::value).orElse(null);
    }

    public void clearReview() {
        fieldsReviewed = null;
        fieldsAccepted = null;
    }
}
