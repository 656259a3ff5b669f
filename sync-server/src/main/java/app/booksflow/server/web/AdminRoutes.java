package app.booksflow.server.web;

import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.UserId;
import app.booksflow.model.practice.Role;
import app.booksflow.server.ApiException;
import app.booksflow.server.accounts.AccountService;
import app.booksflow.server.accounts.Caller;
import io.javalin.config.RoutesConfig;
import java.util.Map;
import java.util.Optional;

/** Users, sessions and assignments of a practice: admins only. */
public final class AdminRoutes implements RouteGroup {

    /** The body of a new user. */
    record NewUser(String email, String displayName, Role role, ClientId client, String password) {
    }

    /** The body of an assignment. */
    record Assignment(UserId accountant, ClientId client) {
    }

    private final AccountService accounts;
    private final JsonBodies bodies;

    public AdminRoutes(AccountService accounts, JsonBodies bodies) {
        this.accounts = accounts;
        this.bodies = bodies;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/v1/admin/users", ctx -> ctx.json(accounts.users(Requests.caller(ctx))));
        routes.post("/api/v1/admin/users", ctx -> {
            Caller admin = Requests.caller(ctx);
            NewUser user = bodies.read(ctx, NewUser.class);
            if (user.password() == null || user.role() == null) {
                throw ApiException.badRequest("MISSING_FIELD", "A new user needs \"email\", \"displayName\", \"role\" and \"password\".");
            }
            ctx.status(201).json(accounts.createUser(Optional.of(admin), admin.organization(), user.email(),
                    user.displayName(), user.role(), Optional.ofNullable(user.client()), user.password().toCharArray()));
        });
        routes.post("/api/v1/admin/users/{user}/revoke-sessions", ctx -> {
            int ended = accounts.revokeSessions(Requests.caller(ctx), Requests.pathId(ctx, "user", UserId::new));
            ctx.json(Map.of("sessionsEnded", ended));
        });
        routes.post("/api/v1/admin/assignments", ctx -> {
            Assignment assignment = bodies.read(ctx, Assignment.class);
            if (assignment.accountant() == null || assignment.client() == null) {
                throw ApiException.badRequest("MISSING_FIELD", "An assignment needs \"accountant\" and \"client\".");
            }
            accounts.assign(Requests.caller(ctx), assignment.accountant(), assignment.client());
            ctx.status(204);
        });
    }
}
