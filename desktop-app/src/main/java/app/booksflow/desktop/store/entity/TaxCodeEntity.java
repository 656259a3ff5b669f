package app.booksflow.desktop.store.entity;

import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.TaxCodeId;
import app.booksflow.model.ledger.TaxCode;
import app.booksflow.model.money.TaxRate;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.UUID;

@Entity
@Table(name = "tax_codes")
public class TaxCodeEntity {

    @Id
    private UUID id;

    @Column(name = "client_id", nullable = false)
    private UUID clientId;

    @Column(nullable = false, length = 16)
    private String code;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(name = "rate_percent", nullable = false, precision = 7, scale = 4)
    private BigDecimal ratePercent;

    @Column(name = "tax_account_id", nullable = false)
    private UUID taxAccountId;

    protected TaxCodeEntity() {
    }

    public static TaxCodeEntity from(TaxCode taxCode) {
        TaxCodeEntity entity = new TaxCodeEntity();
        entity.id = taxCode.id().value();
        entity.update(taxCode);
        return entity;
    }

    public void update(TaxCode taxCode) {
        clientId = taxCode.client().value();
        code = taxCode.code();
        name = taxCode.name();
        ratePercent = taxCode.rate().percent();
        taxAccountId = taxCode.taxAccount().value();
    }

    public TaxCode toDomain() {
        return new TaxCode(new TaxCodeId(id), new ClientId(clientId), code, name, new TaxRate(ratePercent),
                new AccountId(taxAccountId));
    }
}
