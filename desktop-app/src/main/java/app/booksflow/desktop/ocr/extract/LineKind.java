package app.booksflow.desktop.ocr.extract;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the label of a receipt line says its amount is. */
enum LineKind {
    GRAND_TOTAL, TOTAL, SUBTOTAL, TAX, TAX_TOTAL, EXTRA, CASH, CARD, CHANGE, NOT_MONEY, ITEM;

    private static final Pattern IGNORED = Pattern.compile("\\b(total\\s*(savings?|saved|discounts?|items?|qty|quantity|"
            + "number|no\\.? of|pieces|pcs|points|units|count|weight|articles?)|items?\\s*(total|count|sold)|"
            + "you saved|savings|number of items|no\\.? of items|anzahl|artikel\\s*\\d|nombre d.articles|"
            + "points|loyalty|rewards?|tip suggestion|suggested tip|"
            + "(vat|gst|tax|tva|mwst|ust|abn|uen)\\s*(reg|regn|registration|no\\b|number|id\\b|#|nr)|"
            + "ust-?id|steuer-?nr|steuernummer|siret|siren|abn|uen|tax invoice|tax id|ein\\b|invoice no)");
    private static final Pattern SUBTOTAL_WORD = Pattern.compile("\\b(sub\\s*-?\\s*total|subtot|zwischensumme|"
            + "sous\\s*-?\\s*total|subtotaal|netto\\w*|net\\s*(amount|total|sales|betrag)|total\\s*(ht|h\\.t|excl\\w*|"
            + "before tax|net|hors)|amount before tax|taxable\\s*(amount|sales)?|excl\\w*\\.?\\s*(vat|gst|tax)|"
            + "base imponible|imponibile|montant ht)\\b|^\\W*net\\b(?!\\s*a\\s*payer)|小計");
    private static final Pattern TOTAL_WORD = Pattern.compile("\\b(total|totals|totale|summe|gesamt\\w*|betrag|"
            + "montant|importe|amount|balance|brutto|to pay|a payer|zu zahlen|a pagar|totaal)\\b|合計|お会計");
    private static final Pattern GRAND = Pattern.compile("\\b(grand\\s*total|amount\\s*due|balance\\s*due|total\\s*due|"
            + "total\\s*ttc|ttc|total\\s*to\\s*pay|net\\s*a\\s*payer|a\\s*payer|zu\\s*zahlen|gesamtbetrag|"
            + "total\\s*a\\s*pagar|total\\s*amount|amount\\s*payable|total\\s*payable|total\\s*eur|total\\s*incl\\w*)\\b|"
            + "合計");
    private static final Pattern TAX_WORD = Pattern.compile("\\b(vat|gst|hst|pst|qst|tax|taxes|sales\\s*tax|mw\\w?st|"
            + "ust|tva|iva|btw|moms|steuer|消費税)\\b|消費税|税");
    private static final Pattern INCLUDING = Pattern.compile("\\b(incl\\w*|inkl\\w*|including|ttc)\\b|税込|内税");
    /** The head of a tax table ("MwSt Netto Steuer Brutto"): its amounts are on the rows below. */
    private static final Pattern TAX_TABLE_HEAD = Pattern.compile("\\b(net|netto|ht|nett)\\b.*\\b(gross|brutto|ttc|total)\\b");
    /** What a bill adds to the subtotal besides tax: a tip or a service charge. */
    private static final Pattern EXTRA_WORD = Pattern.compile("\\b(tip|tips|gratuity|trinkgeld|pourboire|propina|"
            + "service charge|service|svc chg|svc charge|bedienungsgeld)\\b");
    /** "Total includes GST 0.60" states the tax, where "Total incl. GST 6.60" states the total. */
    private static final Pattern INCLUDES = Pattern.compile("\\b(includes|included|enthalten|dont)\\b");
    /** Digits OCR put for letters inside a word: T0TAL, SUBT0TAL, 5UBTOTAL. */
    private static final Pattern LETTER_SLIPS = Pattern.compile("(?<=\\p{L})[015](?=\\p{L})|[015](?=\\p{L}{3})");
    private static final Pattern CHANGE_WORD = Pattern.compile("\\b(change|change due|ruckgeld|wechselgeld|rendu|"
            + "monnaie|a rendre|cambio|vuelto|resto|お釣り)\\b|お釣り|おつり");
    private static final Pattern CASH_WORD = Pattern.compile("^\\W*(cash|tendered|amount tendered|tend|bar|"
            + "bargeld|gegeben|especes|efectivo|contanti)\\b|\\b(cash tendered|tendered|gegeben)\\b|お預|現金");
    private static final Pattern CARD_WORD = Pattern.compile("^\\W*(visa|mastercard|master card|amex|"
            + "american express|card|credit|debit|eftpos|ec-?karte|girocard|carte|cb|nets|paywave|contactless|"
            + "maestro|jcb|apple pay|google pay|paid|payment)\\b|\\b(card payment|paid by|credit card|debit card)\\b");

    static LineKind of(String line) {
        String text = Normalizer.normalize(line, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        text = LETTER_SLIPS.matcher(text).replaceAll(m -> switch (m.group()) {
            case "0" -> "o";
            case "1" -> "l";
            default -> "s";
        });
        if (IGNORED.matcher(text).find() || isTaxTableHead(text)) {
            return NOT_MONEY;
        }
        if (SUBTOTAL_WORD.matcher(text).find()) {
            return SUBTOTAL;
        }
        Matcher total = TOTAL_WORD.matcher(text);
        Matcher tax = TAX_WORD.matcher(text);
        boolean hasTotal = total.find();
        boolean hasTax = tax.find();
        if (hasTax && hasTotal) {
            boolean totalFirst = total.start() < tax.start();
            if (totalFirst && INCLUDING.matcher(text).find() && !INCLUDES.matcher(text).find()) {
                return GRAND.matcher(text).find() ? GRAND_TOTAL : TOTAL;
            }
            return totalFirst ? TAX_TOTAL : TAX;
        }
        if (GRAND.matcher(text).find()) {
            return GRAND_TOTAL;
        }
        if (EXTRA_WORD.matcher(text).find() && !hasTotal) {
            return EXTRA;
        }
        if (hasTax) {
            return TAX;
        }
        if (CHANGE_WORD.matcher(text).find()) {
            return CHANGE;
        }
        if (hasTotal) {
            return TOTAL;
        }
        if (CASH_WORD.matcher(text).find()) {
            return CASH;
        }
        if (CARD_WORD.matcher(text).find()) {
            return CARD;
        }
        return ITEM;
    }

    static boolean isTaxTableHead(String line) {
        String text = line.toLowerCase(Locale.ROOT);
        return TAX_TABLE_HEAD.matcher(text).find() && text.chars().noneMatch(Character::isDigit);
    }

    boolean isTotal() {
        return this == GRAND_TOTAL || this == TOTAL;
    }
}
