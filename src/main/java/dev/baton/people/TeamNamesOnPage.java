package dev.baton.people;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.web.context.annotation.RequestScope;

/**
 * Teams by name on a page, where a record gives their key (a step's candidate groups, a commitment's
 * delivering team): {@code ${@teamNames.of(c.deliveringTeamKey)}} shows "Customer Success", not
 * {@code customer-success} (session 43's probe: commitment and task pages showed keys). The key stays in
 * forms' values and URLs. One query per request, on first use; a key no team has (a candidate group of
 * an uploaded playbook that is no Baton team) is shown as it is.
 */
@Component("teamNames")
@RequestScope
public class TeamNamesOnPage {

    private final Teams teams;
    private Map<String, String> byKey;

    TeamNamesOnPage(Teams teams) {
        this.teams = teams;
    }

    /** The team's name, the key itself when no team has it, null for null. */
    public String of(String key) {
        if (key == null) {
            return null;
        }
        if (byKey == null) {
            byKey = teams.findAll().stream().collect(Collectors.toMap(Team::getKey, Team::getName));
        }
        return byKey.getOrDefault(key, key);
    }

    /** The teams' names ({@link #of(String)}), in the order given, joined by ", "; "" for none. */
    public String ofAll(Collection<String> keys) {
        return keys == null
                ? ""
                : keys.stream().filter(Objects::nonNull).map(this::of).collect(Collectors.joining(", "));
    }
}
