package app.booksflow.testdata;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The names a country's businesses deal with: real chains and utilities, so that search, sorting and
 * OCR vendor rules meet the apostrophes, ampersands, accents and scripts they will meet in practice.
 * Client and customer names are invented from surnames and trades.
 */
final class Catalog {

    enum Section {
        SURNAMES, GIVEN_NAMES,
        /** One trade per {@link BusinessKind}, in declaration order. */
        TRADES,
        CUSTOMER_WORDS, LANDLORDS, UTILITIES, TELECOMS, INSURERS, BANKS, RESTAURANTS, OFFICE_SUPPLIES,
        WHOLESALERS, TRADE_SUPPLIERS, RAIL, HOTELS, TAXIS, AIRLINES, FUEL, CARD_PROCESSORS
    }

    /** A subscription and the size of its monthly fee, in US-dollar-sized units (see {@link Prices}). */
    record Software(String name, double size) {
    }

    static final List<Software> SOFTWARE = List.of(
            new Software("Microsoft 365", 12.50), new Software("Google Workspace", 14.00),
            new Software("Adobe Creative Cloud", 59.99), new Software("Slack", 8.75), new Software("Xero", 30.00),
            new Software("Dropbox", 15.00), new Software("Zoom", 13.33), new Software("Canva", 12.99),
            new Software("Shopify", 39.00), new Software("Mailchimp", 20.00), new Software("1Password", 7.99),
            new Software("Notion", 10.00));

    private static final Map<Country, Catalog> CATALOGS = new EnumMap<>(Country.class);

    private final String businessFormat;
    private final boolean familyNameFirst;
    private final Map<Section, List<String>> sections = new EnumMap<>(Section.class);

    private Catalog(String businessFormat, boolean familyNameFirst) {
        this.businessFormat = businessFormat;
        this.familyNameFirst = familyNameFirst;
    }

    static Catalog of(Country country) {
        return CATALOGS.get(country);
    }

    List<String> list(Section section) {
        return sections.get(section);
    }

    /** A business name in the country's style, such as "Smith Plumbing &amp; Heating Ltd" or "株式会社山田電気工事". */
    String businessName(String name, String trade) {
        return businessFormat.replace("{name}", name).replace("{trade}", trade);
    }

    /** Two partners' names for a business, when one name alone is taken. */
    String partners(String first, String second) {
        return familyNameFirst ? first + "・" + second : first + " & " + second;
    }

    String personName(String given, String surname) {
        return familyNameFirst ? surname + " " + given : given + " " + surname;
    }

    private Catalog with(Section section, String... entries) {
        sections.put(section, List.of(entries));
        return this;
    }

