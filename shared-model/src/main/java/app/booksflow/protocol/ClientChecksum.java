package app.booksflow.protocol;

import app.booksflow.model.Checks;
import app.booksflow.model.EntityType;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * What a device and the server each compute for one client to prove they hold the same books: the
 * number of live entities per type, a SHA-256 over every live entity's id and version (sorted by id),
 * and the trial balance of posted transactions in minor units of the client's currency.
 *
 * @param asOf the client's position in its change log that the figures reflect (the server's last change, a
 *     device's cursor), or null when not known (a server before this field). Two checksums prove anything only
 *     at the same position: a change committed by another device between a pull and the server's checksum is
 *     not a difference.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientChecksum(int schemaVersion, ClientId clientId, Map<EntityType, Long> counts, String versionsHash,
        List<AccountBalance> trialBalance, Cursor asOf) {

    /** The balance of one account: debits positive, credits negative. Accounts with no postings are left out. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AccountBalance(AccountId accountId, long balanceMinor) {
        public AccountBalance {
            Checks.required(accountId, "The account id");
        }
    }

    public ClientChecksum {
        ProtocolVersion.requireSupported(schemaVersion);
        Checks.required(clientId, "The client id");
        counts = Map.copyOf(Checks.required(counts, "The counts"));
        versionsHash = Checks.requiredText(versionsHash, "The versions hash", 64);
        trialBalance = Checks.immutableList(trialBalance, "The trial balance");
    }
}
