package app.booksflow.testdata.receipts;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The words printed on receipts of each country: vendor names, items, addresses. Latin script only. */
final class Words {

    /** What a vendor sells; decides its name and its items. */
    enum Trade { GROCERY, CAFE, HARDWARE, BOOKS, RESTAURANT, FUEL, PHARMACY, SERVICES }

    /** An item and its usual price in US dollars. */
    record Item(String name, double usd) {
    }

    private static final Map<ReceiptCountry, List<String>> PLACES = new EnumMap<>(ReceiptCountry.class);
    private static final Map<ReceiptCountry, List<String>> SURNAMES = new EnumMap<>(ReceiptCountry.class);
    private static final Map<ReceiptCountry, Map<Trade, List<String>>> VENDORS = new EnumMap<>(ReceiptCountry.class);
    private static final Map<Trade, List<Item>> ITEMS = new EnumMap<>(Trade.class);
    private static final Map<ReceiptCountry, Map<Trade, List<Item>>> LOCAL_ITEMS = new EnumMap<>(ReceiptCountry.class);

    static {
        place(ReceiptCountry.UNITED_STATES, "Main Street|Riverside|Oakwood|Maple Leaf|Harbor|Sunset|Lakeview|Pinecrest|Cedar Hill|Elm Street",
                "Miller|Carter|Hughes|Bennett|Foster|Reyes|Coleman|Brooks");
        vendors(ReceiptCountry.UNITED_STATES,
                "{P} Market|{P} Grocers|{S} Family Foods|{P} Food Mart",
                "{P} Coffee House|The Daily Grind|{P} Bakery & Cafe|Bean There Cafe",
                "{P} Hardware|{S} Home & Garden|{S} Lumber Co.|Ace of {P} Hardware",
                "{P} Books|{S} & Sons Booksellers|Blue Door Books",
                "{P} Grill|{S}'s Diner|{P} Kitchen|Lucky Dragon Kitchen|{P} Pizzeria",
                "{P} Gas & Go|{P} Fuel Stop|{S} Service Station",
                "{P} Pharmacy|{S} Drug Store|{P} Drugs",
                "{S} Consulting LLC|{P} Office Supply Inc.|{S} IT Services LLC|{P} Cleaning Co.");
        place(ReceiptCountry.UNITED_KINGDOM, "High Street|Castle|Harbour|Kingsway|Abbey|Market Square|Riverside|Station Road|Oak Lane|Victoria",
                "Fenwick|Hartley|Whitmore|Ashworth|Pemberton|Holloway|Thornton|Gibbs");
        vendors(ReceiptCountry.UNITED_KINGDOM,
                "{P} Food Stores|{S}'s Grocers|{P} Convenience|{P} Local",
                "The Corner Cafe|{P} Coffee Co.|{S}'s Tea Room|{P} Bakehouse",
                "{S} Hardware|{P} DIY|{S} & Sons Ironmongers",
                "{P} Books|{S} Booksellers|Nook & Cranny Books",
                "The Red Lion|The {P} Arms|{S}'s Kitchen|{P} Bistro|The Crown Inn",
                "{P} Service Station|{P} Fuels|{S} Motors",
                "{P} Pharmacy|{S} Chemists|{P} Chemist",
                "{S} Consulting Ltd|{P} Office Supplies Ltd|{S} & Co. Accounts Ltd|{P} Facilities Ltd");
        place(ReceiptCountry.GERMANY, "Lindenhof|am Markt|Rosental|Nordstadt|Schlossberg|am Hafen|Altstadt|Sonnenhof",
                "Schmidt|Weber|Keller|Becker|Hoffmann|Wagner|Lang|Vogel");
        vendors(ReceiptCountry.GERMANY,
                "Markt {P}|Frischemarkt {S}|Nahkauf {S}|Bio-Laden {P}",
                "Backhaus {S}|Cafe {P}|Kaffeehaus {S}|Baeckerei {S}",
                "Baumarkt {S}|Eisenwaren {S}|Werkzeug {S} GmbH",
                "Buchhandlung {S}|Buecherstube {P}",
                "Gasthaus {P}|Restaurant {P}|Trattoria da {S}|Zum Goldenen Hirsch",
                "Tankstelle {P}|Autohof {S}|Tankcenter {S}",
                "Apotheke {P}|Stadt-Apotheke|Linden-Apotheke|Sonnen-Apotheke",
                "{S} IT-Service GmbH|{S} & Partner GmbH|Buerobedarf {S} GmbH|Gebaeudereinigung {S}");
        place(ReceiptCountry.FRANCE, "du Centre|de la Gare|du Port|des Halles|du Marche|de la Place|du Parc|des Lilas",
                "Martin|Bernard|Dubois|Moreau|Laurent|Girard|Roux|Fournier");
        vendors(ReceiptCountry.FRANCE,
                "Epicerie {P}|Marche {S}|Superette {P}|Primeur {S}",
                "Boulangerie {S}|Cafe {P}|Patisserie {S}|Le Petit Cafe",
                "Quincaillerie {S}|Bricolage {P}|Outillage {S}",
                "Librairie {S}|Librairie {P}",
                "Brasserie {P}|Restaurant {P}|Bistrot {S}|Le Lyonnais|Chez {S}",
                "Station {P}|Relais {P}|Garage {S}",
                "Pharmacie {P}|Pharmacie {S}|Grande Pharmacie {P}",
                "{S} Conseil SARL|Bureautique {S} SAS|{S} Informatique SARL|Nettoyage {P} SAS");
        place(ReceiptCountry.AUSTRALIA, "Bondi|Harbourside|Wattle|Coral Bay|Southern Cross|Bayside|Red Gum|Kookaburra|Parkside|Eastwood",
                "Kelly|Nguyen|Walsh|Murphy|Patel|Campbell|Reid|Fraser");
        vendors(ReceiptCountry.AUSTRALIA,
                "{P} Fresh|{P} IGA Grocer|{S}'s Corner Store|{P} Foodworks",
                "{P} Cafe|{P} Espresso|Flat White Co.|{S}'s Bakery",
                "{P} Hardware|{S} Timber & Hardware|{P} Trade Supplies",
                "{P} Books|{S} Booksellers",
                "{P} Grill|The {P} Hotel|{S}'s Bistro|{P} Thai Kitchen",
                "{P} Fuel|{P} Roadhouse|{S} Petroleum",
                "{P} Pharmacy|{P} Chemist|{S} Discount Chemist",
                "{S} Consulting Pty Ltd|{P} Office Supplies Pty Ltd|{S} IT Solutions Pty Ltd");
        place(ReceiptCountry.SINGAPORE, "Orchard|Tanjong|Marina|Jurong|Tiong Bahru|Bukit Timah|Raffles|Katong|Bugis|Serangoon",
                "Tan|Lim|Lee|Ng|Wong|Goh|Chua|Koh");
        vendors(ReceiptCountry.SINGAPORE,
                "{P} Minimart|{S} Provision Shop|{P} Fresh Mart",
                "Kopi Corner|{P} Coffee|{S} Bakery|Ya Kun {P}",
                "{P} Hardware|{S} Trading Hardware|{P} Tools Pte Ltd",
                "{P} Books|{S} Book Centre",
                "Lucky Noodle House|{P} Seafood Restaurant|{S} Kitchen|{P} Bistro|Din Tai {S}",
                "{P} Fuel Station|{P} Petrol Kiosk",
                "{P} Pharmacy|{S} Medical Hall|{P} Health Pharmacy",
                "{S} Consulting Pte Ltd|{P} Office Supplies Pte Ltd|{S} Tech Solutions Pte Ltd");
        place(ReceiptCountry.JAPAN, "Sakura|Fuji|Minato|Aoyama|Ginza|Shibuya|Hinode|Tsubaki|Midori|Asahi",
                "Tanaka|Suzuki|Sato|Kobayashi|Watanabe|Ito|Yamamoto|Nakamura");
        vendors(ReceiptCountry.JAPAN,
                "{P} Mart|{P} Store|{S} Shoten",
                "{P} Coffee|Cafe {P}|{S} Bakery",
                "{S} Hardware|{P} Home Center",
                "{P} Books|{S} Shobo",
                "{P} Ramen|{S} Sushi|{P} Izakaya|{P} Udon",
                "{P} Fuel|{P} Oil Service Station",
                "{P} Pharmacy|{P} Drug|{S} Yakkyoku",
                "{S} Consulting Co., Ltd.|{P} Office Supply Co., Ltd.|{S} Systems K.K.");

        items(Trade.GROCERY, "Milk 2L:3.49|Bread Loaf:2.99|Eggs 12pk:4.29|Bananas:1.69|Apples 1kg:3.99|Cheddar 400g:5.49"
                + "|Orange Juice 1L:3.79|Butter 250g:3.29|Pasta 500g:1.49|Tomatoes:2.59|Chicken Breast:8.99|Rice 2kg:4.99"
                + "|Coffee Beans 250g:7.99|Yogurt 4pk:3.19|Dish Soap:2.79|Paper Towels:5.99");
        items(Trade.CAFE, "Flat White:4.20|Cappuccino:4.50|Latte:4.75|Espresso:2.80|Croissant:3.25|Blueberry Muffin:3.50"
                + "|Bagel Cream Cheese:4.95|Banana Bread:3.95|Iced Tea:3.60|Hot Chocolate:4.10|Toastie:7.50|Orange Juice:3.90");
        items(Trade.HARDWARE, "Wood Screws 100pk:6.49|Claw Hammer:18.99|Masking Tape:4.29|Paint Brush Set:12.99|Light Bulb LED:5.49"
                + "|Extension Cord 5m:15.99|Wall Plugs 50pk:3.99|Sandpaper Pack:7.49|Cable Ties:4.99|Padlock:11.99"
                + "|Tape Measure 8m:13.49|Work Gloves:9.99|Silicone Sealant:8.79|Duct Tape:6.99");
        items(Trade.BOOKS, "Paperback Novel:14.99|Notebook A5:6.50|Greeting Card:4.25|Cookbook:29.99|Travel Guide:22.50"
                + "|Pens 10pk:5.99|Childrens Book:9.99|Magazine:6.95|Bookmark:2.50|Diary 2025:16.00");
        items(Trade.RESTAURANT, "Caesar Salad:11.50|Burger & Fries:16.95|Fish & Chips:17.50|Margherita Pizza:14.00"
                + "|Grilled Salmon:24.50|Steak Frites:28.00|Soup of the Day:7.50|Garlic Bread:5.50|Chicken Curry:15.95"
                + "|Pad Thai:14.50|House Red Glass:9.00|Pint Lager:7.00|Soft Drink:3.50|Sparkling Water:4.00"
                + "|Tiramisu:8.50|Cheesecake:8.00|Coffee:3.50");
        items(Trade.FUEL, "Coffee To Go:2.99|Bottled Water:1.99|Chocolate Bar:1.79|Screen Wash 5L:7.99|Car Wash:9.00"
                + "|Sandwich:4.99|Energy Drink:2.79");
        items(Trade.PHARMACY, "Paracetamol 500mg 16:3.49|Ibuprofen 200mg 24:4.99|Vitamin C 1000mg:8.99|Hand Cream 75ml:6.49"
                + "|Plasters Assorted:4.29|Cough Syrup 200ml:9.49|Sun Cream SPF50:14.99|Toothpaste:3.79"
                + "|Antihistamine 30:10.99|Throat Lozenges:5.29|Eye Drops 10ml:8.49|Multivitamins 60:12.99");
        items(Trade.SERVICES, "Consulting services (hours):95|Website maintenance - monthly:250|Office chairs:189"
                + "|Printer toner cartridge:79|Office cleaning - monthly:420|Software licence (annual):540"
                + "|IT support (hours):85|Copy paper A4 box:42|Bookkeeping support (hours):60|Delivery charge:25");
        local(ReceiptCountry.GERMANY, Trade.GROCERY, "Vollmilch 1L:1.29|Brot Dinkel:3.49|Eier 10 St:3.19|Bananen:1.69"
                + "|Aepfel 1kg:2.99|Gouda 400g:4.49|Butter 250g:2.59|Nudeln 500g:1.29|Tomaten:2.39|Kaffee 500g:7.99"
                + "|Joghurt:0.99|Mineralwasser:0.69|Spuelmittel:1.95");
        local(ReceiptCountry.GERMANY, Trade.CAFE, "Kaffee:2.90|Cappuccino:3.60|Milchkaffee:3.90|Brezel:1.30"
                + "|Butterbrezel:2.20|Croissant:1.80|Apfelkuchen:3.50|Kaesebroetchen:3.20|Tee:2.60");
        local(ReceiptCountry.GERMANY, Trade.RESTAURANT, "Schnitzel Wiener Art:16.90|Currywurst Pommes:9.50"
                + "|Gulaschsuppe:7.50|Salat Bunt:8.90|Flammkuchen:11.50|Pils 0,5l:4.60|Apfelschorle:3.40"
                + "|Weissbier:4.90|Apfelstrudel:6.50|Espresso:2.50");
        local(ReceiptCountry.FRANCE, Trade.GROCERY, "Baguette:1.10|Lait demi-ecreme:1.15|Oeufs x12:3.60|Comte 250g:5.20"
                + "|Pommes 1kg:2.90|Beurre doux:2.45|Yaourt nature x4:1.90|Pates 500g:1.35|Tomates:2.80|Cafe moulu:4.60"
                + "|Eau minerale:0.65|Jambon x4:3.95");
        local(ReceiptCountry.FRANCE, Trade.CAFE, "Cafe:1.90|Cafe creme:3.20|The:2.80|Croissant:1.30|Pain au chocolat:1.45"
                + "|Tarte aux pommes:3.90|Jus d'orange:4.00|Chocolat chaud:3.80|Sandwich jambon:4.90");
        local(ReceiptCountry.FRANCE, Trade.RESTAURANT, "Salade nicoise:13.50|Steak frites:18.90|Croque monsieur:9.50"
                + "|Soupe a l'oignon:8.00|Magret de canard:22.00|Verre de vin rouge:5.50|Carafe d'eau:0.00"
                + "|Creme brulee:7.00|Cafe gourmand:8.50|Biere pression:6.00");
        local(ReceiptCountry.JAPAN, Trade.GROCERY, "Onigiri Salmon:1.10|Green Tea 500ml:1.00|Bento Box:4.50|Milk 1L:1.60"
                + "|Bread Shokupan:1.50|Instant Noodles:1.20|Tofu:0.80|Natto 3pk:0.70|Rice 2kg:7.50|Eggs 10:1.80");
        local(ReceiptCountry.JAPAN, Trade.RESTAURANT, "Shoyu Ramen:6.00|Gyoza 6pc:3.00|Karaage:4.00|Draft Beer:3.50"
                + "|Edamame:2.50|Salmon Sushi Set:12.00|Tempura Udon:7.50|Oolong Tea:2.00|Miso Soup:1.50");
    }

