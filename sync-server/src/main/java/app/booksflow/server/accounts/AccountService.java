package app.booksflow.server.accounts;

import app.booksflow.model.EntityType;
import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.audit.AuditEvent;
import app.booksflow.model.audit.RiskLevel;
import app.booksflow.model.id.AuditEventId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.id.UserId;
import app.booksflow.model.practice.Organization;
import app.booksflow.model.practice.Role;
import app.booksflow.model.practice.User;
import app.booksflow.server.ApiException;
import app.booksflow.server.audit.AuditTrail;
import app.booksflow.server.audit.RiskRules;
import app.booksflow.server.db.Db;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Practices, users, sign-in with opaque tokens, and who may see which client. */
public final class AccountService {

    /** What signing in returns: the token to send as {@code Authorization: Bearer ...} and when it expires. */
    public record Session(String token, Instant expiresAt, UserView user) {
    }

    /** A user as shown to admins and to the user: never the password hash. */
    public record UserView(UserId id, OrganizationId organization, String email, String displayName, Role role,
            Optional<ClientId> client, boolean disabled) {
    }

    private static final String TOKEN_PREFIX = "bf_";
    private final Db db;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final Duration tokenLifetime;
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash;
    private final ObjectMapper json;

    public AccountService(Db db, ObjectMapper json, Clock clock, PasswordHasher hasher, LoginThrottle throttle, AuditTrail audit,
            Duration tokenLifetime) {
        this.db = db;
        this.json = json;
        this.clock = clock;
        this.hasher = hasher;
        this.throttle = throttle;
        this.audit = audit;
        this.tokenLifetime = tokenLifetime;
        this.dummyHash = hasher.hash("not a real password".toCharArray());
    }

    public Organization createOrganization(String name) {
        return createOrganization(OrganizationId.random(), name);
    }

    /**
     * A practice with a given id: a desktop that hosts the server for its practice keeps the id its books
     * already carry, so that the clients it has go up as they are. An id in use is refused.
     */
    public Organization createOrganization(OrganizationId id, String name) {
        Organization organization = new Organization(id, name);
        return db.inTransaction("create practice", c -> {
            if (findOrganization(c, id).isPresent()) {
                throw ApiException.conflict("PRACTICE_EXISTS", "There is already a practice with the id " + id + ".");
            }
            try (PreparedStatement insert = c.prepareStatement("insert into organizations (id, name) values (?, ?)")) {
                insert.setObject(1, organization.id().value());
                insert.setString(2, organization.name());
                insert.executeUpdate();
            }
            AuditTrail.createChain(c, organization.id());
            return organization;
        });
    }

    /** The practice with the id, if there is one. */
    public Optional<Organization> findOrganization(OrganizationId id) {
        return db.read("find practice", c -> findOrganization(c, id));
    }

