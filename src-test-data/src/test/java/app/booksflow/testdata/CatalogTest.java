package app.booksflow.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CatalogTest {

    @ParameterizedTest
    @EnumSource(Country.class)
    void everyCountryNamesEverythingABusinessDealsWith(Country country) {
        Catalog catalog = Catalog.of(country);

        for (Catalog.Section section : Catalog.Section.values()) {
            assertThat(catalog.list(section)).as(section.name()).isNotEmpty().doesNotHaveDuplicates();
        }
        assertThat(catalog.list(Catalog.Section.TRADES)).hasSize(BusinessKind.values().length);
    }

    @ParameterizedTest
    @EnumSource(Country.class)
    void everyCountryTaxesItsStandardSupplies(Country country) {
        assertThat(country.rate(Treatment.STANDARD).isPresent()).isEqualTo(country != Country.UNITED_STATES);
        assertThat(country.rate(Treatment.EXEMPT)).isEmpty();
    }
}