    private Words() {
    }

    private static void place(ReceiptCountry country, String places, String surnames) {
        PLACES.put(country, List.of(places.split("\\|")));
        SURNAMES.put(country, List.of(surnames.split("\\|")));
    }

    /** Name templates per trade, in {@link Trade} order; {P} is a place, {S} a surname. */
    private static void vendors(ReceiptCountry country, String... perTrade) {
        Map<Trade, List<String>> byTrade = new EnumMap<>(Trade.class);
        for (Trade trade : Trade.values()) {
            byTrade.put(trade, List.of(perTrade[trade.ordinal()].split("\\|")));
        }
        VENDORS.put(country, byTrade);
    }

    private static List<Item> parse(String items) {
        return Arrays.stream(items.split("\\|")).map(entry -> {
            int colon = entry.lastIndexOf(':');
            return new Item(entry.substring(0, colon), Double.parseDouble(entry.substring(colon + 1)));
        }).toList();
    }

    private static void items(Trade trade, String items) {
        ITEMS.put(trade, parse(items));
    }

    private static void local(ReceiptCountry country, Trade trade, String items) {
        LOCAL_ITEMS.computeIfAbsent(country, key -> new EnumMap<>(Trade.class)).put(trade, parse(items));
    }

    static String vendor(Rng rng, ReceiptCountry country, Trade trade) {
        String template = rng.pick(VENDORS.get(country).get(trade));
        return template.replace("{P}", rng.pick(PLACES.get(country))).replace("{S}", rng.pick(SURNAMES.get(country)));
    }

