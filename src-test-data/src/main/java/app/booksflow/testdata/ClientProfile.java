package app.booksflow.testdata;

import java.util.List;
import java.util.Map;

/**
 * Everything about a client's business that stays the same from month to month: what it is, how it
 * grows, its bills, its customers (favourites first) and the vendors it prefers (favourites first).
 */
record ClientProfile(Country country, BusinessKind kind, double yearlyGrowth, List<Bill> bills,
        List<String> customers, Map<Catalog.Section, List<String>> vendors) {

    List<String> vendors(Catalog.Section section) {
        return vendors.get(section);
    }
}
