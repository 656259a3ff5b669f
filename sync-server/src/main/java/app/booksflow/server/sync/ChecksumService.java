package app.booksflow.server.sync;

import app.booksflow.model.EntityType;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.protocol.ClientChecksum;
import app.booksflow.protocol.ClientChecksum.AccountBalance;
import app.booksflow.protocol.Cursor;
import app.booksflow.protocol.ProtocolVersion;
import app.booksflow.server.accounts.Caller;
import app.booksflow.server.db.Db;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The server's side of the convergence proof: counts, a hash over versions, the trial balance, as of a change. */
public final class ChecksumService {

    private final Db db;

    public ChecksumService(Db db) {
        this.db = db;
    }

    public ClientChecksum checksum(Caller caller, ClientId client) {
        // One snapshot: the change position and the figures it gives must be of the same moment.
        return db.snapshot("checksum", c -> {
            ClientAccess.require(c, caller, client);
            long head;
            try (PreparedStatement select = c.prepareStatement("select change_seq from clients where id = ?")) {
                select.setObject(1, client.value());
                try (ResultSet row = select.executeQuery()) {
                    head = row.next() ? row.getLong(1) : 0;
                }
            }
            Map<EntityType, Long> counts = new EnumMap<>(EntityType.class);
            MessageDigest digest = sha256();
            try (PreparedStatement select = c.prepareStatement(
                    "select id, entity_type, version from entities where client_id = ? and not deleted order by id")) {
                select.setObject(1, client.value());
                select.setFetchSize(5000);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        counts.merge(EntityType.valueOf(row.getString(2)), 1L, Long::sum);
                        digest.update((row.getObject(1, UUID.class) + ":" + row.getLong(3) + "\n")
                                .getBytes(StandardCharsets.UTF_8));
                    }
                }
            }
            List<AccountBalance> balances = new ArrayList<>();
            try (PreparedStatement select = c.prepareStatement("""
                    select account_id, sum(amount_minor) from postings where client_id = ?
                    group by account_id having sum(amount_minor) <> 0 order by account_id""")) {
                select.setObject(1, client.value());
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        balances.add(new AccountBalance(new AccountId(row.getObject(1, UUID.class)), row.getLong(2)));
                    }
                }
            }
            return new ClientChecksum(ProtocolVersion.CURRENT, client, counts,
                    HexFormat.of().formatHex(digest.digest()), balances, new Cursor(Long.toString(head)));
        });
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
