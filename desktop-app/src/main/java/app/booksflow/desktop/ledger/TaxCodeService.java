package app.booksflow.desktop.ledger;

import app.booksflow.desktop.audit.AuditEntry;
import app.booksflow.desktop.audit.RiskRules;
import app.booksflow.desktop.store.entity.TaxCodeEntity;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.EntityType;
import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.TaxCodeId;
import app.booksflow.model.ledger.AccountType;
import app.booksflow.model.ledger.TaxCode;
import app.booksflow.model.money.TaxRate;
import java.util.List;

/**
 * A client's tax codes. A code's rate never changes once created: posted transactions were booked
 * with it. A new rate is a new code.
 */
public final class TaxCodeService {

    private final Writes writes;

    TaxCodeService(Writes writes) {
        this.writes = writes;
    }

    public List<TaxCode> list(ClientId client) {
        return writes.store().read(session -> session
                .createSelectionQuery("from TaxCodeEntity where clientId = :client order by code", TaxCodeEntity.class)
                .setParameter("client", client.value()).getResultList().stream().map(TaxCodeEntity::toDomain).toList());
    }

    public TaxCode create(ClientId client, String code, String name, TaxRate rate, AccountId taxAccount, String user) {
        return writes.run(user, context -> {
            var chart = context.chart(client);
            AccountType type = chart.type(taxAccount).orElseThrow(() -> new DomainException(DomainError.INVALID_STATE,
                    "The tax account is not one of this client's accounts."));
            if (type != AccountType.ASSET && type != AccountType.LIABILITY) {
                throw new DomainException(DomainError.INVALID_STATE,
                        "Tax is booked to a tax receivable or payable account, not to " + chart.account(taxAccount)
                                .orElseThrow() + ".");
            }
            TaxCode taxCode = new TaxCode(TaxCodeId.random(), client, code, name, rate, taxAccount);
            boolean taken = !context.session()
                    .createSelectionQuery("select 1 from TaxCodeEntity where clientId = :client and code = :code",
                            Integer.class)
                    .setParameter("client", client.value()).setParameter("code", taxCode.code()).getResultList().isEmpty();
            if (taken) {
                throw new DomainException(DomainError.DUPLICATE, "Tax code " + taxCode.code() + " already exists.");
            }
            context.session().persist(TaxCodeEntity.from(taxCode));
            chart.add(taxCode);
            context.audit(AuditEntry.of(client, EntityType.TAX_CODE, taxCode.id().value(), AuditAction.CREATE, null,
                    taxCode, RiskRules.of(AuditAction.CREATE, false, false),
                    "Added tax code " + taxCode.code() + " (" + rate + ")"));
            return taxCode;
        });
    }
}
