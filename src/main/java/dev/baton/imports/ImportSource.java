package dev.baton.imports;

import static dev.baton.imports.ImportKind.ACCOUNTS;
import static dev.baton.imports.ImportKind.COMMITMENTS;
import static dev.baton.imports.ImportKind.CONTACTS;
import static dev.baton.imports.ImportKind.INTERACTIONS;
import static dev.baton.imports.ImportKind.LEADS;
import static dev.baton.imports.ImportKind.PEOPLE;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The system a file comes from, and how its column names map onto Baton's ({@link ImportKind}).
 * Header names are compared without case, spaces or punctuation, so "Account Owner", "ACCOUNT_OWNER"
 * and "accountowner" are one name. Baton's own names are understood whatever the source, unless the source
 * means something else by one (Salesforce's user "Username" is a login shaped like an e-mail address).
 */
public enum ImportSource {
    BATON(Map.of()),
    /** Salesforce report exports ("Account Name") and Data Loader files (API names: "NAME", "OWNERID"). */
    SALESFORCE(Map.of(
            LEADS,
                    aliases(
                            "external_id",
                            "Lead ID",
                            "external_id",
                            "Id",
                            "company",
                            "Company / Account",
                            "first_name",
                            "First Name",
                            "last_name",
                            "Last Name",
                            "email",
                            "Email",
                            "phone",
                            "Phone",
                            "phone",
                            "Mobile",
                            "source",
                            "Lead Source",
                            "campaign",
                            "Campaign Name",
                            "score",
                            "Lead Score",
                            "territory",
                            "Country"),
            ACCOUNTS,
                    aliases(
                            "external_id",
                            "Account ID",
                            "external_id",
                            "Id",
                            "name",
                            "Account Name",
                            "name",
                            "Name",
                            "owner",
                            "Account Owner",
                            "owner",
                            "OwnerId",
                            "owner",
                            "Owner Email",
                            "segment",
                            "Type",
                            "segment",
                            "Account Type",
                            "territory",
                            "Billing Country",
                            "territory",
                            "BillingCountry",
                            "renewal_date",
                            "Renewal Date",
                            "renewal_date",
                            "Renewal_Date__c"),
            CONTACTS,
                    aliases(
                            "external_id",
                            "Contact ID",
                            "external_id",
                            "Id",
                            "account",
                            "Account ID",
                            "account",
                            "AccountId",
                            "first_name",
                            "First Name",
                            "last_name",
                            "Last Name",
                            "full_name",
                            "Full Name",
                            "title",
                            "Title",
                            "email",
                            "Email",
                            "phone",
                            "Phone",
                            "phone",
                            "Mobile",
                            "last_verified_at",
                            "Last Verified",
                            "last_verified_at",
                            "Last_Verified__c",
                            // the primary flag of Salesforce's contact roles (AccountContactRole,
                            // OpportunityContactRole)
                            "primary",
                            "IsPrimary",
                            "primary",
                            "Primary Contact"),
            INTERACTIONS,
                    aliases(
                            "external_id",
                            "Activity ID",
                            "external_id",
                            "Task ID",
                            "external_id",
                            "Id",
                            "account",
                            "Account ID",
                            "account",
                            "AccountId",
                            "account",
                            "WhatId",
                            "contact",
                            "Contact ID",
                            "contact",
                            "WhoId",
                            "kind",
                            "Task Subtype",
                            "kind",
                            "TaskSubtype",
                            "kind",
                            "Type",
                            "summary",
                            "Subject",
                            "summary",
                            "Description",
                            "by",
                            "Assigned",
                            "by",
                            "OwnerId",
                            "occurred_at",
                            "Date",
                            "occurred_at",
                            "ActivityDate",
                            "occurred_at",
                            "Completed Date Time"),
            COMMITMENTS,
                    aliases(
                            "external_id",
                            "Id",
                            "account",
                            "AccountId",
                            "account",
                            "Account ID",
                            "description",
                            "Subject",
                            "made_by",
                            "CreatedById",
                            "made_by",
                            "Created By",
                            "owner",
                            "OwnerId",
                            "owner",
                            "Assigned",
                            "due_date",
                            "ActivityDate",
                            "due_date",
                            "Due Date",
                            "contact",
                            "WhoId",
                            "delivered_at",
                            "CompletedDateTime",
                            "delivered_at",
                            "Completed Date Time"),
            PEOPLE,
                    aliases(
                            "external_id",
                            "User ID",
                            "external_id",
                            "Id",
                            "email",
                            "Email",
                            "full_name",
                            "Full Name",
                            "full_name",
                            "Name",
                            "username",
                            "Alias",
                            // Salesforce's Username is a login shaped like an e-mail address: not read
                            null,
                            "Username",
                            // a user report's Manager is the manager's full name, not a username or e-mail: not read
                            null,
                            "Manager",
                            "active",
                            "IsActive",
                            "active",
                            "Active",
                            "time_zone",
                            "TimeZoneSidKey",
                            "time_zone",
                            "Time Zone"))),
    /** HubSpot exports of companies, contacts, activities and users. */
    HUBSPOT(Map.of(
            LEADS,
                    aliases(
                            "external_id",
                            "Record ID",
                            "external_id",
                            "Contact ID",
                            "company",
                            "Company Name",
                            "first_name",
                            "First Name",
                            "last_name",
                            "Last Name",
                            "email",
                            "Email",
                            "phone",
                            "Phone Number",
                            "source",
                            "Original Source",
                            "campaign",
                            "First Conversion",
                            "score",
                            "HubSpot Score",
                            "territory",
                            "Country/Region"),
            ACCOUNTS,
                    aliases(
                            "external_id",
                            "Record ID",
                            "external_id",
                            "Company ID",
                            "name",
                            "Company name",
                            "name",
                            "Name",
                            "owner",
                            "Company owner",
                            "segment",
                            "Type",
                            "segment",
                            "Lifecycle Stage",
                            "territory",
                            "Country/Region",
                            "territory",
                            "Country",
                            "renewal_date",
                            "Renewal date"),
            CONTACTS,
                    aliases(
                            "external_id",
                            "Record ID",
                            "external_id",
                            "Contact ID",
                            "account",
                            "Associated Company IDs",
                            "account",
                            "Associated Company ID",
                            "account",
                            "Company ID",
                            "account",
                            "Primary Associated Company ID",
                            "account",
                            "Associated Company IDs (Primary)",
                            "account",
                            "Associated Company ID (Primary)",
                            "first_name",
                            "First Name",
                            "last_name",
                            "Last Name",
                            "title",
                            "Job Title",
                            "email",
                            "Email",
                            "phone",
                            "Phone Number",
                            "phone",
                            "Mobile Phone Number",
                            "last_verified_at",
                            "Last verified"),
            INTERACTIONS,
                    aliases(
                            "external_id",
                            "Record ID",
                            "external_id",
                            "Activity ID",
                            "account",
                            "Associated Company IDs",
                            "account",
                            "Associated Company ID",
                            "contact",
                            "Associated Contact IDs",
                            "contact",
                            "Associated Contact ID",
                            "kind",
                            "Activity type",
                            "summary",
                            "Notes",
                            "summary",
                            "Body",
                            "summary",
                            "Subject",
                            "by",
                            "Activity assigned to",
                            "by",
                            "Created by",
                            "occurred_at",
                            "Activity date",
                            "occurred_at",
                            "Create Date"),
            COMMITMENTS,
                    aliases(
                            "external_id",
                            "Record ID",
                            "external_id",
                            "Task ID",
                            "account",
                            "Associated Company IDs",
                            "account",
                            "Associated Company ID",
                            "contact",
                            "Associated Contact IDs",
                            "description",
                            "Task Title",
                            "description",
                            "Title",
                            "made_by",
                            "Created by",
                            "owner",
                            "Assigned to",
                            "owner",
                            "Task owner",
                            "due_date",
                            "Due date"),
            PEOPLE,
                    aliases(
                            "external_id",
                            "User ID",
                            "external_id",
                            "Owner ID",
                            "email",
                            "Email",
                            "first_name",
                            "First Name",
                            "last_name",
                            "Last Name",
                            "team",
                            "Team",
                            "time_zone",
                            "Time zone")));

    /**
     * The association columns HubSpot writes for the primary company of a contact, however it is asked: the only
     * "primary" columns there are (normalised, {@link #normalise}).
     */
    private static final Set<String> PRIMARY_ASSOCIATIONS = Stream.of(
                    "Primary Associated Company ID",
                    "Associated Company IDs (Primary)",
                    "Associated Company ID (Primary)")
            .map(ImportSource::normalise)
            .collect(Collectors.toUnmodifiableSet());

    private final Map<ImportKind, Map<String, String>> headers;
    private final Map<ImportKind, Map<String, String>> aliases = new EnumMap<>(ImportKind.class);

    ImportSource(Map<ImportKind, Map<String, String>> headers) {
        this.headers = headers;
        headers.forEach((kind, names) -> {
            Map<String, String> normalised = new HashMap<>();
            names.forEach((header, field) -> normalised.put(normalise(header), field));
            aliases.put(kind, normalised);
        });
    }

    /**
     * This source's own header names for a {@code kind} of file, each with the Baton column it fills (null for
     * one Baton does not read), in the order this class lists them; empty for Baton's own template.
     */
    Map<String, String> headers(ImportKind kind) {
        return headers.getOrDefault(kind, Map.of());
    }

    /** The source's name as pages show it: "Baton template", "Salesforce", "HubSpot". */
    public String label() {
        return switch (this) {
            case BATON -> "Baton template";
            case SALESFORCE -> "Salesforce";
            case HUBSPOT -> "HubSpot";
        };
    }

    /** Baton's column name for a header of this source's {@code kind} of file, or null when Baton does not use it. */
    public String field(ImportKind kind, String header) {
        String key = normalise(header);
        Map<String, String> named = aliases.getOrDefault(kind, Map.of());
        if (named.containsKey(key)) {
            return named.get(key);
        }
        for (String own : fields(kind)) {
            if (normalise(own).equals(key)) {
                return own;
            }
        }
        return null;
    }

    /**
     * Whether {@code header} is one of this source's columns for the primary one of several associated records
     * ({@link #PRIMARY_ASSOCIATIONS}: HubSpot's "Associated Company IDs (Primary)" beside "Associated Company
     * IDs"): such a column wins over the others of its meaning wherever it stands in the file. Any other header
     * that merely starts or ends with "Primary" ("Primary Phone") is no such column: it is the column the source
     * names it as, or unknown.
     */
    boolean primary(ImportKind kind, String header) {
        return PRIMARY_ASSOCIATIONS.contains(normalise(header)) && field(kind, header) != null;
    }

    private static List<String> fields(ImportKind kind) {
        return Stream.concat(kind.required().stream(), kind.optional().stream()).toList();
    }

    static String normalise(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }

    /**
     * Pairs of (Baton field, header) to a map from the header to the field, in the order given; a null field is a
     * header of the source that Baton does not read, though it has the name of one of Baton's columns.
     */
    private static Map<String, String> aliases(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i + 1], pairs[i]);
        }
        return map;
    }
}
