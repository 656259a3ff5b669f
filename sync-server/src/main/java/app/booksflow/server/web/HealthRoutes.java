package app.booksflow.server.web;

import io.javalin.config.RoutesConfig;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** {@code /health}: the process answers. {@code /ready}: the database answers and its schema is current. */
public final class HealthRoutes implements RouteGroup {

    private final BooleanSupplier ready;

    public HealthRoutes(BooleanSupplier ready) {
        this.ready = ready;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/health", ctx -> ctx.json(Map.of("status", "UP")));
        routes.get("/ready", ctx -> {
            if (ready.getAsBoolean()) {
                ctx.json(Map.of("status", "READY"));
            } else {
                ctx.status(503).json(Map.of("status", "NOT_READY"));
            }
        });
    }
}
