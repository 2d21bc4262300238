package com.enrollbot.demo;

import java.util.List;

import com.enrollbot.demo.standin.DirectoryUser;

/**
 * The fictional company the demo serves: Tidewater Bicycles of Seattle, about twenty people in one Entra tenant,
 * among them the awkward cases enrollment has to explain (no mobile number, no e-mail, a number without country
 * code, a disabled account, a guest), and a subsidiary in a second tenant for "register a second directory".
 * The Agents Playground configurations at the repository root and under {@code playground/} use these ids.
 * All numbers are in the 555-01xx range that North America keeps for fiction; all domains end in .example.
 */
public final class DemoCompany {

    /**
     * One Entra tenant with its app registration (User.Read.All, consented) and its people. The app has two valid
     * secrets, as during a rotation in Entra ID: the tour registers the directory with the first and rotates it to
     * the second through the Manage dialog.
     */
    public record Tenant(String name, String tenantId, String clientId, String clientSecret, String newClientSecret,
                         List<DirectoryUser> people) {
        public Tenant {
            people = List.copyOf(people);
        }
    }

    private static final String DOMAIN = "tidewater-bikes.example";
    private static final String RENTALS_DOMAIN = "rentals.tidewater-bikes.example";

    /** The Playground's current user: an admin through BOOTSTRAP_ADMIN_IDS in demo mode. */
    public static final DirectoryUser ADMIN = member("c9b155d7-04a2-43a2-8353-982b7d901302", "Morgan Reyes", "morgan.reyes", "+1 206 555 0101");
    /** Granted the helpdesk role when demo mode starts. */
    public static final DirectoryUser HELPDESK = member("8c1fc473-9de2-4b47-bcba-735a8de08ddb", "Priya Natarajan", "priya.natarajan", "+1 206 555 0102");
    /** A complete profile: enrolls at the first try. */
    public static final DirectoryUser COMPLETE_EMPLOYEE = member("19c7b6c8-f28e-41fe-9a03-b684899295f7", "Jonas Berg", "jonas.berg", "+1 206 555 0103");
    public static final DirectoryUser NO_MOBILE = member("5fa736f4-8cdf-483c-aa3d-9b86a2f14732", "Lena Fischer", "lena.fischer", null);
    /** No mailbox, so Graph has no mail for her. */
    public static final DirectoryUser NO_EMAIL = new DirectoryUser("4a8a5fb4-c04c-4563-9211-8e6cb63c3793", "Tomás Ortega",
            "tomas.ortega@" + DOMAIN, null, "+1 206 555 0105", true, "Member");
    /** Typed without +1: the bot reads it with PHONE_DEFAULT_REGION (US). */
    public static final DirectoryUser NO_COUNTRY_CODE = member("c470515b-8cf1-4b5a-a178-6633a8a891ed", "Aiko Tanaka", "aiko.tanaka", "(206) 555-0106");
    public static final DirectoryUser DISABLED = new DirectoryUser("be981827-0b8d-4159-9d89-0314199d2e95", "Ravi Menon",
            "ravi.menon@" + DOMAIN, "ravi.menon@" + DOMAIN, "+1 206 555 0107", false, "Member");
    public static final DirectoryUser GUEST = new DirectoryUser("30132b4e-5ae4-4085-ad36-0a3805991bff", "Sofia Rossi",
            "sofia.rossi_partner.example#EXT#@" + DOMAIN, "sofia.rossi@partner.example", "+1 206 555 0108", true, "Guest");

    public static final Tenant TIDEWATER = new Tenant("Tidewater Bicycles", "bdefab05-9c69-45e1-9099-c6fb56cd20b1",
            "9a15fdb4-670f-4599-bc82-8cd3b82604e8", "tidewater-demo-secret", "tidewater-demo-secret-2", List.of(
            ADMIN, HELPDESK, COMPLETE_EMPLOYEE, NO_MOBILE, NO_EMAIL, NO_COUNTRY_CODE, DISABLED, GUEST,
            member("0b837018-3a21-44ce-b695-31e8a54335d6", "Ben Carter", "ben.carter", "+1 206 555 0109"),
            member("3f9305da-4f8f-4ac8-9e7b-b6a5a45579ab", "Chloé Dubois", "chloe.dubois", "+1 206 555 0110"),
            member("0b781342-278b-4aeb-bfb6-b434e9b23002", "Daniel Kim", "daniel.kim", "+1 206 555 0111"),
            member("5b3e5845-6845-4f82-8fd2-9c902163e657", "Emma Walsh", "emma.walsh", "+1 206 555 0112"),
            member("590cd108-3134-447f-a249-229b4c6c5932", "Felix Novak", "felix.novak", "+1 206 555 0113"),
            member("e2e746f0-7ba2-4af9-8eca-4c8ef0f6a49a", "Grace Liu", "grace.liu", "+1 206 555 0114"),
            member("dbece81a-5e06-4cb6-a1b9-07a47247b6d6", "Hannah Scott", "hannah.scott", "+1 206 555 0115"),
            member("245bd82d-7e8b-4efc-ac33-90944503f5a8", "Isaac Moreno", "isaac.moreno", "+1 206 555 0116"),
            member("242e7ae8-cfec-4e73-a502-fb84eae5b16c", "Julia Park", "julia.park", "+1 206 555 0117"),
            member("422227bc-112e-4e8c-b742-81fadaae9b08", "Kofi Mensah", "kofi.mensah", "+1 206 555 0118"),
            member("3127cbba-e58b-4917-a065-5dc3420d3a6a", "Maya Cohen", "maya.cohen", "+1 206 555 0119"),
            member("0984d1df-211a-4a55-8f4c-e26da9c51471", "Noah Peters", "noah.peters", "+1 206 555 0120")));

    /** Not registered at startup: the tour registers it from Teams with these ids and this secret. */
    public static final Tenant RENTALS = new Tenant("Tidewater Rentals", "401f38d7-1eea-4fc4-a1eb-782e9534726c",
            "fbd3f53c-e147-46db-b0cb-7cf921d605d2", "rentals-demo-secret", "rentals-demo-secret-2", List.of(
            new DirectoryUser("d21564a9-4361-46ad-9b65-3c3a33416c36", "Oskar Lind", "oskar.lind@" + RENTALS_DOMAIN,
                    "oskar.lind@" + RENTALS_DOMAIN, "+1 206 555 0131", true, "Member"),
            new DirectoryUser("e58dba22-869f-45ad-856f-b50288675213", "Paula Greene", "paula.greene@" + RENTALS_DOMAIN,
                    "paula.greene@" + RENTALS_DOMAIN, "+1 206 555 0132", true, "Member"),
            new DirectoryUser("6324bf15-deec-4ac2-bb62-fa705883c993", "Quinn Harper", "quinn.harper@" + RENTALS_DOMAIN,
                    "quinn.harper@" + RENTALS_DOMAIN, null, true, "Member")));

    public static final List<Tenant> TENANTS = List.of(TIDEWATER, RENTALS);

    private DemoCompany() {
    }

    private static DirectoryUser member(String id, String displayName, String alias, String mobilePhone) {
        String address = alias + "@" + DOMAIN;
        return new DirectoryUser(id, displayName, address, address, mobilePhone, true, "Member");
    }
}
