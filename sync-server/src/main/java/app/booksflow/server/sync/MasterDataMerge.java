package app.booksflow.server.sync;

import app.booksflow.model.EntityType;
import app.booksflow.model.ledger.Account;
import app.booksflow.model.ledger.TaxCode;
import app.booksflow.model.practice.Client;
import app.booksflow.protocol.ChangeKind;
import app.booksflow.protocol.Mutation;
import app.booksflow.protocol.Operation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Field-level last-writer-wins for master data (ADR 0027). A client, account or tax code changed on a
 * device on an older version than the server's is not a conflict: the top-level fields the device
 * changed (its payload against the payload of its base version, which the change log keeps) are
 * applied onto the server's current version, and every other field keeps the server's value. The
 * entity's row lock orders pushes, so for a field both sides changed the later commit wins; device
 * clocks play no part.
 */
final class MasterDataMerge {

    /**
     * A merge decided: the payload to check and store, the fields the device changed, and those of them
     * the server had also changed since the base (the device's value replaced that change).
     */
    record Merge(long baseVersion, long serverVersion, String basePayload, ObjectNode merged, List<String> changed,
            List<String> overwritten) {
    }

    private static final Map<EntityType, Class<? extends Record>> MASTER_DATA = Map.of(
            EntityType.CLIENT, Client.class,
            EntityType.ACCOUNT, Account.class,
            EntityType.TAX_CODE, TaxCode.class);

    private final ObjectMapper json;
    private final SyncStore store;
    private final EntityRules rules;

    MasterDataMerge(ObjectMapper json, SyncStore store, EntityRules rules) {
        this.json = json;
        this.store = store;
        this.rules = rules;
    }

    /** An update of live master data made on an older version than the server's; anything else keeps the version check. */
    static boolean applies(Mutation m, EntityRow existing) {
        return MASTER_DATA.containsKey(m.entityType()) && m.operation() == Operation.UPSERT && existing != null
                && !existing.deleted() && m.baseVersion() >= 1 && m.baseVersion() < existing.version();
    }

    /**
     * The merge of the device's change into the server's current version; empty when the base version's
     * payload is not there to compare with (then the mutation stays a conflict).
     */
    Optional<Merge> merge(Connection c, Batch batch, Mutation m, EntityRow existing) throws Rejection, SQLException {
        Class<? extends Record> type = MASTER_DATA.get(m.entityType());
        Optional<ObjectNode> base = basePayload(c, batch, m).flatMap(payload -> modelled(payload, type));
        Optional<ObjectNode> current = modelled(existing.payload(), type);
        if (base.isEmpty() || current.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode sent = sent(m, base.get(), type);
        Set<String> fields = new LinkedHashSet<>();
        base.get().fieldNames().forEachRemaining(fields::add);
        sent.fieldNames().forEachRemaining(fields::add);
        ObjectNode merged = current.get().deepCopy();
        List<String> changed = new ArrayList<>();
        List<String> overwritten = new ArrayList<>();
        for (String field : fields) {
            JsonNode before = base.get().get(field);
            JsonNode after = sent.get(field);
            if (Objects.equals(before, after)) {
                continue;
            }
            changed.add(field);
            JsonNode server = current.get().get(field);
            if (!Objects.equals(server, before) && !Objects.equals(server, after)) {
                overwritten.add(field);
            }
            if (after == null) {
                merged.remove(field);
            } else {
                merged.set(field, after);
            }
        }
        return Optional.of(new Merge(m.baseVersion(), existing.version(), base.get().toString(), merged,
                List.copyOf(changed), List.copyOf(overwritten)));
    }

    /** The payload at the base version: written earlier in this push, or kept in the change log. */
    private Optional<JsonNode> basePayload(Connection c, Batch batch, Mutation m) throws SQLException {
        for (int i = batch.changes.size() - 1; i >= 0; i--) {
            Batch.Change change = batch.changes.get(i);
            if (change.entityId().equals(m.entityId()) && change.version() == m.baseVersion()) {
                return change.kind() == ChangeKind.UPSERT ? Optional.of(store.parse(change.payload())) : Optional.empty();
            }
        }
        return store.payloadAt(c, m.entityId(), m.baseVersion());
    }

    /**
     * What the device sent, written as the server writes the entity, so that a field compares equal
     * however the device spelled it. A field the device left out keeps the base's value (an older device
     * does not know it), except an optional one: leaving it out is how an empty value is written, so it
     * is compared as empty.
     */
    private ObjectNode sent(Mutation m, ObjectNode base, Class<? extends Record> type) throws Rejection {
        ObjectNode view = base.deepCopy();
        m.payload().fields().forEachRemaining(field -> view.set(field.getKey(), field.getValue()));
        for (String optional : optionalFields(type)) {
            if (!m.payload().has(optional)) {
                view.remove(optional);
            }
        }
        return json.valueToTree(rules.read(m.entityType(), view, type));
    }

    /** The payload as the current model writes it; empty when an old stored payload no longer reads. */
    private Optional<ObjectNode> modelled(JsonNode payload, Class<? extends Record> type) {
        try {
            return payload != null && payload.isObject()
                    ? Optional.of(json.valueToTree(json.treeToValue(payload, type)))
                    : Optional.empty();
        } catch (JsonProcessingException | IllegalArgumentException e) { // the model refuses with a DomainException
            return Optional.empty();
        }
    }

    private static List<String> optionalFields(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents())
                .filter(component -> component.getType() == Optional.class)
                .map(RecordComponent::getName)
                .toList();
    }
}
