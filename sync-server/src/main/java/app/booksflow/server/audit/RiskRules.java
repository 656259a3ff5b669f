package app.booksflow.server.audit;

import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.audit.RiskLevel;

/** How risky an audited action is, by rule, so that auditors can filter for what matters. */
public final class RiskRules {

    /** Failed sign-ins for one email address within the throttle window that count as an attack. */
    public static final int FAILED_LOGIN_BURST = 5;

    private RiskRules() {
    }

    /**
     * @param postedBefore the record was a posted transaction before the change
     * @param amountChanged the change altered a posted transaction's total or splits
     */
    public static RiskLevel of(AuditAction action, boolean postedBefore, boolean amountChanged) {
        return switch (action) {
            case CLOSE_PERIOD, REOPEN_PERIOD, ROLE_CHANGE, BULK_DELETE -> RiskLevel.CRITICAL;
            case DELETE -> postedBefore ? RiskLevel.HIGH : RiskLevel.MEDIUM;
            case UPDATE -> postedBefore && amountChanged ? RiskLevel.HIGH : RiskLevel.LOW;
            case SYNC_REJECTED, SYNC_CONFLICT, CONFLICT_RESOLVED, LOGIN_FAILED, EXPORT -> RiskLevel.MEDIUM;
            case CREATE, POST, LOGIN, LOGOUT, SYNC_APPLIED -> RiskLevel.LOW;
        };
    }

    public static RiskLevel failedLogin(int recentFailures) {
        return recentFailures >= FAILED_LOGIN_BURST ? RiskLevel.HIGH : RiskLevel.MEDIUM;
    }
}
