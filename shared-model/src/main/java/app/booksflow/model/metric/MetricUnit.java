package app.booksflow.model.metric;

/** The unit of a performance metric's value. */
public enum MetricUnit {
    MILLISECONDS,
    COUNT,
    PERCENT,
    BYTES,
    PER_SECOND
}