    static List<Item> items(ReceiptCountry country, Trade trade) {
        Map<Trade, List<Item>> local = LOCAL_ITEMS.get(country);
        return local != null && local.containsKey(trade) ? local.get(trade) : ITEMS.get(trade);
    }

    static String surname(Rng rng, ReceiptCountry country) {
        return rng.pick(SURNAMES.get(country));
    }

    /** A street address in the country's form, one or two lines. */
    static List<String> address(Rng rng, ReceiptCountry country) {
        int number = rng.between(1, 480);
        return switch (country) {
            case UNITED_STATES -> List.of(number + " " + rng.pick("Main St", "Oak Ave", "Broadway", "Elm St", "Park Blvd",
                    "Market St"), rng.pick("Springfield, IL 62704", "Portland, OR 97205", "Austin, TX 78701",
                    "Columbus, OH 43215", "Denver, CO 80202"));
            case UNITED_KINGDOM -> List.of(number + " " + rng.pick("High Street", "Church Road", "Station Road",
                    "Mill Lane", "Queen Street"), rng.pick("Bristol BS1 4DJ", "Leeds LS1 5AB", "York YO1 7HH",
                    "London N1 9GU", "Bath BA1 1LY"));
            case GERMANY -> List.of(rng.pick("Hauptstr.", "Bahnhofstr.", "Marktplatz", "Lindenweg", "Gartenstr.") + " " + number,
                    rng.pick("10115 Berlin", "80331 Muenchen", "50667 Koeln", "20095 Hamburg", "04109 Leipzig"));
            case FRANCE -> List.of(number + " " + rng.pick("rue de la Paix", "avenue Jean Jaures", "rue du Commerce",
                    "boulevard Victor Hugo", "place de la Mairie"), rng.pick("75002 Paris", "69002 Lyon", "33000 Bordeaux",
                    "31000 Toulouse", "44000 Nantes"));
            case AUSTRALIA -> List.of(number + " " + rng.pick("George St", "Collins St", "King St", "Beach Rd", "Queen St"),
                    rng.pick("Sydney NSW 2000", "Melbourne VIC 3000", "Brisbane QLD 4000", "Perth WA 6000"));
            case SINGAPORE -> List.of(number + " " + rng.pick("Orchard Road", "Tanjong Pagar Road", "Jurong West St 42",
                    "Serangoon Road") + " #0" + rng.between(1, 9) + "-" + rng.between(10, 99),
                    "Singapore " + rng.digits(6));
            case JAPAN -> List.of(rng.between(1, 5) + "-" + rng.between(1, 20) + "-" + rng.between(1, 30) + " "
                    + rng.pick("Ginza, Chuo-ku", "Shibuya, Shibuya-ku", "Umeda, Kita-ku", "Sakae, Naka-ku"),
                    rng.pick("Tokyo 104-0061", "Tokyo 150-0002", "Osaka 530-0001", "Nagoya 460-0008"));
        };
    }