    private static Optional<Organization> findOrganization(Connection c, OrganizationId id) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select name from organizations where id = ?")) {
            select.setObject(1, id.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Organization(id, row.getString(1))) : Optional.empty();
            }
        }
    }

    /** Creates a user; {@code actor} is empty when an admin does it from the command line. */
    public UserView createUser(Optional<Caller> actor, OrganizationId organization, String email, String displayName,
            Role role, Optional<ClientId> client, char[] password) {
        actor.ifPresent(a -> requireAdmin(a, organization));
        requireStrong(password);
        User user = new User(UserId.random(), organization, email, displayName, role, client);
        String hash = hasher.hash(password);
        return db.inTransaction("create user", c -> {
            if (client.isPresent() && !clientBelongsTo(c, client.get(), organization)) {
                throw ApiException.notFound("Client " + client.get());
            }
            if (userIdByEmail(c, user.email()).isPresent()) {
                throw ApiException.conflict("EMAIL_TAKEN", "A user with the email address " + user.email() + " exists.");
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into users (id, organization_id, email, display_name, role, client_id, password_hash)
                    values (?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setObject(1, user.id().value());
                insert.setObject(2, organization.value());
                insert.setString(3, user.email());
                insert.setString(4, user.displayName());
                insert.setString(5, role.name());
                insert.setObject(6, client.map(ClientId::value).orElse(null));
                insert.setString(7, hash);
                insert.executeUpdate();
            }
            audit.append(c, List.of(event(organization, actor.map(Caller::user), user.id(), client,
                    AuditAction.CREATE, json.createObjectNode().put("email", user.email()).put("role", role.name()).toString(),
                    role == Role.ADMIN ? RiskLevel.CRITICAL : RiskLevel.LOW)));
            return new UserView(user.id(), organization, user.email(), user.displayName(), role, client, false);
        });
    }

    /** Signs in; throttled per email and per address; every failure is audited. */
    public Session login(String email, char[] password, String address) {
        String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        Duration wait = throttle.retryAfter(normalized, address);
        if (!wait.isZero()) {
            throw ApiException.tooManyRequests("Too many failed sign-ins. Try again in "
                    + Math.max(1, wait.toSeconds()) + " seconds.");
        }
        Optional<StoredUser> found = db.read("find user", c -> storedUser(c, normalized));
        boolean matches = hasher.matches(password, found.map(StoredUser::passwordHash).orElse(dummyHash));
        if (found.isEmpty() || !matches || found.get().view().disabled()) {
            int failures = throttle.recordFailure(normalized, address);
            found.ifPresent(user -> db.inTransaction("audit failed sign-in", c -> {
                audit.append(c, List.of(event(user.view().organization(), Optional.empty(), user.view().id(),
                        Optional.empty(), AuditAction.LOGIN_FAILED, json.createObjectNode().put("address", address).toString(),
                        RiskRules.failedLogin(failures))));
                return null;
            }));
            throw ApiException.unauthorized("The email address or the password is wrong.");
        }
        throttle.recordSuccess(normalized);
        UserView user = found.get().view();
        String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
        Instant now = clock.instant();
        Instant expires = now.plus(tokenLifetime);
        db.inTransaction("create session", c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into auth_tokens (token_hash, user_id, created_at, expires_at) values (?, ?, ?, ?)")) {
                insert.setBytes(1, sha256(token));
                insert.setObject(2, user.id().value());
                insert.setTimestamp(3, Timestamp.from(now));
                insert.setTimestamp(4, Timestamp.from(expires));
                insert.executeUpdate();
            }
            audit.append(c, List.of(event(user.organization(), Optional.of(user.id()), user.id(), user.client(),
                    AuditAction.LOGIN, null, RiskLevel.LOW)));
            return null;
        });
        return new Session(token, expires, user);
    }

    /** The caller a bearer token stands for; expired, revoked, forged and unknown tokens are refused alike. */
    public Caller authenticate(String token) {
        if (token == null || !token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
            throw ApiException.unauthorized("Sign in first: the request has no valid token.");
        }
        return db.read("authenticate", c -> {
            try (PreparedStatement select = c.prepareStatement("""
                    select u.id, u.organization_id, u.role, u.client_id
                    from auth_tokens t join users u on u.id = t.user_id
                    where t.token_hash = ? and t.revoked_at is null and t.expires_at > ? and not u.disabled""")) {
                select.setBytes(1, sha256(token));
                select.setTimestamp(2, Timestamp.from(clock.instant()));
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        throw ApiException.unauthorized("The session has expired or was ended. Sign in again.");
                    }
                    UserId user = new UserId(row.getObject(1, UUID.class));
                    Role role = Role.valueOf(row.getString(3));
                    return new Caller(user, new OrganizationId(row.getObject(2, UUID.class)), role,
                            Optional.ofNullable(row.getObject(4, UUID.class)).map(ClientId::new),
                            role == Role.ACCOUNTANT ? assignedClients(c, user) : Set.of());
                }
            }
        });
    }

    /**
     * Forgets the sessions that have ended (expired, signed out or revoked): they are refused alike whether
     * kept or not, and every sign-in adds one. Returns how many.
     */
    public int forgetEndedSessions() {
        return db.inTransaction("forget ended sessions", c -> {
            try (PreparedStatement delete = c.prepareStatement(
                    "delete from auth_tokens where expires_at <= ? or revoked_at is not null")) {
                delete.setTimestamp(1, Timestamp.from(clock.instant()));
                return delete.executeUpdate();
            }
        });
    }

    public void logout(String token) {
        db.inTransaction("logout", c -> {
            try (PreparedStatement update = c.prepareStatement(
                    "update auth_tokens set revoked_at = ? where token_hash = ? and revoked_at is null")) {
                update.setTimestamp(1, Timestamp.from(clock.instant()));
                update.setBytes(2, sha256(token));
                return update.executeUpdate();
            }
        });
    }

    /** Ends every session of a user of the admin's practice; returns how many were ended. */
    public int revokeSessions(Caller admin, UserId user) {
        return db.inTransaction("revoke sessions", c -> {
            StoredUser target = userInPractice(c, admin, user);
            int revoked = revokeAll(c, target.view().id());
            audit.append(c, List.of(event(admin.organization(), Optional.of(admin.user()), user, Optional.empty(),
                    AuditAction.LOGOUT, json.createObjectNode().put("sessionsEnded", revoked).toString(), RiskLevel.MEDIUM)));
            return revoked;
        });
    }

    /** Sets a new password (from the command line) and ends the user's sessions. */
    public void resetPassword(String email, char[] password) {
        requireStrong(password);
        String hash = hasher.hash(password);
        db.inTransaction("reset password", c -> {
            StoredUser user = storedUser(c, email.strip().toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> ApiException.notFound("User " + email));
            try (PreparedStatement update = c.prepareStatement("update users set password_hash = ? where id = ?")) {
                update.setString(1, hash);
                update.setObject(2, user.view().id().value());
                update.executeUpdate();
            }
            revokeAll(c, user.view().id());
            audit.append(c, List.of(event(user.view().organization(), Optional.empty(), user.view().id(),
                    Optional.empty(), AuditAction.UPDATE, json.createObjectNode().put("password", "reset").toString(), RiskLevel.HIGH)));
            return null;
        });
    }

    /** Lets an accountant keep the books of a client of the same practice. */
    public void assign(Caller admin, UserId accountant, ClientId client) {
        db.inTransaction("assign accountant", c -> {
            StoredUser user = userInPractice(c, admin, accountant);
            if (user.view().role() != Role.ACCOUNTANT) {
                throw ApiException.badRequest("NOT_AN_ACCOUNTANT", user.view().displayName()
                        + " is not an accountant and cannot be assigned to a client.");
            }
            if (!clientBelongsTo(c, client, admin.organization())) {
                throw ApiException.notFound("Client " + client);
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into client_assignments (user_id, client_id, organization_id) values (?, ?, ?) on conflict do nothing")) {
                insert.setObject(1, accountant.value());
                insert.setObject(2, client.value());
                insert.setObject(3, admin.organization().value());
                insert.executeUpdate();
            }
            audit.append(c, List.of(event(admin.organization(), Optional.of(admin.user()), accountant,
                    Optional.of(client), AuditAction.ROLE_CHANGE, json.createObjectNode().put("assignedClient", client.toString()).toString(),
                    RiskRules.of(AuditAction.ROLE_CHANGE, false, false))));
            return null;
        });
    }

    public List<UserView> users(Caller admin) {
        requireAdmin(admin, admin.organization());
        return db.read("list users", c -> {
            try (PreparedStatement select = c.prepareStatement(
                    "select id, organization_id, email, display_name, role, client_id, disabled, password_hash "
                            + "from users where organization_id = ? order by email")) {
                select.setObject(1, admin.organization().value());
                List<UserView> users = new ArrayList<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        users.add(readUser(row).view());
                    }
                }
                return users;
            }
        });
    }

    public Optional<UserView> findByEmail(String email) {
        return db.read("find user", c -> storedUser(c, email.strip().toLowerCase(Locale.ROOT)).map(StoredUser::view));
    }

    private static void requireAdmin(Caller caller, OrganizationId organization) {
        if (!caller.isAdmin() || !caller.organization().equals(organization)) {
            throw ApiException.forbidden("Only an admin of the practice may do this.");
        }
    }

    private static void requireStrong(char[] password) {
        if (password == null || password.length < PasswordHasher.MIN_PASSWORD_LENGTH) {
            throw ApiException.badRequest("WEAK_PASSWORD",
                    "A password needs at least " + PasswordHasher.MIN_PASSWORD_LENGTH + " characters.");
        }
    }

    private record StoredUser(UserView view, String passwordHash) {
    }

    private StoredUser userInPractice(Connection c, Caller admin, UserId user) throws SQLException {
        requireAdmin(admin, admin.organization());
        try (PreparedStatement select = c.prepareStatement(
                "select id, organization_id, email, display_name, role, client_id, disabled, password_hash "
                        + "from users where id = ? and organization_id = ?")) {
            select.setObject(1, user.value());
            select.setObject(2, admin.organization().value());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw ApiException.notFound("User " + user);
                }
                return readUser(row);
            }
        }
    }

    private static Optional<StoredUser> storedUser(Connection c, String email) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select id, organization_id, email, display_name, role, client_id, disabled, password_hash "
                        + "from users where email = ?")) {
            select.setString(1, email);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(readUser(row)) : Optional.empty();
            }
        }
    }

    private static StoredUser readUser(ResultSet row) throws SQLException {
        return new StoredUser(new UserView(new UserId(row.getObject(1, UUID.class)),
                new OrganizationId(row.getObject(2, UUID.class)), row.getString(3), row.getString(4),
                Role.valueOf(row.getString(5)), Optional.ofNullable(row.getObject(6, UUID.class)).map(ClientId::new),
                row.getBoolean(7)), row.getString(8));
    }

    private static Optional<UserId> userIdByEmail(Connection c, String email) throws SQLException {
        return storedUser(c, email).map(user -> user.view().id());
    }

    private static boolean clientBelongsTo(Connection c, ClientId client, OrganizationId organization)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select 1 from clients where id = ? and organization_id = ?")) {
            select.setObject(1, client.value());
            select.setObject(2, organization.value());
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private static Set<ClientId> assignedClients(Connection c, UserId user) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select client_id from client_assignments where user_id = ?")) {
            select.setObject(1, user.value());
            Set<ClientId> clients = new HashSet<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    clients.add(new ClientId(row.getObject(1, UUID.class)));
                }
            }
            return clients;
        }
    }

    private int revokeAll(Connection c, UserId user) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "update auth_tokens set revoked_at = ? where user_id = ? and revoked_at is null")) {
            update.setTimestamp(1, Timestamp.from(clock.instant()));
            update.setObject(2, user.value());
            return update.executeUpdate();
        }
    }

    private AuditEvent event(OrganizationId organization, Optional<UserId> actor, UserId subject,
            Optional<ClientId> client, AuditAction action, String after, RiskLevel risk) {
        return new AuditEvent(AuditEventId.random(), clock.instant(), organization, actor, Optional.empty(), client,
                EntityType.USER, subject.value(), action, Optional.empty(), Optional.ofNullable(after), risk);
    }

    private byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
