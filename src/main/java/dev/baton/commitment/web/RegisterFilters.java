package dev.baton.commitment.web;

import dev.baton.account.AccountService;
import dev.baton.commitment.CommitmentFilter;
import dev.baton.people.PeopleLookup;
import dev.baton.people.TeamService;
import org.springframework.stereotype.Component;

/**
 * The register's filter from its parameters, for the list, the counts, the export and the page alike:
 * an owner, team or account id that names nothing is a 400 at that parameter ("no person 9", "no
 * team 9", "no account 9"), as the people directory answers {@code ?team=}, not an empty register
 * passed off as the answer. Each given id costs one existence query in its owning module; the
 * unfiltered register costs none.
 */
@Component
class RegisterFilters {

    private final PeopleLookup people;
    private final TeamService teams;
    private final AccountService accounts;

    RegisterFilters(PeopleLookup people, TeamService teams, AccountService accounts) {
        this.people = people;
        this.teams = teams;
        this.accounts = accounts;
    }

    CommitmentFilter of(RegisterParams params) {
        people.requireExists(params.owner(), "owner");
        teams.requireExists(params.team(), "team");
        accounts.requireExists(params.account(), "account");
        return params.toFilter();
    }
}
