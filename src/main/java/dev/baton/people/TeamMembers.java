package dev.baton.people;

import dev.baton.audit.AuditLog;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The one place that says a team's active members may have changed ({@link PeopleEvents.TeamMembersChanged}),
 * in the change's transaction: a team whose last active member leaves has nobody to claim its waiting steps,
 * and one that gets an active member again can take back the steps sent to unassigned work meanwhile (the
 * inbox listens).
 */
@Component
class TeamMembers {

    private final ApplicationEventPublisher events;

    TeamMembers(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** Publishes the change for the teams of {@code teams} that are there (nulls: no team, left out); none, nothing. */
    void changed(Collection<Team> teams) {
        changedKeys(teams.stream().filter(Objects::nonNull).map(Team::getKey).toList());
    }

    /** As {@link #changed}, for teams by key. */
    void changedKeys(Collection<String> keys) {
        Set<String> named = keys.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        if (!named.isEmpty()) {
            events.publishEvent(new PeopleEvents.TeamMembersChanged(named, AuditLog.currentActor()));
        }
    }
}