    static String phone(Rng rng, ReceiptCountry country) {
        return switch (country) {
            case UNITED_STATES -> "(" + rng.between(201, 989) + ") " + rng.digits(3) + "-" + rng.digits(4);
            case UNITED_KINGDOM -> "0" + rng.between(1100, 2099) + " " + rng.digits(6);
            case GERMANY -> "0" + rng.between(30, 899) + " " + rng.digits(7);
            case FRANCE -> "0" + rng.between(1, 5) + " " + rng.digits(2) + " " + rng.digits(2) + " " + rng.digits(2) + " "
                    + rng.digits(2);
            case AUSTRALIA -> "(0" + rng.between(2, 8) + ") " + rng.digits(4) + " " + rng.digits(4);
            case SINGAPORE -> "6" + rng.digits(3) + " " + rng.digits(4);
            case JAPAN -> "0" + rng.between(3, 6) + "-" + rng.digits(4) + "-" + rng.digits(4);
        };
    }

    /** The business or tax number receipts print; empty for the US, where receipts print a store number. */
    static String taxId(Rng rng, ReceiptCountry country) {
        return switch (country) {
            case UNITED_STATES -> "Store #" + rng.digits(4);
            case UNITED_KINGDOM -> "VAT No. GB " + rng.digits(3) + " " + rng.digits(4) + " " + rng.digits(2);
            case GERMANY -> rng.chance(0.5) ? "USt-IdNr. DE" + rng.digits(9) : "St.-Nr. " + rng.digits(2) + "/" + rng.digits(3)
                    + "/" + rng.digits(5);
            case FRANCE -> "SIRET " + rng.digits(3) + " " + rng.digits(3) + " " + rng.digits(3) + " " + rng.digits(5);
            case AUSTRALIA -> "ABN " + rng.digits(2) + " " + rng.digits(3) + " " + rng.digits(3) + " " + rng.digits(3);
            case SINGAPORE -> "GST Reg No: M" + rng.between(2, 9) + "-" + rng.digits(7) + "-" + rng.digits(1);
            case JAPAN -> "Reg No. T" + rng.digits(13);
        };
    }
}
