package app.booksflow.server.web;

import app.booksflow.server.ApiException;
import app.booksflow.server.accounts.AccountService;
import app.booksflow.server.accounts.Caller;
import io.javalin.config.RoutesConfig;
import java.util.Map;

/** Signing in and out, and who the caller is. */
public final class AuthRoutes implements RouteGroup {

    /** The body of a sign-in request. */
    record Login(String email, String password) {
    }

    private final AccountService accounts;
    private final JsonBodies bodies;
    private final ClientAddress addresses;

    public AuthRoutes(AccountService accounts, JsonBodies bodies, ClientAddress addresses) {
        this.accounts = accounts;
        this.bodies = bodies;
        this.addresses = addresses;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/v1/auth/login", ctx -> {
            Login login = bodies.read(ctx, Login.class);
            if (login.email() == null || login.password() == null) {
                throw ApiException.badRequest("MISSING_FIELD", "Sign in with \"email\" and \"password\".");
            }
            ctx.json(accounts.login(login.email(), login.password().toCharArray(), addresses.of(ctx)));
        });
        routes.post("/api/v1/auth/logout", ctx -> {
            accounts.logout(Requests.bearerToken(ctx));
            ctx.status(204);
        });
        routes.get("/api/v1/me", ctx -> {
            Caller caller = Requests.caller(ctx);
            ctx.json(Map.of("user", caller.user(), "organization", caller.organization(), "role", caller.role(),
                    "assignedClients", caller.assignedClients()));
        });
    }
}
