package dev.baton.handover;

import dev.baton.people.PeopleLookup;
import dev.baton.people.ReportingLines;
import dev.baton.people.Role;
import org.springframework.stereotype.Component;

/**
 * Who may open a handover's page: an admin, the manager who launched it, a manager with the departing
 * person in their line. Its successors and the departing person may not (they open their steps and
 * the account's review page instead). One definition for the pages, the API and the mails' links.
 */
@Component
class HandoverVisibility {

    private final PeopleLookup people;
    private final ReportingLines lines;

    HandoverVisibility(PeopleLookup people, ReportingLines lines) {
        this.people = people;
        this.lines = lines;
    }

    boolean maySee(Handover h, String username) {
        return username.equals(h.getLaunchedBy())
                || people.byUsername(username)
                        .map(me -> me.hasRole(Role.ADMIN) || lines.inLineOf(h.getDeparting(), me))
                        .orElse(false);
    }
}
