package app.booksflow.desktop.search;

/** Where a search term comes from; the weight ranks a payee match above a memo match above an amount. */
public enum SearchField {
    PAYEE(0, 4),
    MEMO(1, 3),
    SPLIT_MEMO(2, 2),
    AMOUNT(3, 1);

    private final int code;
    private final int weight;

    SearchField(int code, int weight) {
        this.code = code;
        this.weight = weight;
    }

    /** The stored TINYINT: stable even if the constants are reordered. */
    public int code() {
        return code;
    }

    int weight() {
        return weight;
    }

    static SearchField ofCode(int code) {
        for (SearchField field : values()) {
            if (field.code == code) {
                return field;
            }
        }
        throw new IllegalArgumentException("No search field " + code);
    }
}
