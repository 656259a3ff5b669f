package app.booksflow.archfixture;

import org.junit.platform.commons.util.StringUtils;

/** Breaks the shared-model rule on purpose: a third-party utility where the JDK would do. */
public class UsesALibrary {

    public boolean isMissing(String value) {
        return StringUtils.isBlank(value);
    }
}
