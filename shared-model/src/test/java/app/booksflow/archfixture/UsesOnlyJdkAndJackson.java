package app.booksflow.archfixture;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Keeps the shared-model rule: the JDK and Jackson only. */
public class UsesOnlyJdkAndJackson {

    public ObjectNode describe(List<String> names) {
        return JsonNodeFactory.instance.objectNode().put("count", names.size());
    }
}
