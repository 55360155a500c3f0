package dev.baton.demo;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The sandbox's customers and their people: fictional, but spelled the way real people spell. */
final class DemoCatalogue {

    record Company(String rep, String name, String segment, String territory, String domain, String phonePrefix) {}

    record Names(List<String> first, List<String> last) {}

    private DemoCatalogue() {}

    static final List<Company> COMPANIES = List.of(
            new Company(
                    "rob",
                    "Van Leeuwen Logistiek B.V.",
                    "Enterprise",
                    "Benelux",
                    "vanleeuwen-logistiek.example",
                    "+31 10 555"),
            new Company("rob", "Brauerei Huber GmbH", "Mid-Market", "DACH", "brauerei-huber.example", "+49 89 555"),
            new Company("rob", "Dijkstra Bouwgroep", "Mid-Market", "Benelux", "dijkstra-bouw.example", "+31 50 555"),
            new Company("rob", "Klinikum Oberland", "Enterprise", "DACH", "klinikum-oberland.example", "+49 8821 555"),
            new Company("rob", "Stadtwerke Rheintal", "Enterprise", "DACH", "sw-rheintal.example", "+49 621 555"),
            new Company(
                    "rob", "Zuiderzee Verzekeringen N.V.", "Enterprise", "Benelux", "zuiderzee.example", "+31 20 555"),
            new Company(
                    "rob",
                    "Maschinenbau Keßler AG",
                    "Mid-Market",
                    "DACH",
                    "kessler-maschinenbau.example",
                    "+49 711 555"),
            new Company("rob", "De Vries Foodservice", "SMB", "Benelux", "devries-food.example", "+31 30 555"),
            new Company("rob", "Alpenland Versicherung", "Enterprise", "DACH", "alpenland-vers.example", "+43 1 555"),
            new Company("rob", "Hofmann Pharma GmbH", "Mid-Market", "DACH", "hofmann-pharma.example", "+49 6221 555"),
            new Company("rob", "Brasserie Vandenbroucke", "SMB", "Benelux", "vandenbroucke.example", "+32 9 555"),
            new Company("rob", "Zürcher Privatbank Wenger", "Enterprise", "DACH", "wenger-bank.example", "+41 44 555"),
            new Company("rob", "Groningen Energie Coöperatie", "SMB", "Benelux", "gec-energie.example", "+31 50 556"),
            new Company(
                    "rob",
                    "Schneider & Partner Steuerberatung",
                    "SMB",
                    "DACH",
                    "schneider-partner.example",
                    "+49 40 555"),
            new Company(
                    "rita",
                    "Harrowgate Building Society",
                    "Enterprise",
                    "UK & Ireland",
                    "harrowgate-bs.example",
                    "+44 113 496"),
            new Company(
                    "rita",
                    "O'Sullivan Freight Ltd",
                    "Mid-Market",
                    "UK & Ireland",
                    "osullivan-freight.example",
                    "+353 21 555"),
            new Company("rita", "Nordlys Energi AS", "Enterprise", "Nordics", "nordlys-energi.example", "+47 22 555"),
            new Company("rita", "Kallio Forestry Oy", "Mid-Market", "Nordics", "kallio-forestry.example", "+358 9 555"),
            new Company(
                    "rita", "Bergström Medical AB", "Mid-Market", "Nordics", "bergstrom-medical.example", "+46 8 555"),
            new Company("rita", "Maison Lefèvre SA", "Enterprise", "France", "maison-lefevre.example", "+33 1 55 55"),
            new Company("rita", "Château Duroc Vins", "SMB", "France", "chateau-duroc.example", "+33 5 55 55"),
            new Company(
                    "rita",
                    "Thameside Housing Trust",
                    "Mid-Market",
                    "UK & Ireland",
                    "thameside-housing.example",
                    "+44 20 7946"),
            new Company(
                    "rita",
                    "Cairngorm Distillers",
                    "SMB",
                    "UK & Ireland",
                    "cairngorm-distillers.example",
                    "+44 1479 555"),
            new Company("rita", "Aalborg Vindservice ApS", "SMB", "Nordics", "aalborg-vind.example", "+45 98 555"),
            new Company(
                    "rita",
                    "Banque Rivière & Associés",
                    "Enterprise",
                    "France",
                    "banque-riviere.example",
                    "+33 4 55 55"),
            new Company(
                    "rita", "Pennine Water Ltd", "Enterprise", "UK & Ireland", "pennine-water.example", "+44 161 496"),
            new Company(
                    "rita", "Lumière Retail Group", "Mid-Market", "France", "lumiere-retail.example", "+33 3 55 55"),
            new Company(
                    "rita",
                    "Dublin Port Analytics",
                    "SMB",
                    "UK & Ireland",
                    "dublinport-analytics.example",
                    "+353 1 555"),
            new Company("ravi", "Cascade Timber Co.", "Mid-Market", "US West", "cascade-timber.example", "+1 503 555"),
            new Company(
                    "ravi",
                    "Great Lakes Freight",
                    "Enterprise",
                    "US Central",
                    "greatlakes-freight.example",
                    "+1 312 555"),
            new Company(
                    "ravi", "Bayou Health Partners", "Enterprise", "US South", "bayou-health.example", "+1 504 555"),
            new Company(
                    "ravi",
                    "Lone Star Utilities",
                    "Enterprise",
                    "US South",
                    "lonestar-utilities.example",
                    "+1 512 555"),
            new Company("ravi", "Hudson Valley Orthopedics", "Mid-Market", "US East", "hv-ortho.example", "+1 845 555"),
            new Company(
                    "ravi", "Pioneer Ag Cooperative", "Mid-Market", "US Central", "pioneer-ag.example", "+1 515 555"),
            new Company("ravi", "Sierra Nevada Biotech", "Mid-Market", "US West", "sn-biotech.example", "+1 775 555"),
            new Company(
                    "ravi",
                    "Tidewater Marine Insurance",
                    "Enterprise",
                    "US East",
                    "tidewater-marine.example",
                    "+1 757 555"),
            new Company("ravi", "Keystone Steel Fabricators", "SMB", "US East", "keystone-steel.example", "+1 717 555"),
            new Company("ravi", "Pacific Crest Software", "SMB", "US West", "pacificcrest.example", "+1 206 555"),
            new Company("ravi", "Okanagan Orchards Ltd.", "SMB", "Canada", "okanagan-orchards.example", "+1 250 555"),
            new Company(
                    "ravi",
                    "Caisse Populaire Saint-Laurent",
                    "Mid-Market",
                    "Canada",
                    "cp-saint-laurent.example",
                    "+1 418 555"),
            new Company(
                    "ravi", "Chesapeake Title & Escrow", "SMB", "US East", "chesapeake-title.example", "+1 410 555"),
            new Company(
                    "ravi", "Maple Ridge Credit Union", "Mid-Market", "Canada", "mapleridge-cu.example", "+1 604 555"));

