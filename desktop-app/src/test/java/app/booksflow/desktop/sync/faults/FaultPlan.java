package app.booksflow.desktop.sync.faults;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Decides, per exchange, what the proxy does to it. The proxy calls a plan for one exchange at a time, in the order
 * of {@link Exchange#sequence()}, so a plan need not be thread-safe.
 */
@FunctionalInterface
public interface FaultPlan {

    Faults decide(Exchange exchange);

    static FaultPlan none() {
        return exchange -> Faults.NONE;
    }

    static FaultPlan always(Faults faults) {
        Objects.requireNonNull(faults);
        return exchange -> faults;
    }

    /** A seeded random plan; see {@link SeededFaultPlan}. */
    static SeededFaultPlan.Builder seeded(long seed) {
        return SeededFaultPlan.builder(seed);
    }

    /** This plan for the exchanges that match, none for the others (say, only pushes). */
    default FaultPlan onlyFor(Predicate<Exchange> which) {
        Objects.requireNonNull(which);
        return exchange -> which.test(exchange) ? decide(exchange) : Faults.NONE;
    }
}
