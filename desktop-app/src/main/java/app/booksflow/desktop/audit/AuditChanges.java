package app.booksflow.desktop.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What an audit event changed, for a reader: the before and after states pretty-printed, and the
 * fields whose values differ ({@code fields.total.value: 12.00 → 14.40}), found by comparing the two
 * JSON documents leaf by leaf.
 */
public final class AuditChanges {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AuditChanges() {
    }

    /** The state indented for reading; a text that is not JSON is returned as it is. */
    public static String pretty(Optional<String> state) {
        if (state.isEmpty()) {
            return "";
        }
        try {
            return JSON.writeValueAsString(JSON.readTree(state.get()));
        } catch (JsonProcessingException e) {
            return state.get();
        }
    }

    /** One line per changed leaf: "path: old → new"; a missing side reads "(none)". */
    public static List<String> differences(Optional<String> before, Optional<String> after) {
        Map<String, String> old = leaves(before);
        Map<String, String> now = leaves(after);
        Set<String> paths = new LinkedHashSet<>(old.keySet());
        paths.addAll(now.keySet());
        List<String> lines = new ArrayList<>();
        for (String path : paths) {
            String was = old.getOrDefault(path, "(none)");
            String is = now.getOrDefault(path, "(none)");
            if (!was.equals(is)) {
                lines.add(path + ": " + was + " → " + is);
            }
        }
        return lines;
    }

    private static Map<String, String> leaves(Optional<String> state) {
        Map<String, String> leaves = new LinkedHashMap<>();
        if (state.isEmpty()) {
            return leaves;
        }
        try {
            collect("", JSON.readTree(state.get()), leaves);
        } catch (JsonProcessingException e) {
            leaves.put("(text)", state.get());
        }
        return leaves;
    }

    private static void collect(String path, JsonNode node, Map<String, String> leaves) {
        if (node.isObject()) {
            node.properties().forEach(field -> collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(),
                    field.getValue(), leaves));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), leaves);
            }
        } else if (!node.isNull()) {
            leaves.put(path.isEmpty() ? "(value)" : path, node.asText());
        }
    }
}
