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

    /**
     * Everyone who may have done something, for the audit page's "Who" choice: user name to the label a
     * reader picks them by, their full name ("Rob Jansen"), with the user name added where two people
     * share a full name ("Rob Jansen (rjansen)") and "(inactive)" for someone who has left.
     *
     * @return the labels by user name, in the order of the labels
     */
    Map<String, String> everyone();
}
