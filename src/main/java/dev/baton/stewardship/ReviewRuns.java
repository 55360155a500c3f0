package dev.baton.stewardship;

import dev.baton.account.Contact;
import dev.baton.account.ContactService;
import dev.baton.people.FullNames;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.people.ReportingLines;
import dev.baton.shared.NotFoundException;
import dev.baton.task.RunStep;
import dev.baton.task.TaskService;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The contact reviews' runs for the list a manager watches ({@code /stewardship}, {@code GET
 * /api/stewardship}): whose contacts, on which accounts, how many have an outcome, at which step and with
 * whom since when, and which ended. No page listed them (session 40's probe).
 */
@Service
public class ReviewRuns {

    /**
     * One review's run as the list shows it.
     *
     * @param ownerName whose contacts (full name)
     * @param accountNames the accounts of the contacts it lists, by name
     * @param contacts how many contacts it lists
     * @param answered how many have an outcome
     * @param running false once every contact has an outcome and no follow-up (a successor for a primary
     *     contact or champion who left) is open
     * @param steps the steps the run waits on (the review, then a follow-up per account), empty once ended
     * @param closedAt when the last outcome closed the review (its follow-ups may run on), null before
     */
    public record Run(
            long id,
            String ownerName,
            List<String> accountNames,
            int contacts,
            int answered,
            Instant openedAt,
            boolean running,
            List<Step> steps,
            Instant closedAt) {}

    /**
     * A step the run waits on.
     *
     * @param accountName the account it is about (a follow-up's), null for the review itself
     * @param assigneeName who holds it (full name), null while it is offered to a team
     */
    public record Step(
            String name, String accountName, String assigneeName, Instant since, Instant dueAt, boolean late) {}

    private final StewardshipReviews reviews;
    private final StewardshipContacts lines;
    private final ContactService contacts;
    private final TaskService tasks;
    private final PeopleLookup people;
    private final ReportingLines reportingLines;

    ReviewRuns(
            StewardshipReviews reviews,
            StewardshipContacts lines,
            ContactService contacts,
            TaskService tasks,
            PeopleLookup people,
            ReportingLines reportingLines) {
        this.reviews = reviews;
        this.lines = lines;
        this.contacts = contacts;
        this.tasks = tasks;
        this.people = people;
        this.reportingLines = reportingLines;
    }

    /**
     * One page of the reviews {@code username} watches: an admin everyone's, a manager their own and their
     * line's ({@link ReportingLines#ownersWatchedBy}). Open ones first, newest first; then closed ones. A
     * fixed order: the page's sort is ignored.
     *
     * @throws NotFoundException when nobody has the user name
     */
    @Transactional(readOnly = true)
    public Page<Run> list(String username, Pageable pageable) {
        Person viewer = people.byUsername(username).orElseThrow(() -> new NotFoundException("person", username));
        Optional<Set<Long>> owners = reportingLines.ownersWatchedBy(viewer);
        Page<StewardshipReview> page = reviews.findVisible(
                owners.isEmpty(),
                owners.orElse(Set.of(-1L)),
                PageRequest.of(pageable.getPageNumber(), pageable.getPageSize()));
        List<Long> ids = page.map(StewardshipReview::getId).getContent();
        Map<Long, List<StewardshipContact>> listed = ids.isEmpty()
                ? Map.of()
                : lines.findByReviewIdIn(ids).stream().collect(Collectors.groupingBy(StewardshipContact::getReviewId));
        Map<Long, Contact> byId = contacts
                .byIds(listed.values().stream()
                        .flatMap(Collection::stream)
                        .map(StewardshipContact::getContactId)
                        .collect(Collectors.toSet()))
                .stream()
                .collect(Collectors.toMap(Contact::getId, Function.identity()));
        Map<Long, List<RunStep>> steps = tasks.openStepsOfRunsAbout(StewardshipTasks.REVIEW_SUBJECT_TYPE, ids);
        Map<Long, String> accountNames = new HashMap<>();
        byId.values()
                .forEach(c ->
                        accountNames.put(c.getAccount().getId(), c.getAccount().getName()));
        FullNames names = people.fullNames(steps.values().stream()
                .flatMap(Collection::stream)
                .map(RunStep::assignee)
                .toList());
        Map<Long, String> ownerNames =
                people.fullNamesById(page.map(StewardshipReview::getOwnerId).getContent());
        return page.map(r -> {
            List<StewardshipContact> of = listed.getOrDefault(r.getId(), List.of());
            List<Step> open = steps.getOrDefault(r.getId(), List.of()).stream()
                    .map(s -> new Step(
                            s.name(),
                            s.accountId() == null ? null : accountNames.get(s.accountId()),
                            names.of(s.assignee()),
                            s.since(),
                            s.dueAt(),
                            s.late()))
                    .toList();
            return new Run(
                    r.getId(),
                    ownerNames.get(r.getOwnerId()),
                    List.copyOf(of.stream()
                            .map(c -> byId.get(c.getContactId()))
                            .filter(c -> c != null)
                            .map(c -> c.getAccount().getName())
                            .collect(Collectors.toCollection(TreeSet::new))),
                    of.size(),
                    (int) of.stream().filter(c -> c.getOutcome() != null).count(),
                    r.getOpenedAt(),
                    r.getClosedAt() == null || !open.isEmpty(),
                    open,
                    r.getClosedAt());
        });
    }
}
