package app.booksflow.desktop.ledger;

import app.booksflow.model.receipt.Extracted;
import app.booksflow.model.receipt.ExtractedFields;
import java.util.List;
import java.util.Optional;

/**
 * How a review went: the fields that were read or confirmed, and those confirmed exactly as read. A
 * currency OCR did not read but the amounts it read were in (the review form shows it that way) is
 * accepted when confirmed unchanged: the accountant corrected nothing.
 */
final class ReviewCount {

    private ReviewCount() {
    }

    /** @return {fields reviewed, fields accepted} */
    static int[] of(ExtractedFields read, ExtractedFields confirmed) {
        List<Optional<? extends Extracted<?>>> before =
                List.of(read.vendor(), read.date(), read.total(), read.tax(), read.currency());
        List<Optional<? extends Extracted<?>>> after =
                List.of(confirmed.vendor(), confirmed.date(), confirmed.total(), confirmed.tax(), confirmed.currency());
        int reviewed = 0;
        int accepted = 0;
        for (int i = 0; i < before.size(); i++) {
            Optional<Object> wasRead = before.get(i).map(Extracted::value);
            Optional<Object> isConfirmed = after.get(i).map(Extracted::value);
            if (i == before.size() - 1 && wasRead.isEmpty() && isConfirmed.isPresent()) {
                wasRead = read.total().or(read::tax).map(amount -> amount.value().currency());
            }
            if (wasRead.isPresent() || isConfirmed.isPresent()) {
                reviewed++;
                if (wasRead.equals(isConfirmed)) {
                    accepted++;
                }
            }
        }
        return new int[] {reviewed, accepted};
    }
}
