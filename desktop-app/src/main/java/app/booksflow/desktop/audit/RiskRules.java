package app.booksflow.desktop.audit;

import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.audit.RiskLevel;

/** How closely an auditor should look at a local change, by one simple rule. */
public final class RiskRules {

    private RiskRules() {
    }

    /**
     * Moving a closing date is critical; deleting a posted transaction, or changing what a posted
     * transaction books (amounts, accounts, date, or taking it off the books), is high; the rest is low.
     *
     * @param postedBefore   the record was a posted transaction before the change
     * @param booksChanged   the change altered what the transaction books
     */
    public static RiskLevel of(AuditAction action, boolean postedBefore, boolean booksChanged) {
        return switch (action) {
            case CLOSE_PERIOD, REOPEN_PERIOD -> RiskLevel.CRITICAL;
            case DELETE, BULK_DELETE -> postedBefore ? RiskLevel.HIGH : RiskLevel.LOW;
            case UPDATE -> postedBefore && booksChanged ? RiskLevel.HIGH : RiskLevel.LOW;
            default -> RiskLevel.LOW;
        };
    }
}
