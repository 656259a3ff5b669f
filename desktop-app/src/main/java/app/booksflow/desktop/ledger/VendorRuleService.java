package app.booksflow.desktop.ledger;

import app.booksflow.desktop.ocr.extract.VendorKey;
import app.booksflow.desktop.ocr.extract.VendorRule;
import app.booksflow.desktop.ocr.extract.VendorRules;
import app.booksflow.desktop.store.entity.AccountEntity;
import app.booksflow.model.Checks;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hibernate.Session;

/**
 * Vendor rules learned from the accountant's corrections (ADR 0020): after "this is Corner Café,
 * booked to Meals", the next receipt whose vendor reads the same gets that name and that account.
 * A rule is a per-device suggestion, not part of the books: it is written through the single write
 * path but not audited (the audit trail and undo cover the books' entities only).
 */
public final class VendorRuleService {

    private final Writes writes;

    VendorRuleService(Writes writes) {
        this.writes = writes;
    }

    /**
     * Records a correction: receipts read as {@code readVendor} (and as {@code correctedName} itself)
     * are from {@code correctedName}, booked to {@code account} when given. A later correction of the
     * same vendor replaces the rule.
     */
    public VendorRule learn(ClientId client, String readVendor, String correctedName, Optional<AccountId> account,
            String user) {
        String name = Checks.requiredText(correctedName, "The vendor name", 200);
        Set<String> keys = new LinkedHashSet<>();
        VendorKey.of(readVendor).ifPresent(keys::add);
        VendorKey.of(name).ifPresent(keys::add);
        if (keys.isEmpty()) {
            throw new DomainException(DomainError.REQUIRED, "A vendor name needs at least one letter or digit.");
        }
        return writes.run(user, context -> {
            context.client(client);
            account.ifPresent(id -> checkAccount(context.session(), client, id));
            for (String key : keys) {
                context.session().createNativeMutationQuery("""
                        merge into vendor_rules (client_id, vendor_key, vendor_name, account_id, updated_at, updated_by)
                        key (client_id, vendor_key) values (:client, :key, :name, :account, :at, :user)
                        """).setParameter("client", client.value()).setParameter("key", key)
                        .setParameter("name", name).setParameter("account", account.map(AccountId::value).orElse(null),
                                UUID.class)
                        .setParameter("at", context.now()).setParameter("user", user).executeUpdate();
            }
            return new VendorRule(keys.iterator().next(), name, account);
        });
    }

    /** The rule for a vendor as read from a receipt, if the accountant taught one. */
    public Optional<VendorRule> find(ClientId client, String readVendor) {
        Optional<String> key = VendorKey.of(readVendor);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return writes.store().read(session -> byKey(session, client, key.get()));
    }

    /**
     * The client's rules as the extractor looks them up. Each lookup reads the database, so the rules
     * are current however long the lookup is kept.
     */
    public VendorRules rules(ClientId client) {
        return key -> writes.store().read(session -> byKey(session, client, key));
    }

    /** The client's rules by vendor key. */
    public List<VendorRule> list(ClientId client) {
        return writes.store().read(session -> query(session, client, Optional.empty()));
    }

    private static Optional<VendorRule> byKey(Session session, ClientId client, String key) {
        return query(session, client, Optional.of(key)).stream().findFirst();
    }

    private static List<VendorRule> query(Session session, ClientId client, Optional<String> key) {
        return session.doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select vendor_key, vendor_name, account_id from vendor_rules
                    where client_id = ? and (? is null or vendor_key = ?) order by vendor_key
                    """)) {
                select.setObject(1, client.value());
                select.setString(2, key.orElse(null));
                select.setString(3, key.orElse(null));
                List<VendorRule> found = new ArrayList<>();
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(new VendorRule(rows.getString(1), rows.getString(2),
                                Optional.ofNullable(rows.getObject(3, UUID.class)).map(AccountId::new)));
                    }
                }
                return found;
            }
        });
    }

    private static void checkAccount(Session session, ClientId client, AccountId id) {
        AccountEntity entity = session.find(AccountEntity.class, id.value());
        if (entity == null || !entity.toDomain().client().equals(client)) {
            throw new DomainException(DomainError.INVALID_STATE,
                    "The category chosen is not an account of this client; choose one of the client's accounts.");
        }
    }
}
