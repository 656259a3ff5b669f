package app.booksflow.server.web;

import app.booksflow.model.id.ClientId;
import app.booksflow.server.audit.AuditFilter;
import app.booksflow.server.audit.AuditTrailQuery;
import io.javalin.config.RoutesConfig;
import java.time.ZoneId;

/** The audit trail for compliance reviews. */
public final class ComplianceRoutes implements RouteGroup {

    private final AuditTrailQuery auditTrail;
    private final ZoneId zone;

    /** @param zone where a date such as {@code to=2025-06-30} begins and ends */
    public ComplianceRoutes(AuditTrailQuery auditTrail, ZoneId zone) {
        this.auditTrail = auditTrail;
        this.zone = zone;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/compliance/audit-trail", ctx -> {
            AuditFilter filter = AuditFilter.parse(Requests.optionalId(ctx, "client", ClientId::new),
                    ctx.queryParam("risk"), ctx.queryParam("from"), ctx.queryParam("to"), ctx.queryParam("after"),
                    ctx.queryParam("limit"), zone);
            ctx.json(auditTrail.read(Requests.caller(ctx), filter));
        });
    }
}
