package app.booksflow.desktop.search;

import app.booksflow.model.money.Money;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The textual forms under which an amount is indexed: the way accountants type it in either
 * convention, with and without grouping. Prefix lookup covers the rest: "120" finds 120.00 and
 * 1,200.00, "1.234" finds 1.234,56. The sign is left out; a search for an amount means either way.
 */
final class AmountTerms {

    private AmountTerms() {
    }

    static Set<String> of(Money total) {
        BigDecimal amount = total.abs().amount();
        String plain = amount.toPlainString();
        int dot = plain.indexOf('.');
        String integer = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        Set<String> forms = new LinkedHashSet<>();
        forms.add(integer);
        forms.add(join(integer, "", ".", fraction));
        forms.add(join(integer, "", ",", fraction));
        forms.add(join(integer, ",", ".", fraction));
        forms.add(join(integer, ".", ",", fraction));
        return forms;
    }

    private static String join(String integer, String grouping, String decimal, String fraction) {
        StringBuilder grouped = new StringBuilder();
        int first = integer.length() % 3 == 0 ? 3 : integer.length() % 3;
        grouped.append(integer, 0, first);
        for (int i = first; i < integer.length(); i += 3) {
            grouped.append(grouping).append(integer, i, i + 3);
        }
        return fraction.isEmpty() ? grouped.toString() : grouped + decimal + fraction;
    }
}
