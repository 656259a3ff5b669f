package app.booksflow.desktop.syncstate;

import app.booksflow.json.BooksFlowJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The two versions of an inbox item side by side, field by field: the top-level fields of this device's
 * JSON ("mine") and the server's ("theirs"), and a merge that takes the server's version with the
 * chosen fields from this device's. Nested values (a transaction's split lines) count as one field, so a
 * merge never mixes half of one side's lines with half of the other's.
 */
public final class ConflictFields {

    private static final ObjectMapper JSON = BooksFlowJson.newMapper();

    /** One top-level field; a side that lacks the field (or the whole version) is empty. */
    public record Field(String name, Optional<JsonNode> mine, Optional<JsonNode> theirs) {
        public boolean differs() {
            return !mine.equals(theirs);
        }
    }

    private ConflictFields() {
    }

    /** Every top-level field of either side: the server's order first, then fields only this device has. */
    public static List<Field> of(Optional<String> mine, Optional<String> theirs) {
        ObjectNode m = mine.map(ConflictFields::object).orElse(null);
        ObjectNode t = theirs.map(ConflictFields::object).orElse(null);
        Set<String> names = new LinkedHashSet<>();
        if (t != null) {
            t.fieldNames().forEachRemaining(names::add);
        }
        if (m != null) {
            m.fieldNames().forEachRemaining(names::add);
        }
        List<Field> fields = new ArrayList<>(names.size());
        for (String name : names) {
            fields.add(new Field(name, field(m, name), field(t, name)));
        }
        return fields;
    }

    /** The names of the fields whose values differ between the two sides, in the order of {@link #of}. */
    public static List<String> differing(Optional<String> mine, Optional<String> theirs) {
        return of(mine, theirs).stream().filter(Field::differs).map(Field::name).toList();
    }

    /**
     * The server's version with the named fields taken from this device's: a named field this device
     * lacks is left out of the result. Fields not named stay as the server has them.
     */
    public static String merge(String mine, String theirs, Set<String> fromMine) {
        ObjectNode m = object(mine);
        ObjectNode merged = object(theirs).deepCopy();
        for (String name : fromMine) {
            JsonNode value = m.get(name);
            if (value == null) {
                merged.remove(name);
            } else {
                merged.set(name, value.deepCopy());
            }
        }
        // Replacing a field keeps its place in the server's order; a field new to the server goes last.
        return merged.toString();
    }

    private static Optional<JsonNode> field(ObjectNode node, String name) {
        if (node == null) {
            return Optional.empty();
        }
        JsonNode value = node.get(name);
        return value == null || value.isMissingNode() ? Optional.empty() : Optional.of(value);
    }

    private static ObjectNode object(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new IllegalArgumentException("A version of an inbox item is not a JSON object: " + abbreviated(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("A version of an inbox item is not JSON: " + abbreviated(json), e);
        }
    }

    private static String abbreviated(String json) {
        return json.length() <= 80 ? json : json.substring(0, 79) + "…";
    }
}
