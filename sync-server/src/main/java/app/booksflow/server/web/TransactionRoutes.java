package app.booksflow.server.web;

import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.MutationId;
import app.booksflow.model.id.TransactionId;
import app.booksflow.model.ledger.Transaction;
import app.booksflow.server.ApiException;
import app.booksflow.server.ledger.StoredTransaction;
import app.booksflow.server.ledger.TransactionPosting;
import app.booksflow.server.ledger.TransactionReader;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Posting a transaction over plain HTTP (for integrations and scripts) and reading transactions back. */
public final class TransactionRoutes implements RouteGroup {

    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private final TransactionPosting posting;
    private final TransactionReader reader;
    private final JsonBodies bodies;

    public TransactionRoutes(TransactionPosting posting, TransactionReader reader, JsonBodies bodies) {
        this.posting = posting;
        this.reader = reader;
        this.bodies = bodies;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/transactions", ctx -> {
            Transaction transaction = bodies.read(ctx, Transaction.class);
            StoredTransaction stored = posting.create(Requests.caller(ctx), transaction, idempotencyKey(ctx));
            ctx.status(201).header("Location", "/api/v1/transactions/" + stored.transaction().id()).json(stored);
        });
        routes.get("/api/v1/transactions/{id}", ctx -> ctx.json(reader.get(Requests.caller(ctx),
                Requests.pathId(ctx, "id", TransactionId::new))));
        routes.get("/api/v1/transactions", ctx -> ctx.json(reader.list(Requests.caller(ctx),
                Requests.requiredId(ctx, "client", ClientId::new), date(ctx, "from"), date(ctx, "to"),
                Optional.ofNullable(ctx.queryParam("after")).filter(after -> !after.isBlank()),
                Requests.intParam(ctx, "limit", TransactionReader.DEFAULT_LIMIT))));
    }

    private static Optional<MutationId> idempotencyKey(Context ctx) {
        String key = ctx.header("Idempotency-Key");
        if (key == null || key.isBlank()) {
            return Optional.empty();
        }
        if (!UUID_TEXT.matcher(key.strip()).matches()) {
            throw ApiException.badRequest("INVALID_IDEMPOTENCY_KEY",
                    "The Idempotency-Key must be a UUID such as 0195a1b2-0003-7a1c-9f00-000000000101.");
        }
        return Optional.of(new MutationId(UUID.fromString(key.strip())));
    }

    private static LocalDate date(Context ctx, String param) {
        String value = ctx.queryParam(param);
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("MISSING_PARAMETER", "The parameter '" + param + "' is required (2025-06-30).");
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("INVALID_PARAMETER", "The parameter '" + param + "' must be a date such as 2025-06-30.");
        }
    }
}