    static {
        CATALOGS.put(Country.UNITED_KINGDOM, new Catalog("{name} {trade} Ltd", false)
                .with(Section.SURNAMES, "Smith", "Patel", "Jones", "O'Connor", "Williams", "Taylor", "Brown", "Hughes", "Khan", "Evans")
                .with(Section.GIVEN_NAMES, "Oliver", "Amelia", "Harry", "Priya", "Jack", "Sophie", "Mohammed", "Emily")
                .with(Section.TRADES, "Café", "Home & Garden", "Plumbing & Heating", "Consulting")
                .with(Section.CUSTOMER_WORDS, "Dental Practice", "Logistics", "Properties", "Architects", "Motors", "Lettings")
                .with(Section.LANDLORDS, "Grosvenor Property Management", "Savills Commercial", "Kingsway Estates")
                .with(Section.UTILITIES, "British Gas", "Octopus Energy", "EDF Energy")
                .with(Section.TELECOMS, "BT Business", "Vodafone UK", "Virgin Media O2")
                .with(Section.INSURERS, "Hiscox", "Aviva", "Simply Business")
                .with(Section.BANKS, "Barclays", "NatWest", "Lloyds Bank")
                .with(Section.RESTAURANTS, "Pret A Manger", "Wagamama", "Nando's", "The Red Lion", "Dishoom", "Costa Coffee")
                .with(Section.OFFICE_SUPPLIES, "Ryman", "Viking", "Amazon Business", "Currys")
                .with(Section.WHOLESALERS, "Booker Wholesale", "Brakes", "Bestway")
                .with(Section.TRADE_SUPPLIERS, "Screwfix", "Travis Perkins", "Toolstation")
                .with(Section.RAIL, "Trainline", "Avanti West Coast", "LNER")
                .with(Section.HOTELS, "Premier Inn", "Travelodge", "Hilton Manchester")
                .with(Section.TAXIS, "Uber", "Addison Lee")
                .with(Section.AIRLINES, "British Airways", "easyJet")
                .with(Section.FUEL, "Shell", "BP", "Esso")
                .with(Section.CARD_PROCESSORS, "SumUp", "Square", "Zettle by PayPal"));
        CATALOGS.put(Country.UNITED_STATES, new Catalog("{name} {trade} LLC", false)
                .with(Section.SURNAMES, "Miller", "Garcia", "Johnson", "Nguyen", "Patel", "O'Brien", "Kowalski", "Rivera", "Washington", "Kim")
                .with(Section.GIVEN_NAMES, "James", "Maria", "Michael", "Linh", "David", "Ashley", "Carlos", "Jennifer")
                .with(Section.TRADES, "Coffee Co.", "Outfitters", "Plumbing & HVAC", "Advisory")
                .with(Section.CUSTOMER_WORDS, "Dental Group", "Logistics", "Realty", "Architects", "Auto Repair", "Property Management")
                .with(Section.LANDLORDS, "Brookfield Properties", "Main Street Realty", "Cushman & Wakefield")
                .with(Section.UTILITIES, "Con Edison", "PG&E", "Duke Energy")
                .with(Section.TELECOMS, "Verizon Business", "AT&T", "Comcast Business")
                .with(Section.INSURERS, "The Hartford", "State Farm", "Next Insurance")
                .with(Section.BANKS, "Chase", "Bank of America", "Wells Fargo")
                .with(Section.RESTAURANTS, "Chipotle", "Starbucks", "Panera Bread", "Olive Garden", "Shake Shack", "Joe's Diner")
                .with(Section.OFFICE_SUPPLIES, "Staples", "Office Depot", "Amazon Business", "Best Buy")
                .with(Section.WHOLESALERS, "Costco Business Center", "Sysco", "Restaurant Depot")
                .with(Section.TRADE_SUPPLIERS, "The Home Depot", "Lowe's", "Ferguson")
                .with(Section.RAIL, "Amtrak", "NJ Transit")
                .with(Section.HOTELS, "Marriott", "Hampton Inn", "Hyatt Regency")
                .with(Section.TAXIS, "Uber", "Lyft")
                .with(Section.AIRLINES, "Delta Air Lines", "United Airlines", "Southwest Airlines")
                .with(Section.FUEL, "Shell", "Chevron", "ExxonMobil")
                .with(Section.CARD_PROCESSORS, "Square", "Stripe", "Clover"));
        CATALOGS.put(Country.GERMANY, new Catalog("{name} {trade} GmbH", false)
                .with(Section.SURNAMES, "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Wagner", "Hoffmann", "Schäfer", "Koch")
                .with(Section.GIVEN_NAMES, "Lukas", "Anna", "Jonas", "Lea", "Felix", "Marie", "Maximilian", "Sophie")
                .with(Section.TRADES, "Café", "Haushaltswaren", "Elektrotechnik", "Unternehmensberatung")
                .with(Section.CUSTOMER_WORDS, "Zahnarztpraxis", "Logistik", "Immobilien", "Architekten", "Autohaus", "Hausverwaltung")
                .with(Section.LANDLORDS, "Vonovia Gewerbe", "Immobilien Schreiber KG", "Hausverwaltung Berger")
                .with(Section.UTILITIES, "Stadtwerke München", "Vattenfall", "E.ON Energie")
                .with(Section.TELECOMS, "Deutsche Telekom", "Vodafone", "1&1")
                .with(Section.INSURERS, "Allianz", "HUK-Coburg", "AXA Versicherung")
                .with(Section.BANKS, "Sparkasse", "Commerzbank", "Deutsche Bank")
                .with(Section.RESTAURANTS, "Block House", "Vapiano", "Gasthaus Zur Linde", "Café Extrablatt", "dean&david", "Backwerk")
                .with(Section.OFFICE_SUPPLIES, "Böttcher AG", "Viking", "Amazon Business", "MediaMarkt")
                .with(Section.WHOLESALERS, "METRO", "Transgourmet", "Selgros")
                .with(Section.TRADE_SUPPLIERS, "Würth", "Hornbach", "Sonepar")
                .with(Section.RAIL, "Deutsche Bahn", "FlixTrain")
                .with(Section.HOTELS, "Motel One", "IntercityHotel", "Leonardo Hotels")
                .with(Section.TAXIS, "FREENOW", "Taxi Berlin")
                .with(Section.AIRLINES, "Lufthansa", "Eurowings")
                .with(Section.FUEL, "Aral", "Shell", "TotalEnergies")
                .with(Section.CARD_PROCESSORS, "SumUp", "Zettle by PayPal", "Stripe"));
        CATALOGS.put(Country.JAPAN, new Catalog("株式会社{name}{trade}", true)
                .with(Section.SURNAMES, "山田", "佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤", "中村", "小林", "加藤")
                .with(Section.GIVEN_NAMES, "太郎", "花子", "翔太", "美咲", "健", "結衣", "大輔", "さくら")
                .with(Section.TRADES, "カフェ", "雑貨店", "電気工事", "コンサルティング")
                .with(Section.CUSTOMER_WORDS, "商事", "物産", "建設", "不動産", "製作所", "運輸")
                .with(Section.LANDLORDS, "三井不動産", "住友不動産", "東急リバブル")
                .with(Section.UTILITIES, "東京電力エナジーパートナー", "東京ガス", "関西電力")
                .with(Section.TELECOMS, "NTTドコモ", "ソフトバンク", "KDDI")
                .with(Section.INSURERS, "東京海上日動", "損保ジャパン", "三井住友海上")
                .with(Section.BANKS, "三菱UFJ銀行", "みずほ銀行", "三井住友銀行")
                .with(Section.RESTAURANTS, "スターバックス", "吉野家", "ドトールコーヒー", "大戸屋", "すき家", "居酒屋 和民")
                .with(Section.OFFICE_SUPPLIES, "アスクル", "ヨドバシカメラ", "ビックカメラ", "Amazon.co.jp")
                .with(Section.WHOLESALERS, "業務スーパー", "コストコ", "肉のハナマサ")
                .with(Section.TRADE_SUPPLIERS, "モノタロウ", "コーナン", "カインズ")
                .with(Section.RAIL, "JR東日本", "JR東海", "東京メトロ")
                .with(Section.HOTELS, "東横イン", "アパホテル", "ドーミーイン")
                .with(Section.TAXIS, "日本交通", "GO")
                .with(Section.AIRLINES, "ANA", "JAL")
                .with(Section.FUEL, "ENEOS", "出光", "コスモ石油")
                .with(Section.CARD_PROCESSORS, "Square", "Airペイ", "楽天ペイ"));
        CATALOGS.put(Country.BAHRAIN, new Catalog("{name} {trade} W.L.L.", false)
                .with(Section.SURNAMES, "Al Hashimi", "Al Najjar", "Haddad", "Al Ansari", "Salman", "Al Qassab", "Matar", "Al Sayegh")
                .with(Section.GIVEN_NAMES, "Ahmed", "Fatima", "Ali", "Maryam", "Hussain", "Zainab", "Yusuf", "Noora")
                .with(Section.TRADES, "Café", "Trading", "Electrical Contracting", "Consultancy")
                .with(Section.CUSTOMER_WORDS, "Trading", "Contracting", "Real Estate", "Logistics", "Medical Centre", "Motors")
                .with(Section.LANDLORDS, "Seef Properties", "Al Zamil Real Estate", "Diyar Al Muharraq")
                .with(Section.UTILITIES, "Electricity & Water Authority")
                .with(Section.TELECOMS, "Batelco", "stc Bahrain", "Zain Bahrain")
                .with(Section.INSURERS, "Bahrain National Insurance", "Solidarity", "GIG Bahrain")
                .with(Section.BANKS, "National Bank of Bahrain", "BBK", "Ahli United Bank")
                .with(Section.RESTAURANTS, "Haji's Café", "Coco's", "Saffron by Jena", "Costa Coffee", "Shawarma Ahmed", "Lanterns")
                .with(Section.OFFICE_SUPPLIES, "Jashanmal", "Sharaf DG", "Ansar Gallery")
                .with(Section.WHOLESALERS, "Lulu Hypermarket", "Al Jazira Supermarket", "Carrefour")
                .with(Section.TRADE_SUPPLIERS, "Ace Hardware", "YK Almoayyed & Sons", "Nasser Hardware")
                .with(Section.RAIL, "Bahrain Public Transport")
                .with(Section.HOTELS, "Gulf Hotel", "Downtown Rotana", "The Diplomat Radisson Blu")
                .with(Section.TAXIS, "Careem", "Uber")
                .with(Section.AIRLINES, "Gulf Air", "Emirates")
                .with(Section.FUEL, "Bapco Energies")
                .with(Section.CARD_PROCESSORS, "BenefitPay", "Tap Payments", "Credimax"));
        CATALOGS.put(Country.FRANCE, new Catalog("{trade} {name} SARL", false)
                .with(Section.SURNAMES, "Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Laurent", "Girard", "Roux", "Fontaine", "Chevalier")
                .with(Section.GIVEN_NAMES, "Camille", "Louis", "Léa", "Hugo", "Chloé", "Lucas", "Manon", "Théo")
                .with(Section.TRADES, "Boulangerie", "Boutique", "Plomberie", "Conseil")
                .with(Section.CUSTOMER_WORDS, "Cabinet dentaire", "Transports", "Immobilier", "Architectes", "Garage", "Syndic")
                .with(Section.LANDLORDS, "Foncia", "Nexity", "SCI Les Tilleuls")
                .with(Section.UTILITIES, "EDF", "Engie", "TotalEnergies Électricité")
                .with(Section.TELECOMS, "Orange", "SFR Business", "Bouygues Telecom")
                .with(Section.INSURERS, "AXA", "MAAF", "Groupama")
                .with(Section.BANKS, "BNP Paribas", "Crédit Agricole", "Société Générale")
                .with(Section.RESTAURANTS, "Brasserie Lipp", "Paul", "Le Petit Bistro", "Café de Flore", "Big Mamma", "Pret A Manger")
                .with(Section.OFFICE_SUPPLIES, "Bureau Vallée", "Fnac", "Amazon Business", "JPG")
                .with(Section.WHOLESALERS, "Metro France", "Promocash", "Transgourmet")
                .with(Section.TRADE_SUPPLIERS, "Leroy Merlin", "Point.P", "Cedeo")
                .with(Section.RAIL, "SNCF Connect", "Ouigo")
                .with(Section.HOTELS, "Ibis", "Novotel", "Hôtel Mercure")
                .with(Section.TAXIS, "G7", "Uber")
                .with(Section.AIRLINES, "Air France", "Transavia")
                .with(Section.FUEL, "TotalEnergies", "Esso", "Intermarché")
                .with(Section.CARD_PROCESSORS, "SumUp", "Lydia Pro", "Stripe"));
    }
}
