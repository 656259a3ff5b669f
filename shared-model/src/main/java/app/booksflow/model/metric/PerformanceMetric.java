package app.booksflow.model.metric;

import app.booksflow.model.Checks;
import app.booksflow.model.DomainError;
import app.booksflow.model.DomainException;
import app.booksflow.model.id.ClientId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** A measurement such as {@code ocr.processing_time} of 840 ms for one client at a time. */
public record PerformanceMetric(String name, Optional<ClientId> client, BigDecimal value, MetricUnit unit, Instant at) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

    public PerformanceMetric {
        name = Checks.requiredText(name, "The metric name", 100);
        if (!NAME.matcher(name).matches()) {
            throw new DomainException(DomainError.INVALID_FORMAT,
                    "'" + name + "' is not a metric name; use lowercase words joined by dots, such as ocr.processing_time.");
        }
        Checks.required(client, "The client");
        Checks.required(value, "The value");
        Checks.required(unit, "The unit");
        Checks.required(at, "The time of the measurement");
    }
}
