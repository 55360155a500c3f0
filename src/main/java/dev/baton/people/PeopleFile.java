package dev.baton.people;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a people file does to roles and the active flag, every row of it, gathered before any row is
 * judged ({@link PeopleImports#refusal}): a row is held to the rules by the people as the whole file
 * leaves them, so a file can neither leave an active person reporting to someone it deactivates or
 * demotes in another row, nor be refused a demotion another row makes safe. One entry per row: a people
 * file has one row per employee.
 */
public final class PeopleFile {

    /** A row's roles (null: the file has no such column) and active flag (null: likewise). */
    record Change(Set<Role> roles, Boolean active) {}

    private final Map<String, Change> byEmail = new HashMap<>();

    /** What the file does to the active admins and to each manager's active reports, once read. */
    private long adminsGained;

    private Map<Long, Long> activeReportsGained;

    /**
     * Notes what a row does, before any row is judged. The import notes only rows that pass their own
     * checks (a refused row does nothing, so it may not make another row's change safe or unsafe); a
     * repeated e-mail address is one of those checks, so each person has one entry.
     */
    public void add(String email, Set<Role> roles, Boolean active) {
        byEmail.put(email.toLowerCase(Locale.ROOT), new Change(roles, active));
        activeReportsGained = null;
    }

    Map<String, Change> changes() {
        return byEmail;
    }

    boolean counted() {
        return activeReportsGained != null;
    }

    void counted(long adminsGained, Map<Long, Long> activeReportsGained) {
        this.adminsGained = adminsGained;
        this.activeReportsGained = activeReportsGained;
    }

    /** What the file does alongside a row, with the admins its earlier rows take away. */
    PeopleService.Alongside alongside(Set<Long> adminsLosing) {
        return new PeopleService.Alongside(adminsLosing, adminsGained, activeReportsGained);
    }
}
