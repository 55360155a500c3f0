package dev.baton.people;

import static dev.baton.audit.Changes.fields;

import dev.baton.audit.AuditLog;
import dev.baton.audit.Changes;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import dev.baton.shared.NotFoundException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class TeamService {

    private final Teams teams;
    private final AuditLog audit;

    TeamService(Teams teams, AuditLog audit) {
        this.teams = teams;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Page<TeamView> find(Pageable pageable) {
        return teams.findAll(pageable).map(TeamView::from);
    }

    @Transactional(readOnly = true)
    public TeamView get(Long id) {
        return TeamView.from(team(id));
    }

    /** A team another request refers to in {@code field}: unknown is the caller's mistake (400). */
    @Transactional(readOnly = true)
    public Team referenced(Long id, String field) {
        return teams.findById(id).orElseThrow(() -> BadRequestException.noSuch(field, "team", id));
    }

    /**
     * Checks the team a list's filter names ({@code ?team=} of the people directory and the commitment
     * register): an id no team has is the caller's mistake, a mistyped or stale id that an empty list
     * would pass off as a team of nobody. One existence query, and none for null (no filter).
     *
     * @param teamId the filter's team id, or null when the filter is not given (accepted)
     * @param parameter the filter's name in the API and on the page, for the problem detail
     * @throws BadRequestException at {@code parameter}, "no team N", when no team has the id
     */
    @Transactional(readOnly = true)
    public void requireExists(Long teamId, String parameter) {
        if (teamId != null && !teams.existsById(teamId)) {
            throw BadRequestException.noSuch(parameter, "team", teamId);
        }
    }

    /** The team with this key (how BPMN candidate groups and blocks name teams); empty when none has it. */
    @Transactional(readOnly = true)
    public Optional<Team> byKey(String key) {
        return teams.findByKey(key);
    }

    /**
     * The names of the teams with these keys (a step's candidate groups), by key: one query for all of
     * them, none for no keys.
     *
     * @param keys team keys, any number (none: an empty map)
     * @return each key some team has, with that team's name; a key no team has is left out
     */
    @Transactional(readOnly = true)
    public Map<String, String> namesByKey(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Map.of();
        }
        return teams.findByKeyIn(keys).stream().collect(Collectors.toMap(Team::getKey, Team::getName));
    }

    /**
     * Which of these teams someone can act for: those with at least one active member. A step offered only to
     * teams without one is seen and claimed by nobody (probe 46: a team created and given no members), so the
     * inbox sends it to the admins' unassigned work and an upload naming such a team is warned.
     *
     * @param keys team keys, any number (none: an empty set, no query)
     * @return the keys of teams with an active member; a key no team has is left out
     */
    @Transactional(readOnly = true)
    public Set<String> staffed(Collection<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(teams.findKeysWithActiveMember(keys));
    }

    @Transactional
    public TeamView create(NewTeam n) {
        if (teams.existsByKey(n.key())) {
            throw new ConflictException("key", "team '" + n.key() + "' already exists");
        }
        Team team = teams.save(new Team(n.key(), n.name()));
        audit.record("team.created", "team", team.getId(), null, null, fields("key", n.key(), "name", n.name()));
        return TeamView.from(team);
    }

    @Transactional
    public TeamView rename(Long id, String name, Long version) {
        Team team = team(id);
        Changes.requireVersion(version, team.getVersion(), "team " + id);
        String before = team.getName();
        team.rename(name);
        teams.flush();
        audit.record("team.renamed", "team", id, null, fields("name", before), fields("name", name));
        return TeamView.from(team);
    }

    private Team team(Long id) {
        return teams.findById(id).orElseThrow(() -> new NotFoundException("team", id));
    }
}
