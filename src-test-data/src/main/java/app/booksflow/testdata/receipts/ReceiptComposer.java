package app.booksflow.testdata.receipts;

import app.booksflow.testdata.receipts.Sheet.Align;
import app.booksflow.testdata.receipts.Sheet.Cell;
import app.booksflow.testdata.receipts.Words.Item;
import app.booksflow.testdata.receipts.Words.Trade;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the text of one receipt: what is bought, the arithmetic, the labels real receipts use and the
 * numbers that are not the total (phone, receipt number, time, card digits, tax numbers). All amounts
 * are whole minor units, so the printed figures add up exactly.
 */
final class ReceiptComposer {

    private static final LocalDate FIRST_DAY = LocalDate.of(2023, 1, 1);
    private static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 31);

    /**
     * A composed receipt. For tax added on top (US, invoices, Singapore restaurants):
     * {@code subtotal + serviceCharge + tax + tip = total}. For tax included in the prices:
     * {@code subtotal + serviceCharge = total} and {@code tax} is the part of the total that is tax.
     * Cash payments: {@code cash - change = total}; card payments have cash and change 0.
     */
    record Composed(Sheet sheet, ReceiptCountry country, Layout layout, Trade trade, String vendor, LocalDate date, DatePattern datePattern, String dateText,
            List<Long> itemAmounts, long subtotal, long serviceCharge, long tip, long tax, long total, boolean taxIncluded,
            BigDecimal taxRate, long cash, long change, String totalText) {
    }

    private final Rng rng;
    private final ReceiptCountry country;
    private final Layout layout;
    private final int decimals;
    private final Sheet.Builder sheet = new Sheet.Builder();
    /** An item bought twice on one receipt costs the same both times. */
    private final Map<String, Long> prices = new HashMap<>();

    private ReceiptComposer(Rng rng, ReceiptCountry country, Layout layout) {
        this.rng = rng;
        this.country = country;
        this.layout = layout;
        this.decimals = country.decimals();
    }

    static Composed compose(Rng rng, ReceiptCountry country, Layout layout) {
        return new ReceiptComposer(rng, country, layout).compose();
    }

    private Composed compose() {
        Trade trade = switch (layout) {
            case TILL -> rng.pick(Trade.GROCERY, Trade.CAFE, Trade.HARDWARE, Trade.BOOKS);
            case RESTAURANT -> Trade.RESTAURANT;
            case INVOICE -> Trade.SERVICES;
            case FUEL -> Trade.FUEL;
            case PHARMACY -> Trade.PHARMACY;
        };
        String name = Words.vendor(rng, country, trade);
        String vendor = layout != Layout.INVOICE && rng.chance(0.5) ? name.toUpperCase(Locale.ROOT) : name;
        LocalDate date = FIRST_DAY.plusDays(rng.between(0, (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay())));
        DatePattern pattern = layout == Layout.INVOICE ? invoicePattern() : rng.pick(country.datePatterns());
        String dateText = pattern.format(date);
        List<BigDecimal> rates = country.taxRates(layout, date);
        BigDecimal rate = rng.pick(rates);
        return layout == Layout.INVOICE ? invoice(vendor, date, pattern, dateText, rate)
                : slip(trade, vendor, date, pattern, dateText, rate);
    }

    private DatePattern invoicePattern() {
        return switch (country) {
            case UNITED_STATES -> rng.pick(DatePattern.MDY_SLASH, DatePattern.MON_D_YYYY);
            case UNITED_KINGDOM, AUSTRALIA -> rng.pick(DatePattern.D_MONTH_YYYY, DatePattern.DMY_SLASH, DatePattern.D_MON_YYYY);
            case GERMANY -> DatePattern.DMY_DOT;
            case FRANCE -> DatePattern.DMY_SLASH;
            case SINGAPORE -> rng.pick(DatePattern.DD_MON_YYYY, DatePattern.DMY_SLASH);
            case JAPAN -> rng.pick(DatePattern.ISO, DatePattern.YMD_SLASH);
        };
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Slips: till, restaurant, fuel, pharmacy

    private Composed slip(Trade trade, String vendor, LocalDate date, DatePattern pattern, String dateText,
            BigDecimal rate) {
        boolean taxIncluded = country.taxIncluded(layout);
        String time = time();
        String receiptNo = rng.digits(rng.between(4, 6));
        double headingScale = rng.uniform(1.2, 1.8);
        sheet.center(vendor, headingScale, true);
        Words.address(rng, country).forEach(sheet::center);
        sheet.center(phoneLabel() + Words.phone(rng, country));
        if (country != ReceiptCountry.UNITED_STATES || rng.chance(0.5)) {
            sheet.center(Words.taxId(rng, country));
        }
        sheet.rule(true);
        boolean dateOnTop = rng.chance(0.75);
        if (dateOnTop) {
            dateLines(dateText, time, receiptNo);
        }
        if (layout == Layout.RESTAURANT) {
            sheet.pair("Table " + rng.between(1, 40), guestsLabel() + " " + rng.between(1, 6));
            sheet.left(serverLabel() + " " + rng.pick("Anna", "Tom", "Maria", "Ken", "Sophie", "Raj", "Lea"));
        }
        if (layout == Layout.PHARMACY && rng.chance(0.6)) {
            sheet.left("Rx #" + rng.digits(7) + "  Dr. " + Words.surname(rng, country));
        }
        if (dateOnTop || layout == Layout.RESTAURANT) {
            sheet.rule(true);
        }

        List<Long> amounts = new ArrayList<>();
        if (layout == Layout.FUEL) {
            amounts.add(fuelLine());
            int extras = rng.chance(0.35) ? rng.between(1, 2) : 0;
            amounts.addAll(itemLines(Words.items(country, trade), extras));
        } else {
            int count = switch (layout) {
                case RESTAURANT -> rng.between(2, 8);
                case PHARMACY -> rng.between(1, 5);
                default -> rng.between(1, 12);
            };
            amounts.addAll(itemLines(Words.items(country, trade), count));
        }
        sheet.rule(true);
        long subtotal = amounts.stream().mapToLong(Long::longValue).sum();
        long service = 0;
        long tip = 0;
        long tax;
        long total;
        String totalLabel = totalLabel();
        if (taxIncluded) {
            if (rng.chance(0.5) || layout == Layout.RESTAURANT) {
                sheet.pair(subtotalLabel(), number(subtotal));
            }
            if (layout == Layout.RESTAURANT && country == ReceiptCountry.UNITED_KINGDOM && rng.chance(0.6)) {
                service = percentOf(subtotal, new BigDecimal("12.5"));
                sheet.pair("Optional service 12.5%", number(service));
            }
            total = subtotal + service;
            tax = taxInGross(total, rate);
        } else {
            sheet.pair(subtotalLabel(), number(subtotal));
            if (layout == Layout.RESTAURANT && country == ReceiptCountry.SINGAPORE) {
                service = percentOf(subtotal, BigDecimal.TEN);
                sheet.pair(rng.pick("Service Charge 10%", "Svc Chg 10%"), number(service));
            }
            tax = percentOf(subtotal + service, rate);
            sheet.pair(exclusiveTaxLabel(rate), number(tax));
            total = subtotal + service + tax;
            if (layout == Layout.RESTAURANT && country == ReceiptCountry.UNITED_STATES) {
                sheet.pair(rng.pick("Amount", "Total before tip", "Check Total"), number(total));
                long unit = pow10(decimals);
                tip = percentOf(subtotal, BigDecimal.valueOf(rng.between(15, 22)));
                if (rng.chance(0.5)) {
                    tip = (tip + unit - 1) / unit * unit; // rounded up to whole dollars
                }
                sheet.pair(rng.pick("Tip", "TIP", "Gratuity"), number(tip));
                total += tip;
                totalLabel = rng.pick("TOTAL", "GRAND TOTAL", "Total");
            }
        }
        String totalText = rng.chance(0.6) ? money(total) : number(total);
        sheet.pair(totalLabel, totalText, rng.uniform(1.0, 1.4), rng.chance(0.8));

        long cash = 0;
        long change = 0;
        if (layout != Layout.RESTAURANT && rng.chance(0.45)) {
            cash = tendered(total);
            change = cash - total;
            sheet.pair(cashLabel(), number(cash));
            sheet.pair(changeLabel(), number(change));
        } else {
            cardLines(total);
        }
        if (taxIncluded) {
            includedTaxLines(total, tax, rate);
        }
        sheet.rule(true);
        if (!dateOnTop) {
            dateLines(dateText, time, receiptNo);
        }
        footer(amounts.size());
        double paper = rng.chance(0.7) ? 80 : 58;
        Sheet built = sheet.build(paper, 0, paper == 80 ? 4 : 3);
        return new Composed(built, country, layout, trade, vendor, date, pattern, dateText, List.copyOf(amounts), subtotal, service, tip,
                tax, total, taxIncluded, rate, cash, change, totalText);
    }

    private void dateLines(String dateText, String time, String receiptNo) {
        switch (rng.between(0, 3)) {
            case 0 -> {
                sheet.pair(dateLabel() + " " + dateText, time);
                sheet.left(receiptLabel() + " " + receiptNo);
            }
            case 1 -> sheet.pair(dateText + "  " + time, receiptLabel() + " " + receiptNo);
            case 2 -> {
                sheet.left(dateText + " " + time + "  " + cashierLabel() + " " + rng.between(1, 12));
                sheet.left(receiptLabel() + " " + receiptNo);
            }
            default -> {
                sheet.pair(dateText, time);
                sheet.pair(receiptLabel() + " " + receiptNo, cashierLabel() + " " + rng.between(1, 12));
            }
        }
    }

    private String time() {
        int hour = rng.between(7, 21);
        int minute = rng.between(0, 59);
        if (country == ReceiptCountry.UNITED_STATES && rng.chance(0.6)) {
            return String.format(Locale.ROOT, "%d:%02d %s", hour > 12 ? hour - 12 : hour, minute, hour >= 12 ? "PM" : "AM");
        }
        return String.format(Locale.ROOT, "%02d:%02d", hour, minute)
                + (rng.chance(0.3) ? String.format(Locale.ROOT, ":%02d", rng.between(0, 59)) : "");
    }

    private List<Long> itemLines(List<Item> catalog, int count) {
        List<Long> amounts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Item item = rng.pick(catalog);
            long drawn = price(item.usd());
            long unit = prices.computeIfAbsent(item.name(), name -> drawn);
            int quantity = rng.chance(0.25) ? rng.between(2, 4) : 1;
            long amount = unit * quantity;
            amounts.add(amount);
            if (quantity > 1) {
                if (rng.chance(0.5)) {
                    sheet.pair(quantity + " x " + item.name(), number(amount));
                } else {
                    sheet.left(item.name());
                    sheet.pair("  " + quantity + " @ " + number(unit), number(amount));
                }
            } else {
                sheet.pair(item.name(), number(amount));
            }
        }
        return amounts;
    }

    private long fuelLine() {
        boolean gallons = country == ReceiptCountry.UNITED_STATES;
        double[] range = switch (country) {
            case UNITED_STATES -> new double[] {3.1, 4.6};
            case UNITED_KINGDOM -> new double[] {1.35, 1.62};
            case GERMANY, FRANCE -> new double[] {1.62, 1.98};
            case AUSTRALIA -> new double[] {1.75, 2.25};
            case SINGAPORE -> new double[] {2.55, 3.25};
            case JAPAN -> new double[] {162, 188};
        };
        int priceScale = country == ReceiptCountry.JAPAN ? 0 : 3;
        BigDecimal unitPrice = BigDecimal.valueOf(rng.uniform(range[0], range[1])).setScale(priceScale, RoundingMode.HALF_UP);
        BigDecimal volume = BigDecimal.valueOf(gallons ? rng.uniform(4, 19) : rng.uniform(12, 65))
                .setScale(gallons ? 3 : 2, RoundingMode.HALF_UP);
        long amount = volume.multiply(unitPrice).setScale(decimals, RoundingMode.HALF_UP).movePointRight(decimals)
                .longValueExact();
        String product = switch (country) {
            case UNITED_STATES -> rng.pick("Regular Unleaded", "Premium", "Diesel");
            case GERMANY -> rng.pick("Super E10", "Super E5", "Diesel");
            case FRANCE -> rng.pick("SP95-E10", "SP98", "Gazole");
            case JAPAN -> rng.pick("Regular", "High Octane", "Diesel");
            default -> rng.pick("Unleaded 95", "Super Unleaded", "Diesel");
        };
        sheet.left(rng.pick("Pump ", "PUMP ", "Pump No. ") + rng.between(1, 16));
        sheet.pair(product, number(amount));
        String unitName = gallons ? " GAL" : " L";
        String perUnit = gallons ? "/GAL" : "/L";
        sheet.left("  " + country.formatNumber(volume) + unitName + " @ " + country.formatNumber(unitPrice) + perUnit);
        return amount;
    }

    private void cardLines(long total) {
        String scheme = switch (country) {
            case GERMANY -> rng.pick("girocard", "EC-Karte", "VISA", "Mastercard");
            case FRANCE -> rng.pick("CB", "Carte bancaire", "VISA");
            case AUSTRALIA -> rng.pick("EFTPOS", "VISA", "MASTERCARD");
            case SINGAPORE -> rng.pick("NETS", "VISA", "MASTERCARD");
            default -> rng.pick("VISA", "MASTERCARD", "AMEX", "DEBIT");
        };
        sheet.pair(scheme, number(total));
        sheet.left(rng.pick("Card ************", "Card No: XXXX XXXX XXXX ", "**** ") + rng.digits(4));
        sheet.left(rng.pick("Auth code: ", "AUTH ", "Approval: ") + rng.digits(6) + "  "
                + rng.pick("APPROVED", "Contactless", "Chip"));
    }

    private void includedTaxLines(long total, long tax, BigDecimal rate) {
        long net = total - tax;
        String percent = percent(rate);
        switch (country) {
            case GERMANY -> {
                if (rng.chance(0.6)) {
                    sheet.cells(0.9, false, new Cell(country.taxLabel(), 0, Align.LEFT), new Cell("Netto", 0.45, Align.RIGHT),
                            new Cell("Steuer", 0.72, Align.RIGHT), new Cell("Brutto", 1, Align.RIGHT));
                    sheet.cells(0.9, false, new Cell("A " + percent, 0, Align.LEFT), new Cell(number(net), 0.45, Align.RIGHT),
                            new Cell(number(tax), 0.72, Align.RIGHT), new Cell(number(total), 1, Align.RIGHT));
                } else {
                    sheet.pair("Netto", number(net));
                    sheet.pair(rng.pick("MwSt ", "USt ", "enth. MwSt ") + percent, number(tax));
                }
            }
            case FRANCE -> {
                sheet.pair("Total HT", number(net));
                sheet.pair("TVA " + percent, number(tax));
                if (rng.chance(0.5)) {
                    sheet.pair("Total TTC", number(total));
                }
            }
            case UNITED_KINGDOM -> {
                if (rng.chance(0.5)) {
                    sheet.pair("VAT @ " + percent, number(tax));
                    sheet.pair("Net", number(net));
                } else {
                    sheet.pair(rng.pick("VAT included ", "Incl. VAT ") + percent, number(tax));
                }
            }
            case AUSTRALIA -> sheet.pair(rng.pick("GST included in total", "Total includes GST", "GST incl."), number(tax));
            case SINGAPORE -> sheet.pair(rng.pick("Incl. GST " + percent, "GST " + percent + " incl."), number(tax));
            case JAPAN -> sheet.pair(rng.pick("(Incl. Tax " + percent + ")", "(Tax " + percent + " incl.)",
                    "Consumption Tax " + percent), money(tax));
            case UNITED_STATES -> throw new IllegalStateException("US prices never include sales tax");
        }
    }

    private void footer(int items) {
        if (rng.chance(0.5)) {
            sheet.left(rng.pick("Items: ", "No. of items: ", "Qty: ") + items);
        }
        if (rng.chance(0.35)) {
            sheet.left(rng.pick("Points earned: ", "Loyalty points: ", "Bonus points: ") + rng.between(5, 400));
        }
        sheet.center(layout == Layout.RESTAURANT ? restaurantThanks() : switch (country) {
            case GERMANY -> rng.pick("Vielen Dank fuer Ihren Einkauf!", "Danke und auf Wiedersehen", "Vielen Dank!");
            case FRANCE -> rng.pick("Merci de votre visite", "A bientot !", "Merci et bonne journee");
            case UNITED_KINGDOM -> rng.pick("Thank you for your custom", "Thank you, please call again");
            case AUSTRALIA -> rng.pick("Thanks for shopping with us!", "Cheers, see you soon");
            case JAPAN -> rng.pick("Thank you very much", "Please come again");
            default -> rng.pick("Thank you for shopping with us!", "THANK YOU - PLEASE COME AGAIN", "Have a nice day!");
        });
        if (rng.chance(0.4)) {
            sheet.center(rng.digits(4) + " " + rng.digits(4) + " " + rng.digits(4) + " " + rng.digits(2));
        }
    }

    private String restaurantThanks() {
        return switch (country) {
            case GERMANY -> rng.pick("Vielen Dank fuer Ihren Besuch!", "Guten Appetit und bis bald");
            case FRANCE -> rng.pick("Merci de votre visite", "Service compris");
            case JAPAN -> rng.pick("Thank you for dining with us", "Gochisousama deshita");
            default -> rng.pick("Thank you for dining with us!", "Thank you, see you again soon", "Please come again");
        };
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Invoices

    private Composed invoice(String vendor, LocalDate date, DatePattern pattern, String dateText, BigDecimal rate) {
        boolean letter = country == ReceiptCountry.UNITED_STATES;
        String title = switch (country) {
            case GERMANY -> "RECHNUNG";
            case FRANCE -> "FACTURE";
            case AUSTRALIA, SINGAPORE -> "TAX INVOICE";
            default -> "INVOICE";
        };
        List<String> address = Words.address(rng, country);
        sheet.cells(1.9, true, new Cell(vendor, 0, Align.LEFT), new Cell(title, 1, Align.RIGHT));
        sheet.left(address.get(0));
        sheet.left(address.get(1));
        sheet.left(phoneLabel() + Words.phone(rng, country) + "   " + "accounts@"
                + vendor.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "").substring(0, Math.min(12,
                        vendor.replaceAll("[^A-Za-z]", "").length())) + ".example");
        sheet.left(country == ReceiptCountry.UNITED_STATES ? "EIN " + rng.digits(2) + "-" + rng.digits(7)
                : Words.taxId(rng, country));
        sheet.gap();
        sheet.gap();
        String number = "INV-" + date.getYear() + "-" + rng.digits(4);
        LocalDate due = date.plusDays(rng.pick(14, 30, 30, 60));
        String client = Words.surname(rng, country) + " " + rng.pick("Studio", "Holdings", "Architects", "Dental",
                "Design", "Logistics");
        List<String> clientAddress = Words.address(rng, country);
        sheet.pair(billToLabel(), invoiceNoLabel() + " " + number, 1.0, false);
        sheet.pair(client, invoiceDateLabel() + " " + dateText);
        sheet.pair(clientAddress.get(0), dueDateLabel() + " " + pattern.format(due));
        sheet.left(clientAddress.get(1));
        sheet.gap();
        sheet.rule(false);
        sheet.cells(1.0, true, new Cell(descriptionLabel(), 0, Align.LEFT), new Cell(qtyLabel(), 0.6, Align.RIGHT),
                new Cell(unitPriceLabel(), 0.8, Align.RIGHT), new Cell(amountLabel(), 1, Align.RIGHT));
        sheet.rule(false);
        List<Long> amounts = new ArrayList<>();
        List<Item> catalog = Words.items(country, Trade.SERVICES);
        int lines = rng.between(1, 7);
        for (int i = 0; i < lines; i++) {
            Item item = rng.pick(catalog);
            long drawn = price(item.usd());
            long unit = prices.computeIfAbsent(item.name(), name -> drawn);
            int quantity = item.name().contains("hours") ? rng.between(1, 24) : rng.chance(0.6) ? 1 : rng.between(2, 10);
            long amount = unit * quantity;
            amounts.add(amount);
            sheet.cells(1.0, false, new Cell(item.name(), 0, Align.LEFT), new Cell(Integer.toString(quantity), 0.6, Align.RIGHT),
                    new Cell(number(unit), 0.8, Align.RIGHT), new Cell(number(amount), 1, Align.RIGHT));
        }
        sheet.rule(false);
        long subtotal = amounts.stream().mapToLong(Long::longValue).sum();
        long tax = percentOf(subtotal, rate);
        long total = subtotal + tax;
        String totalText = money(total);
        sheet.cells(1.0, false, new Cell(invoiceSubtotalLabel(), 0.55, Align.LEFT), new Cell(number(subtotal), 1, Align.RIGHT));
        sheet.cells(1.0, false, new Cell(invoiceTaxLabel(rate), 0.55, Align.LEFT), new Cell(number(tax), 1, Align.RIGHT));
        sheet.cells(1.2, true, new Cell(invoiceTotalLabel(), 0.55, Align.LEFT), new Cell(totalText, 1, Align.RIGHT));
        sheet.gap();
        sheet.gap();
        sheet.left(paymentTerms(due, pattern));
        sheet.left(bankDetails());
        sheet.gap();
        sheet.left(switch (country) {
            case GERMANY -> "Vielen Dank fuer Ihren Auftrag.";
            case FRANCE -> "Merci pour votre confiance.";
            default -> "Thank you for your business.";
        });
        Sheet built = letter ? sheet.build(215.9, 279.4, 18) : sheet.build(210, 297, 18);
        return new Composed(built, country, layout, Trade.SERVICES, vendor, date, pattern, dateText, List.copyOf(amounts), subtotal, 0, 0,
                tax, total, false, rate, 0, 0, totalText);
    }

    private String paymentTerms(LocalDate due, DatePattern pattern) {
        return switch (country) {
            case GERMANY -> "Zahlbar ohne Abzug bis " + pattern.format(due) + ".";
            case FRANCE -> "Paiement a 30 jours. Penalites de retard : 3 fois le taux legal.";
            default -> "Payment terms: " + rng.pick("30 days", "14 days net", "due on receipt") + ". Reference: "
                    + rng.digits(6);
        };
    }

    private String bankDetails() {
        return switch (country) {
            case UNITED_STATES -> "ACH: Routing " + rng.digits(9) + "  Account " + rng.digits(10);
            case UNITED_KINGDOM -> "Sort code " + rng.digits(2) + "-" + rng.digits(2) + "-" + rng.digits(2) + "  Account "
                    + rng.digits(8);
            case GERMANY -> "IBAN DE" + rng.digits(2) + " " + rng.digits(4) + " " + rng.digits(4) + " " + rng.digits(4) + " "
                    + rng.digits(4) + " " + rng.digits(2) + "  BIC COBADEFFXXX";
            case FRANCE -> "IBAN FR76 " + rng.digits(4) + " " + rng.digits(4) + " " + rng.digits(4) + " " + rng.digits(4) + " "
                    + rng.digits(4) + " " + rng.digits(3);
            case AUSTRALIA -> "BSB " + rng.digits(3) + "-" + rng.digits(3) + "  Account " + rng.digits(8);
            case SINGAPORE -> "Bank: DBS  Account " + rng.digits(3) + "-" + rng.digits(6) + "-" + rng.digits(1);
            case JAPAN -> "Bank transfer: Branch " + rng.digits(3) + "  Ordinary " + rng.digits(7);
        };
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Amounts

    /** A shop price near the item's usual price, in minor units, with the endings shops like. */
    private long price(double usd) {
        double local = usd * country.priceScale() * rng.uniform(0.8, 1.25);
        if (decimals == 0) {
            return StrictMath.round(local / 10) * 10;
        }
        long cents = StrictMath.round(local * 100);
        return switch (rng.between(0, 3)) {
            case 0 -> cents / 10 * 10 + 9;
            case 1 -> cents / 50 * 50 + (cents < 50 ? 50 : 0);
            default -> cents;
        };
    }

    private long percentOf(long minor, BigDecimal percent) {
        return BigDecimal.valueOf(minor).multiply(percent).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** The tax contained in a price that includes it: gross * rate / (100 + rate). */
    private static long taxInGross(long gross, BigDecimal percent) {
        return BigDecimal.valueOf(gross).multiply(percent).divide(percent.add(BigDecimal.valueOf(100)), 0,
                RoundingMode.HALF_UP).longValueExact();
    }

    /** Notes and coins handed over: the next round sum at or above the total, sometimes exact. */
    private long tendered(long total) {
        if (rng.chance(0.15)) {
            return total;
        }
        long unit = pow10(decimals);
        long[] notes = decimals == 0 ? new long[] {1000, 2000, 5000, 10000}
                : new long[] {5 * unit, 10 * unit, 20 * unit, 50 * unit, 100 * unit};
        for (long note : notes) {
            if (note >= total) {
                return rng.chance(0.8) ? note : note * 2;
            }
        }
        long big = notes[notes.length - 1];
        return (total + big - 1) / big * big;
    }

    private static long pow10(int exponent) {
        long value = 1;
        for (int i = 0; i < exponent; i++) {
            value *= 10;
        }
        return value;
    }

    private String number(long minor) {
        return country.formatNumber(BigDecimal.valueOf(minor, decimals));
    }

    private String money(long minor) {
        BigDecimal amount = BigDecimal.valueOf(minor, decimals);
        if (country == ReceiptCountry.AUSTRALIA && rng.chance(0.5)) {
            return "AUD " + country.formatMoney(amount);
        }
        if (country == ReceiptCountry.SINGAPORE && rng.chance(0.4)) {
            return "SGD " + country.formatNumber(amount);
        }
        if ((country == ReceiptCountry.GERMANY || country == ReceiptCountry.FRANCE) && rng.chance(0.3)) {
            return country.formatNumber(amount) + " EUR";
        }
        return country.formatMoney(amount);
    }

    private String percent(BigDecimal rate) {
        String plain = rate.stripTrailingZeros().toPlainString();
        if (country == ReceiptCountry.GERMANY || country == ReceiptCountry.FRANCE) {
            plain = plain.replace('.', ',');
        }
        return plain + "%";
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Labels

    private String totalLabel() {
        return switch (country) {
            case UNITED_STATES -> rng.pick("TOTAL", "AMOUNT DUE", "BALANCE DUE", "GRAND TOTAL", "Total");
            case UNITED_KINGDOM -> rng.pick("TOTAL", "BALANCE DUE", "AMOUNT DUE", "TOTAL TO PAY");
            case GERMANY -> rng.pick("SUMME", "Summe EUR", "GESAMT", "Zu zahlen", "TOTAL");
            case FRANCE -> rng.pick("TOTAL", "TOTAL TTC", "NET A PAYER", "A PAYER");
            case AUSTRALIA -> rng.pick("TOTAL", "TOTAL AUD", "AMOUNT DUE", "BALANCE DUE");
            case SINGAPORE -> rng.pick("TOTAL", "GRAND TOTAL", "Total (SGD)", "NETT TOTAL");
            case JAPAN -> rng.pick("TOTAL", "Total", "AMOUNT DUE");
        };
    }

    private String subtotalLabel() {
        return switch (country) {
            case GERMANY -> rng.pick("Zwischensumme", "ZWISCHENSUMME");
            case FRANCE -> rng.pick("SOUS-TOTAL", "Sous-total");
            case UNITED_KINGDOM -> rng.pick("SUBTOTAL", "Sub-total", "SUB TOTAL");
            default -> rng.pick("SUBTOTAL", "Subtotal", "SUB TOTAL", "Sub-total");
        };
    }

    private String exclusiveTaxLabel(BigDecimal rate) {
        return switch (country) {
            case UNITED_STATES -> rng.pick("Sales Tax", "SALES TAX", "Tax " + percent(rate), "TAX");
            case SINGAPORE -> "GST " + percent(rate);
            default -> country.taxLabel() + " " + percent(rate);
        };
    }

    private String cashLabel() {
        return switch (country) {
            case UNITED_STATES -> rng.pick("CASH", "CASH TEND", "Cash");
            case UNITED_KINGDOM -> rng.pick("CASH", "CASH TENDERED", "Cash");
            case GERMANY -> rng.pick("BAR", "Gegeben", "Bar EUR");
            case FRANCE -> rng.pick("ESPECES", "Especes");
            case JAPAN -> rng.pick("Cash", "Cash Received");
            default -> rng.pick("CASH", "Cash");
        };
    }

    private String changeLabel() {
        return switch (country) {
            case UNITED_STATES -> rng.pick("CHANGE", "CHANGE DUE", "Change");
            case GERMANY -> rng.pick("Rueckgeld", "Zurueck", "RUECKGELD");
            case FRANCE -> rng.pick("RENDU", "Rendu monnaie");
            case JAPAN -> "Change";
            default -> rng.pick("CHANGE", "Change");
        };
    }

    private String dateLabel() {
        return switch (country) {
            case GERMANY -> "Datum:";
            case FRANCE -> rng.pick("Date :", "Le");
            default -> rng.pick("Date:", "DATE", "Date");
        };
    }

    private String receiptLabel() {
        return switch (country) {
            case UNITED_STATES -> rng.pick("Receipt #", "Trans #", "TRN");
            case GERMANY -> rng.pick("Bon-Nr.", "Beleg-Nr.");
            case FRANCE -> rng.pick("Ticket", "Ticket No");
            default -> rng.pick("Receipt No.", "Receipt:", "Rcpt");
        };
    }

    private String cashierLabel() {
        return switch (country) {
            case GERMANY -> rng.pick("Kasse", "Bed.");
            case FRANCE -> rng.pick("Caisse", "Hote");
            case UNITED_KINGDOM -> rng.pick("Till", "Op");
            case AUSTRALIA -> rng.pick("Operator", "Reg");
            default -> rng.pick("Cashier", "Reg", "Staff");
        };
    }

    private String phoneLabel() {
        return switch (country) {
            case GERMANY -> "Tel. ";
            case FRANCE -> "Tel : ";
            default -> rng.pick("Tel: ", "Ph: ", "Phone ");
        };
    }

    private String guestsLabel() {
        return switch (country) {
            case GERMANY -> "Personen";
            case FRANCE -> "Couverts";
            default -> rng.pick("Guests", "Covers", "Pax");
        };
    }

    private String serverLabel() {
        return switch (country) {
            case GERMANY -> "Bedienung:";
            case FRANCE -> "Serveur :";
            default -> rng.pick("Server:", "Served by", "Staff:");
        };
    }

    private String billToLabel() {
        return switch (country) {
            case GERMANY -> "Rechnungsempfaenger:";
            case FRANCE -> "Facture a :";
            default -> rng.pick("Bill To:", "Invoice to:", "Customer:");
        };
    }

    private String invoiceNoLabel() {
        return switch (country) {
            case GERMANY -> "Rechnungsnr.:";
            case FRANCE -> "Facture No :";
            default -> rng.pick("Invoice No:", "Invoice #", "Invoice Number:");
        };
    }

    private String invoiceDateLabel() {
        return switch (country) {
            case GERMANY -> "Rechnungsdatum:";
            case FRANCE -> "Date de facture :";
            default -> rng.pick("Invoice Date:", "Date:", "Date of issue:");
        };
    }

    private String dueDateLabel() {
        return switch (country) {
            case GERMANY -> "Faellig am:";
            case FRANCE -> "Echeance :";
            default -> rng.pick("Due Date:", "Payment due:");
        };
    }

    private String descriptionLabel() {
        return switch (country) {
            case GERMANY -> "Beschreibung";
            case FRANCE -> "Designation";
            default -> "Description";
        };
    }

    private String qtyLabel() {
        return switch (country) {
            case GERMANY -> "Menge";
            case FRANCE -> "Qte";
            default -> "Qty";
        };
    }

    private String unitPriceLabel() {
        return switch (country) {
            case GERMANY -> "Einzelpreis";
            case FRANCE -> "Prix unit.";
            default -> "Unit Price";
        };
    }

    private String amountLabel() {
        return switch (country) {
            case GERMANY -> "Betrag";
            case FRANCE -> "Montant";
            default -> "Amount";
        };
    }

    private String invoiceSubtotalLabel() {
        return switch (country) {
            case GERMANY -> rng.pick("Nettobetrag", "Zwischensumme");
            case FRANCE -> "Total HT";
            case UNITED_KINGDOM -> rng.pick("Subtotal", "Net total");
            default -> "Subtotal";
        };
    }

    private String invoiceTaxLabel(BigDecimal rate) {
        return switch (country) {
            case UNITED_STATES -> "Sales Tax " + percent(rate);
            case GERMANY -> rng.pick("USt. ", "MwSt. ", "zzgl. USt. ") + percent(rate);
            case JAPAN -> "Consumption Tax " + percent(rate);
            default -> country.taxLabel() + " " + percent(rate);
        };
    }

    private String invoiceTotalLabel() {
        return switch (country) {
            case UNITED_STATES -> rng.pick("Total", "Amount Due", "Balance Due");
            case UNITED_KINGDOM -> rng.pick("Total", "Amount due", "Total due");
            case GERMANY -> rng.pick("Gesamtbetrag", "Rechnungsbetrag");
            case FRANCE -> rng.pick("Total TTC", "Net a payer");
            case AUSTRALIA -> rng.pick("Total (incl. GST)", "Amount Due");
            case SINGAPORE -> rng.pick("Total", "Total Amount Due");
            case JAPAN -> rng.pick("Total", "Amount Due");
        };
    }
}
