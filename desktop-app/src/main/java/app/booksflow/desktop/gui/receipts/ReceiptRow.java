package app.booksflow.desktop.gui.receipts;

import app.booksflow.model.id.AccountId;
import app.booksflow.model.receipt.Receipt;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * One receipt of the list, its texts formatted for the user's locale. The thumbnail arrives later,
 * drawn off the FX thread when the row is first shown.
 */
public final class ReceiptRow {

    private final Receipt receipt;
    private final Optional<AccountId> category;
    private final String name;
    private final String status;
    private final String details;
    private final ObjectProperty<ReceiptPicture> thumbnail = new SimpleObjectProperty<>(this, "thumbnail");

    ReceiptRow(Receipt receipt, Optional<AccountId> category, String name, String status, String details) {
        this.receipt = receipt;
        this.category = category;
        this.name = name;
        this.status = status;
        this.details = details;
    }

    public Receipt receipt() {
        return receipt;
    }

    /** The account the receipt is booked to, if chosen in review or brought by a vendor rule. */
    public Optional<AccountId> category() {
        return category;
    }

    /** The file's original name. */
    public String name() {
        return name;
    }

    /** "Needs review", "Completed"… */
    public String status() {
        return status;
    }

    /** Vendor, date and total as read or confirmed, and whether it backs a transaction. */
    public String details() {
        return details;
    }

    /** Null until drawn. */
    public ObjectProperty<ReceiptPicture> thumbnailProperty() {
        return thumbnail;
    }

    /** Whether the other row shows the same receipt the same way (the thumbnail aside). */
    boolean showsTheSameAs(ReceiptRow other) {
        return receipt.equals(other.receipt) && category.equals(other.category) && name.equals(other.name)
                && status.equals(other.status) && details.equals(other.details);
    }

    @Override
    public String toString() {
        return name + " (" + status + ")";
    }
}
