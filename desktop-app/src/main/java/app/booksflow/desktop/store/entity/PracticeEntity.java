package app.booksflow.desktop.store.entity;

import app.booksflow.model.id.OrganizationId;
import app.booksflow.model.practice.Organization;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "practices")
public class PracticeEntity {

    @Id
    private UUID id;

    @Column(nullable = false, length = 200)
    private String name;

    protected PracticeEntity() {
    }

    public static PracticeEntity from(Organization practice) {
        PracticeEntity entity = new PracticeEntity();
        entity.id = practice.id().value();
        entity.name = practice.name();
        return entity;
    }

    public Organization toDomain() {
        return new Organization(new OrganizationId(id), name);
    }
}
