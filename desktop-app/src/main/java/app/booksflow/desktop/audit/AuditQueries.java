package app.booksflow.desktop.audit;

import app.booksflow.desktop.store.LocalStore;
import app.booksflow.desktop.store.TextKeys;
import app.booksflow.desktop.store.entity.AuditEventEntity;
import app.booksflow.model.audit.RiskLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.hibernate.query.SelectionQuery;

/**
 * The audit trail as the Audit trail screen reads it: filtered, newest first, a page at a time. The
 * conditions are fixed pieces of HQL chosen by which filters are set; the values always go in as
 * parameters.
 */
public final class AuditQueries {

    private final LocalStore store;

    public AuditQueries(LocalStore store) {
        this.store = Objects.requireNonNull(store);
    }

    public AuditPage page(AuditQuery query, int offset, int limit) {
        if (offset < 0 || limit <= 0) {
            throw new IllegalArgumentException("A page starts at 0 or later and holds at least one event");
        }
        return store.read(session -> {
            Where where = Where.of(query);
            long total = where.bind(session.createSelectionQuery("select count(*) from AuditEventEntity" + where.hql,
                    Long.class)).getSingleResult();
            List<AuditRecord> events = where.bind(session.createSelectionQuery(
                            "from AuditEventEntity" + where.hql + " order by at desc, id desc", AuditEventEntity.class))
                    .setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(AuditLog::toRecord).toList();
            return new AuditPage(events, offset, total);
        });
    }

    /**
     * Hands every matching event to {@code each}, newest first, a page per read, so a long trail is
     * never held whole; stops early when {@code each} throws.
     */
    public void forEach(AuditQuery query, int pageSize, Consumer<AuditPage> each) {
        int offset = 0;
        while (true) {
            AuditPage page = page(query, offset, pageSize);
            if (!page.events().isEmpty()) {
                each.accept(page);
            }
            if (!page.hasNext() || page.events().isEmpty()) {
                return;
            }
            offset += page.events().size();
        }
    }

    /** The WHERE clause for the filters that are set, and the values it binds. */
    private record Where(String hql, Map<String, Object> values) {

        static Where of(AuditQuery query) {
            List<String> conditions = new ArrayList<>();
            Map<String, Object> values = new HashMap<>();
            query.client().ifPresent(client -> {
                conditions.add("clientId = :client");
                values.put("client", client.value());
            });
            query.minimumRisk().ifPresent(minimum -> {
                conditions.add("risk in :risks");
                values.put("risks", Arrays.stream(RiskLevel.values()).filter(level -> level.isAtLeast(minimum))
                        .map(Enum::name).toList());
            });
            query.fromInstant().ifPresent(from -> {
                conditions.add("at >= :from");
                values.put("from", from);
            });
            query.untilInstant().ifPresent(until -> {
                conditions.add("at < :until");
                values.put("until", until);
            });
            query.entityType().ifPresent(type -> {
                conditions.add("entityType = :entityType");
                values.put("entityType", type.name());
            });
            query.user().ifPresent(user -> {
                conditions.add("userName ilike :user escape '!'");
                values.put("user", "%" + TextKeys.lower(user).replace("!", "!!").replace("%", "!%")
                        .replace("_", "!_") + "%");
            });
            return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), values);
        }

        <T> SelectionQuery<T> bind(SelectionQuery<T> query) {
            values.forEach(query::setParameter);
            return query;
        }
    }
}
