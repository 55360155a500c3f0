package dev.baton.people;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a people file does to roles, the active flag and managers, every row of it, gathered before any
 * row is judged ({@link PeopleImports#refusal}, {@link PeopleImports#whyNotManagedBy}): a row is held to
 * the rules by the people as the whole file leaves them, so a file can neither leave an active person
 * reporting to someone it deactivates or demotes in another row, nor be refused a demotion another row
 * makes safe, and a row may name as manager someone a later row creates. One entry per row: a people
 * file has one row per employee.
 */
public final class PeopleFile {

    /**
     * A row's person (username and full name as the file leaves them), roles (null: the file has no such
     * column), active flag (null: likewise) and manager: {@code managerGiven} false when the file has no
     * manager column (the person keeps theirs), else {@code manager} the cell in lower case (a username or
     * e-mail address), null for none.
     */
    record Change(
            String username, String fullName, Set<Role> roles, Boolean active, boolean managerGiven, String manager) {}

    /**
     * Someone Baton has, as the rules about managers read them: by lower-case e-mail address, with their
     * manager's (null for none).
     */
    record Known(
            long id,
            String email,
            String username,
            String fullName,
            boolean active,
            Set<Role> roles,
            String managerEmail) {}

    private final Map<String, Change> byEmail = new HashMap<>();

    private final Map<String, String> emailByUsername = new HashMap<>();

    /** What the file does to the active admins and to each manager's active reports, once read. */
    private long adminsGained;

    private Map<Long, Long> activeReportsGained;

    /** Everyone Baton has, by lower-case e-mail address; read once, when a rule first needs it. */
    private Map<String, Known> known;

    private final Map<String, String> knownEmailByUsername = new HashMap<>();

    /** Rows written whose manager is not linked yet (lower-case e-mail → manager cell, null for none), in order. */
    private final Map<String, String> awaitingManager = new LinkedHashMap<>();

    /**
     * Notes what a row does, before any row is judged. The import notes only rows that pass their own
     * checks (a refused row does nothing, so it may not make another row's change safe or unsafe); a
     * repeated e-mail address is one of those checks, so each person has one entry.
     *
     * @param manager the manager cell (a username or e-mail address, any case), null for a blank one or none
     */
    public void add(
            String email,
            String username,
            String fullName,
            Set<Role> roles,
            Boolean active,
            boolean managerGiven,
            String manager) {
        String key = email.toLowerCase(Locale.ROOT);
        byEmail.put(
                key,
                new Change(
                        username,
                        fullName,
                        roles,
                        active,
                        managerGiven,
                        manager == null ? null : manager.toLowerCase(Locale.ROOT)));
        if (username != null) {
            emailByUsername.put(username.toLowerCase(Locale.ROOT), key);
        }
        activeReportsGained = null;
    }

    Map<String, Change> changes() {
        return byEmail;
    }

    /** The lower-case e-mail address of the file's row with this username, or null. */
    String emailOfUsername(String username) {
        return emailByUsername.get(username);
    }

    Map<String, Known> known() {
        return known;
    }

    void known(Map<String, Known> known) {
        this.known = known;
        known.values().forEach(k -> knownEmailByUsername.put(k.username(), k.email()));
    }

    /** The lower-case e-mail address of the person Baton has with this username, or null. */
    String knownEmailOfUsername(String username) {
        return knownEmailByUsername.get(username);
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

    void awaitManager(String email, String manager) {
        awaitingManager.put(email.toLowerCase(Locale.ROOT), manager);
    }

    Map<String, String> awaitingManager() {
        return awaitingManager;
    }

    void managersLinked(List<String> emails) {
        emails.forEach(awaitingManager::remove);
    }
}
