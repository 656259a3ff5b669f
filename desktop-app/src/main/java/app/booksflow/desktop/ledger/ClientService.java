package app.booksflow.desktop.ledger;

import app.booksflow.desktop.audit.AuditEntry;
import app.booksflow.desktop.audit.RiskRules;
import app.booksflow.desktop.store.TextKeys;
import app.booksflow.desktop.store.entity.AccountEntity;
import app.booksflow.desktop.store.entity.ClientEntity;
import app.booksflow.desktop.store.entity.PracticeEntity;
import app.booksflow.desktop.store.entity.TaxCodeEntity;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.EntityType;
import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.id.AccountId;
import app.booksflow.model.id.ClientId;
import app.booksflow.model.ledger.ChartOfAccounts;
import app.booksflow.model.ledger.ChartTemplate;
import app.booksflow.model.ledger.TaxCode;
import app.booksflow.model.practice.Client;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The practice's clients: taking one on, listing them, and closing their books up to a date. */
public final class ClientService {

    private final Writes writes;

    ClientService(Writes writes) {
        this.writes = writes;
    }

    /** A new client with the small-business chart of accounts and its country's default tax codes. */
    public Client create(NewClient spec, String user) {
        return writes.run(user, context -> {
            PracticeEntity practice = PracticeService.find(context.session()).orElseThrow(() -> new DomainException(
                    DomainError.INVALID_STATE, "Set up the practice before taking on clients."));
            String key = TextKeys.lower(spec.name());
            boolean taken = context.session().createSelectionQuery("select name from ClientEntity", String.class)
                    .getResultList().stream().anyMatch(name -> TextKeys.lower(name).equals(key));
            if (taken) {
                throw new DomainException(DomainError.DUPLICATE, "There is already a client called " + spec.name() + ".");
            }
            Client client = new Client(ClientId.random(), practice.toDomain().id(), spec.name(), spec.baseCurrency(),
                    spec.fiscalYearStart(), Optional.empty());
            ChartOfAccounts chart = ChartTemplate.smallBusiness().instantiate(client.id(), AccountId::random);
            List<TaxCode> taxCodes = DefaultTaxCodes.forCountry(spec.country(), client.id(), chart);
            context.session().persist(ClientEntity.from(client));
            chart.accounts().forEach(account -> context.session().persist(AccountEntity.from(account)));
            taxCodes.forEach(code -> context.session().persist(TaxCodeEntity.from(code)));
            context.audit(AuditEntry.of(client.id(), EntityType.CLIENT, client.id().value(), AuditAction.CREATE, null,
                    client, RiskRules.of(AuditAction.CREATE, false, false), "Took on " + client.name() + " ("
                            + client.baseCurrency() + ", " + chart.accounts().size() + " accounts, " + taxCodes.size()
                            + " tax codes)"));
            chart.accounts().forEach(account -> context.publish(client.id(), EntityType.ACCOUNT, account.id().value(), account));
            taxCodes.forEach(code -> context.publish(client.id(), EntityType.TAX_CODE, code.id().value(), code));
            return client;
        });
    }

    public List<Client> list() {
        return writes.store().read(session -> session
                .createSelectionQuery("from ClientEntity", ClientEntity.class).getResultList()
                .stream().map(ClientEntity::toDomain)
                .sorted(Comparator.comparing(Client::name, TextKeys.ORDER).thenComparing(client -> client.id().toString()))
                .toList());
    }

    public Optional<Client> find(ClientId id) {
        return writes.store().read(session -> Optional.ofNullable(session.find(ClientEntity.class, id.value()))
                .map(ClientEntity::toDomain));
    }

    /**
     * Closes the books up to the date (everything on or before it becomes unchangeable), moves the
     * closing date back, or with an empty date reopens everything. Closing refuses while drafts remain
     * in the period: they could never be posted afterwards.
     */
    public Client changeClosingDate(ClientId id, Optional<LocalDate> closingDate, String user) {
        return writes.run(user, context -> applyClosingDate(context, id, closingDate));
    }

    static Client applyClosingDate(WriteContext context, ClientId id, Optional<LocalDate> closingDate) {
        ClientEntity entity = context.clientEntity(id);
        Client before = entity.toDomain();
        if (before.closingDate().equals(closingDate)) {
            return before;
        }
        boolean closesMore = closingDate.isPresent()
                && before.closingDate().map(old -> closingDate.get().isAfter(old)).orElse(true);
        if (closesMore) {
            long drafts = context.session().createSelectionQuery("""
                    select count(t) from TransactionEntity t
                    where t.clientId = :client and t.status = 'DRAFT' and t.date <= :closing
                    """, Long.class)
                    .setParameter("client", id.value()).setParameter("closing", closingDate.get()).getSingleResult();
            if (drafts > 0) {
                throw new DomainException(DomainError.INVALID_STATE, drafts + " draft transaction"
                        + (drafts == 1 ? " is" : "s are") + " dated on or before " + closingDate.get()
                        + "; post or delete " + (drafts == 1 ? "it" : "them") + " before closing the books.");
            }
        }
        Client after = before.withClosingDate(closingDate.orElse(null));
        entity.update(after);
        AuditAction action = closesMore ? AuditAction.CLOSE_PERIOD : AuditAction.REOPEN_PERIOD;
        String summary = closesMore ? "Closed the books of " + after.name() + " up to " + closingDate.get()
                : "Reopened the books of " + after.name() + closingDate.map(d -> "; now closed up to " + d)
                        .orElse("; no period is closed");
        context.audit(AuditEntry.of(id, EntityType.CLIENT, id.value(), action, before, after,
                RiskRules.of(action, false, false), summary));
        return after;
    }
}
