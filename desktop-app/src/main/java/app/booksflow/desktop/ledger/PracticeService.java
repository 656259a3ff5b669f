package app.booksflow.desktop.ledger;

import app.booksflow.desktop.audit.AuditEntry;
import app.booksflow.desktop.audit.RiskRules;
import app.booksflow.desktop.store.entity.PracticeEntity;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.EntityType;
import app.booksflow.model.audit.AuditAction;
import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.practice.Organization;
import java.util.Optional;
import org.hibernate.Session;

/** The practice this device works for: set up once, before the first client. */
public final class PracticeService {

    private final Writes writes;

    PracticeService(Writes writes) {
        this.writes = writes;
    }

    public Optional<Organization> current() {
        return writes.store().read(PracticeService::find).map(PracticeEntity::toDomain);
    }

    public Organization setUp(String name, String user) {
        return writes.run(user, context -> {
            if (find(context.session()).isPresent()) {
                throw new DomainException(DomainError.DUPLICATE, "The practice is already set up on this device.");
            }
            Organization practice = new Organization(OrganizationId.random(), name);
            context.session().persist(PracticeEntity.from(practice));
            context.audit(AuditEntry.of(null, EntityType.ORGANIZATION, practice.id().value(), AuditAction.CREATE, null,
                    practice, RiskRules.of(AuditAction.CREATE, false, false), "Set up the practice " + practice.name()));
            return practice;
        });
    }

    static Optional<PracticeEntity> find(Session session) {
        return session.createSelectionQuery("from PracticeEntity", PracticeEntity.class).setMaxResults(1)
                .getResultStream().findFirst();
    }
}
