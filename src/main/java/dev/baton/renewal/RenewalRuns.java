package dev.baton.renewal;

import dev.baton.account.AccountService;
import dev.baton.account.AccountView;
import dev.baton.people.FullNames;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.people.ReportingLines;
import dev.baton.shared.NotFoundException;
import dev.baton.task.RunStep;
import dev.baton.task.TaskService;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The renewals' runs for the list a manager watches ({@code /renewals}, {@code GET /api/renewals}): which
 * accounts renew, at which step and with whom since when, and how the ended ones ended. The catalogue could
 * not count them (a message starts each) and no page listed them (session 40's probe).
 */
@Service
public class RenewalRuns {

    /**
     * One renewal's run as the list shows it.
     *
     * @param ownerName the account's owner now (full name), who works the stages; null when it has none
     * @param running false once renewed or churned; a renegotiation runs on (back to a new proposal)
     * @param steps the steps the run waits on, the owner's stage and its manager's chase when it is late;
     *     empty once it ended, or between two steps (an automated one)
     * @param decision the last decision ({@code RENEGOTIATING} while it runs on), null before any
     * @param nextRenewalDate the next renewal date a renewal set, else null
     * @param reason why the customer churned, or what is renegotiated; null otherwise
     * @param endedAt when the decision that ended it was applied, null while it runs
     */
    public record Run(
            long id,
            long accountId,
            String accountName,
            String ownerName,
            LocalDate renewalDate,
            Instant openedAt,
            boolean running,
            List<Step> steps,
            Renewal.Decision decision,
            LocalDate nextRenewalDate,
            String reason,
            Instant endedAt) {}

    /**
     * A step the run waits on.
     *
     * @param assigneeName who holds it (full name), null while it is offered to a team
     * @param offeredTo the teams it is offered to while nobody holds it
     */
    public record Step(
            String name, String assigneeName, Set<String> offeredTo, Instant since, Instant dueAt, boolean late) {}

    private final Renewals renewals;
    private final AccountService accounts;
    private final TaskService tasks;
    private final PeopleLookup people;
    private final ReportingLines lines;

    RenewalRuns(
            Renewals renewals, AccountService accounts, TaskService tasks, PeopleLookup people, ReportingLines lines) {
        this.renewals = renewals;
        this.accounts = accounts;
        this.tasks = tasks;
        this.people = people;
        this.lines = lines;
    }

    /**
     * One page of the renewals {@code username} watches: an admin every account's, a manager those of the
     * accounts they and their line own ({@link ReportingLines#ownersWatchedBy}; the account's owner now).
     * Running ones first, soonest renewal first; then ended ones, latest first. A fixed order: the page's
     * sort is ignored.
     *
     * @throws NotFoundException when nobody has the user name
     */
    @Transactional(readOnly = true)
    public Page<Run> list(String username, Pageable pageable) {
        Person viewer = people.byUsername(username).orElseThrow(() -> new NotFoundException("person", username));
        Optional<Set<Long>> owners = lines.ownersWatchedBy(viewer);
        List<Long> accountIds = owners.map(accounts::idsOwnedBy).orElse(List.of());
        Pageable unsorted = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize());
        Page<Renewal> page = owners.isPresent() && accountIds.isEmpty()
                ? Page.empty(unsorted)
                : renewals.findVisible(owners.isEmpty(), owners.isEmpty() ? List.of(-1L) : accountIds, unsorted);
        List<Long> ids = page.map(Renewal::getId).getContent();
        Map<Long, AccountView> onAccounts =
                accounts.views(page.map(Renewal::getAccountId).getContent());
        Map<Long, List<RunStep>> steps = tasks.openStepsOfRunsAbout(RenewalTasks.SUBJECT_TYPE, ids);
        FullNames names = people.fullNames(steps.values().stream()
                .flatMap(Collection::stream)
                .map(RunStep::assignee)
                .toList());
        return page.map(r -> run(r, onAccounts.get(r.getAccountId()), steps.getOrDefault(r.getId(), List.of()), names));
    }

    private static Run run(Renewal r, AccountView account, List<RunStep> open, FullNames names) {
        List<Step> steps = new ArrayList<>();
        if (!r.isClosed()) {
            open.forEach(s -> steps.add(
                    new Step(s.name(), names.of(s.assignee()), s.candidateTeams(), s.since(), s.dueAt(), s.late())));
        }
        return new Run(
                r.getId(),
                r.getAccountId(),
                account == null ? "account " + r.getAccountId() : account.name(),
                account == null ? null : account.ownerName(),
                r.getRenewalDate(),
                r.getOpenedAt(),
                !r.isClosed(),
                List.copyOf(steps),
                r.getDecision(),
                r.getNextRenewalDate(),
                r.getDecision() == null || r.getDecision() == Renewal.Decision.RENEWED ? null : r.getDecisionReason(),
                r.isClosed() ? r.getDecidedAt() : null);
    }
}