    /** First names and family names as people in each territory write them; combined per contact. */
    static final Map<String, Names> NAMES = Map.of(
            "Benelux",
                    names(
                            "Anouk, Jan-Willem, Sanne, Dirk-Jan, Femke, Joost, Maarten",
                            "de Vries, van den Heuvel, ter Horst, van der Meer, Bakker, Vandenbroucke, de Jong"),
            "DACH",
                    names(
                            "Jürgen, Katharina, Björn, Ulrike, Matthias, Jana, Lukas",
                            "Weiß, von Stein, Müller, Keßler, Öztürk, Schäfer, Brandstätter"),
            "UK & Ireland",
                    names(
                            "Siobhán, Ciarán, Aoife, Niamh, James, Priya, Oliver",
                            "O'Connell, Mac Giolla Phádraig, Ní Dhomhnaill, Fitzgerald-Hughes, Okonkwo, Patel, Whitaker"),
            "Nordics",
                    names(
                            "Åsa, Søren, Lars-Erik, Märta, Jukka, Ingrid, Eirik",
                            "Lindström, Østergaard, Håkansson, Virtanen, Bergqvist, Kjærgaard, Nieminen"),
            "France",
                    names(
                            "François-Xavier, Hélène, Chloé, Benoît, Marie-Claire, Thibault, Inès",
                            "Lefèvre, Dupré, Bénard, de La Tour, Moreau, Garnier, Benali"),
            "Canada",
                    names(
                            "Geneviève, Marc-André, Émilie, Aleksandr, Thandiwe, Liam",
                            "Tremblay, Gagnon, Côté, Petrov, Mokoena, Bouchard"),
            "US",
                    names(
                            "Mei-Ling, José, D'Andre, LaToya, Sean, Kateri, Ryan, Thị Lan",
                            "Chen, Ramírez, Johnson, Brooks, McAllister, Deer, O'Neill, Nguyễn"));

    static final List<String> TITLES = List.of(
            "Head of Procurement",
            "Chief Financial Officer",
            "IT Director",
            "Operations Manager",
            "VP Customer Experience",
            "Facilities Lead",
            "Managing Director",
            "Data Protection Officer",
            "Finance Controller",
            "Office Manager",
            "CTO");

    static final List<String> PREFERENCES = Arrays.asList(
            "Prefers email; no calls before 10:00",
            "Formal address, in their own language please",
            "Wants an agenda 24 h before any meeting",
            null,
            "Works four days; out on Fridays",
            "Prefers Teams over phone",
            "Reads mail once a week: call for anything urgent",
            null,
            "Text before calling",
            "Needs every data-protection question in writing",
            "Thirty-minute meetings, never longer",
            "Busy at quarter end: avoid its last week");

    static Names namesFor(String territory) {
        return NAMES.getOrDefault(territory, NAMES.get("US"));
    }

    private static Names names(String first, String last) {
        return new Names(List.of(first.split(", ")), List.of(last.split(", ")));
    }
}
