package dev.baton.audit;

import java.util.Collection;
import java.util.Map;

/**
 * The full names of the people the audit trail records by user name (who did what), for the audit
 * page. The people module implements it: it records audit events itself, so it may depend on this
 * module, and not the other way round.
 */
public interface ActorNames {

    /**
     * The full names of these user names' people, read together.
     *
     * @param usernames user names; nulls and repeats are ignored
     * @return full name by user name, for those someone has; a user name nobody has (e.g. {@code
     *     system}) is left out, so the page shows it as it is
     */
    Map<String, String> fullNames(Collection<String> usernames);
}
