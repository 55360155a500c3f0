package dev.baton.people;

import java.util.Set;

/**
 * A person as the API and UI show them: no password hash, team and manager by id and name, time zone
 * an IANA region id or null (the company's).
 */
public record PersonView(
        Long id,
        String username,
        String fullName,
        String email,
        Set<Role> roles,
        Long teamId,
        String teamKey,
        Long managerId,
        String managerUsername,
        boolean active,
        String timeZone,
        long version) {

    /**
     * The roles in the UI's words ({@link Role#label}), in {@link Role}'s order: "Manager, Revenue operations".
     * What a page shows; the API and files use the names (REVOPS).
     */
    public String roleLabels() {
        return Role.labels(roles);
    }

    public static PersonView from(Person p) {
        return new PersonView(
                p.getId(),
                p.getUsername(),
                p.getFullName(),
                p.getEmail(),
                p.getRoles(),
                p.getTeam() == null ? null : p.getTeam().getId(),
                p.getTeam() == null ? null : p.getTeam().getKey(),
                p.getManager() == null ? null : p.getManager().getId(),
                p.getManager() == null ? null : p.getManager().getUsername(),
                p.isActive(),
                p.getTimeZone(),
                p.getVersion());
    }
}
