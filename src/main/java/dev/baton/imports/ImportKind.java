package dev.baton.imports;

import dev.baton.people.Capability;
import java.util.List;

/**
 * What one file holds. Baton's own template names each column as listed here (required ones
 * first); {@link ImportSource} maps a CRM's column names onto them.
 */
public enum ImportKind {
    TEAMS(List.of("key", "name"), List.of()),
    PEOPLE(
            List.of("email", "full_name"),
            List.of(
                    "first_name",
                    "last_name",
                    "username",
                    "team",
                    "roles",
                    "active",
                    "external_id",
                    "time_zone",
                    "manager")),
    ACCOUNTS(List.of("external_id", "name"), List.of("owner", "segment", "territory", "renewal_date")),
    CONTACTS(
            List.of("external_id", "account", "full_name"),
            List.of("first_name", "last_name", "title", "email", "phone", "last_verified_at", "primary")),
    INTERACTIONS(List.of("external_id", "account", "kind", "summary", "by", "occurred_at"), List.of("contact")),
    COMMITMENTS(
            List.of("external_id", "account", "description", "made_by", "due_date"),
            List.of("owner", "delivering_team", "status", "contact", "delivered_at")),
    LEADS(
            List.of("external_id", "company", "full_name"),
            List.of("first_name", "last_name", "email", "phone", "source", "campaign", "score", "territory"));

    private final List<String> required;
    private final List<String> optional;

    ImportKind(List<String> required, List<String> optional) {
        this.required = required;
        this.optional = optional;
    }

    /** Columns a file must have (a full name may come as first and last name instead). */
    public List<String> required() {
        return required;
    }

    public List<String> optional() {
        return optional;
    }

    /**
     * Who may import this kind: teams and people create sign-in users and give roles, which is people
     * management ({@link Capability#IMPORT_PEOPLE}); the rest are the CRM's records ({@link
     * Capability#IMPORT_RECORDS}).
     */
    public Capability capability() {
        return this == TEAMS || this == PEOPLE ? Capability.IMPORT_PEOPLE : Capability.IMPORT_RECORDS;
    }
}
