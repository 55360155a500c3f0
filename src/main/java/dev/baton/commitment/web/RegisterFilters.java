package dev.baton.commitment.web;

import dev.baton.account.AccountService;
import dev.baton.commitment.CommitmentFilter;
import dev.baton.commitment.CommitmentView;
import dev.baton.people.PeopleLookup;
import dev.baton.people.TeamService;
import dev.baton.shared.BadRequestException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;

/**
 * The register's filter from its parameters, for the list, the counts, the export and the page alike:
 * an owner, team or account id that names nothing is a 400 at that parameter ("no person 9", "no
 * team 9", "no account 9"), as the people directory answers {@code ?team=}, not an empty register
 * passed off as the answer. Each given id costs one existence query in its owning module (the API's
 * list only when nothing matched: {@link #page}); the unfiltered register costs none.
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
        Map<String, String> unknown = new LinkedHashMap<>(); // all at once: a client fixing one sees the others
        List.<Runnable>of(
                        () -> people.requireExists(params.owner(), "owner"),
                        () -> teams.requireExists(params.team(), "team"),
                        () -> accounts.requireExists(params.account(), "account"))
                .forEach(check -> {
                    try {
                        check.run();
                    } catch (BadRequestException e) {
                        unknown.putAll(e.getFieldErrors());
                    }
                });
        if (params.dueFrom() != null
                && params.dueTo() != null
                && params.dueFrom().isAfter(params.dueTo())) {
            // an empty register would look like nothing is due then (found by a probe)
            unknown.put("dueFrom", "must be on or before dueTo (" + params.dueTo() + ")");
        }
        if (!unknown.isEmpty()) {
            throw new BadRequestException(unknown);
        }
        return params.toFilter();
    }

    /**
     * The register's page for the parameters, an id that names nothing refused as {@link #of} refuses
     * it, but checked only when nothing matched: a matching row refers to every given id (foreign keys),
     * so a page with rows costs no existence query (the API's list: each was a transaction of its own
     * and cost the Java side more than the register's page; README, "Benchmarks: the commitment register").
     *
     * @param find the page for the filter (the service's, which writes nothing)
     * @throws BadRequestException at owner, team and account, "no person 9" etc., when nothing matched
     *     and an id names nothing (each such id named), and at dueFrom when it is after dueTo
     */
    Page<CommitmentView> page(RegisterParams params, Function<CommitmentFilter, Page<CommitmentView>> find) {
        Page<CommitmentView> page = find.apply(params.toFilter());
        if (page.getTotalElements() == 0) {
            of(params);
        }
        return page;
    }
}
