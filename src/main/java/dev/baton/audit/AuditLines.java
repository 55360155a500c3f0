package dev.baton.audit;

import java.util.Set;

/**
 * Whose events a manager reads on the audit trail: their own and their reporting line's. The people
 * module implements it by its one definition of "in X's line" ({@code ReportingLines}); it records
 * audit events itself, so it may depend on this module, and not the other way round.
 */
public interface AuditLines {

    /**
     * @param username a signed-in manager's user name
     * @return the user names of the manager and of everyone in their line; just the manager's for a
     *     user name nobody has
     */
    Set<String> selfAndLine(String username);
}
