package dev.baton.people;

/**
 * What a person may do in Baton: their own work (REP, CS), their line's (MANAGER), the company's
 * playbooks, imports and reports (REVOPS), everything including people (ADMIN). What a role grants
 * beyond a person's own work and line is written once, in {@link Capability}.
 */
public enum Role {
    ADMIN("Admin"),
    MANAGER("Manager"),
    REP("Rep"),
    CS("Customer success"),
    /** Revenue operations: draws and runs the playbooks, imports the CRM's records, reads the reports. */
    REVOPS("Revenue operations");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    /** Every role's name, in the enum's order ("ADMIN, MANAGER, REP, CS, REVOPS"), for messages that list them. */
    public static String names() {
        return java.util.Arrays.stream(values()).map(Role::name).collect(java.util.stream.Collectors.joining(", "));
    }

    /**
     * These roles in the UI's words, in the enum's order, joined by commas ("Manager, Revenue operations"), for
     * every page, mail or export that shows a person's roles to people.
     *
     * @param roles the roles; none (or null) gives ""
     */
    public static String labels(java.util.Collection<Role> roles) {
        return roles == null
                ? ""
                : java.util.Arrays.stream(values())
                        .filter(roles::contains)
                        .map(Role::label)
                        .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The role in the UI's words ("Revenue operations"); the API and files use the name (REVOPS). */
    public String label() {
        return label;
    }
}
