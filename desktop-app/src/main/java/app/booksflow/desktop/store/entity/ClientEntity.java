package app.booksflow.desktop.store.entity;

import app.booksflow.model.id.ClientId;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.money.Currencies;
import app.booksflow.model.practice.Client;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "clients")
public class ClientEntity {

    private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

    @Id
    private UUID id;

    @Column(name = "practice_id", nullable = false)
    private UUID practiceId;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "base_currency", nullable = false, length = 3)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String baseCurrency;

    @Column(name = "fiscal_year_start", nullable = false, length = 5)
    @JdbcTypeCode(SqlTypes.CHAR)
    private String fiscalYearStart;

    @Column(name = "closing_date")
    private LocalDate closingDate;

    protected ClientEntity() {
    }

    public static ClientEntity from(Client client) {
        ClientEntity entity = new ClientEntity();
        entity.id = client.id().value();
        entity.update(client);
        return entity;
    }

    public void update(Client client) {
        practiceId = client.organization().value();
        name = client.name();
        baseCurrency = client.baseCurrency().getCurrencyCode();
        fiscalYearStart = MONTH_DAY.format(client.fiscalYearStart());
        closingDate = client.closingDate().orElse(null);
    }

    public Client toDomain() {
        return new Client(new ClientId(id), new OrganizationId(practiceId), name, Currencies.of(baseCurrency),
                MonthDay.parse("--" + fiscalYearStart), Optional.ofNullable(closingDate));
    }
}
