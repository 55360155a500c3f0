package dev.baton.handover;

import dev.baton.account.Contact;
import dev.baton.commitment.Commitment;
import dev.baton.handover.HandoverViews.Detail;
import dev.baton.handover.HandoverViews.Item;
import dev.baton.handover.HandoverViews.OpenTask;
import dev.baton.handover.HandoverViews.Preview;
import dev.baton.handover.HandoverViews.Summary;
import dev.baton.notification.Outbox;
import dev.baton.notification.OutboxStatus;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.people.ReportingLines;
import dev.baton.people.Role;
import dev.baton.shared.NotFoundException;
import dev.baton.shared.PageResponse;
import dev.baton.task.Task;
import dev.baton.task.TaskService;
import dev.baton.task.TaskSubject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading handovers: a manager sees those they launched or of anyone in their line; an admin sees all. */
@Service
public class HandoverQueries {

    private static final String VISIBLE =
            "from Handover h join h.departing d" + " where :admin = true or h.launchedBy = :me or d.username in :line";

    private final Handovers handovers;
    private final HandoverItems items;
    private final HandoverService launcher;
    private final PeopleLookup people;
    private final Book book;
    private final TaskService tasks;
    private final EntityManager em;
    private final Clock clock;
    private final ReportingLines lines;
    private final SuccessorCandidates candidates;
    private final Outbox outbox;
    private final HandoverVisibility visibility;

    HandoverQueries(
            Handovers handovers,
            HandoverItems items,
            HandoverService launcher,
            PeopleLookup people,
            Book book,
            TaskService tasks,
            EntityManager em,
            Clock clock,
            ReportingLines lines,
            SuccessorCandidates candidates,
            Outbox outbox,
            HandoverVisibility visibility) {
        this.visibility = visibility;
        this.candidates = candidates;
        this.outbox = outbox;
        this.lines = lines;
        this.handovers = handovers;
        this.items = items;
        this.launcher = launcher;
        this.people = people;
        this.book = book;
        this.tasks = tasks;
        this.em = em;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<Summary> list(String username, Pageable pageable) {
        boolean admin = isAdmin(username);
        // a never-matching name keeps "in :line" valid for someone without reports
        Set<String> line = people.byUsername(username)
                .map(lines::line)
                .filter(l -> !l.isEmpty())
                .orElse(Set.of(""));
        List<Handover> page = em.createQuery(
                        "select h " + VISIBLE + " order by h.createdAt desc, h.id desc", Handover.class)
                .setParameter("admin", admin)
                .setParameter("me", username)
                .setParameter("line", line)
                .setFirstResult((int) pageable.getOffset())
                .setMaxResults(pageable.getPageSize())
                .getResultList();
        long total = em.createQuery("select count(h) " + VISIBLE, Long.class)
                .setParameter("admin", admin)
                .setParameter("me", username)
                .setParameter("line", line)
                .getSingleResult();
        // counted in the database, one query for the page: a handover of 10,000 accounts is one row here
        Map<Long, Object[]> counts = page.isEmpty()
                ? Map.of()
                : em.createQuery(
                                "select i.handover.id, count(i), sum(case when i.step = :done then 1 else 0 end),"
                                        + " sum(case when i.transferredAt is not null then 1 else 0 end)"
                                        + " from HandoverItem i where i.handover.id in :ids group by i.handover.id",
                                Object[].class)
                        .setParameter("done", HandoverStep.DONE)
                        .setParameter("ids", page.stream().map(Handover::getId).toList())
                        .getResultStream()
                        .collect(Collectors.toMap(row -> (Long) row[0], Function.identity()));
        return new PageImpl<>(
                page.stream()
                        .map(h -> {
                            Object[] c = counts.getOrDefault(h.getId(), new Object[] {h.getId(), 0L, 0L, 0L});
                            return summary(
                                    h,
                                    ((Number) c[1]).intValue(),
                                    ((Number) c[2]).longValue(),
                                    ((Number) c[3]).longValue());
                        })
                        .toList(),
                pageable,
                total);
    }

    /**
     * How long a starting or running handover has been going, in {@link Summary#took}'s wording ("2
     * days 3 hours"): the list page shows it where an ended handover says how long it took. Null for one
     * that ended. Only for pages: the API's {@code took} stays null until the handover ends.
     */
    public String runningFor(Summary handover) {
        return handover.active()
                ? HandoverViews.duration(Duration.between(handover.createdAt(), clock.instant()))
                : null;
    }

    /**
     * A handover with one page of its accounts ({@code pageable}: page number, size, and a sort on
     * item properties that ends with the item id, so pages never repeat or skip an account), the open
     * tasks of that page's accounts, and the handover's tasks about no account. The summary counts
     * every account. Throws {@link NotFoundException} or {@link AccessDeniedException}.
     */
    @Transactional(readOnly = true)
    public Detail detail(long id, String username, Pageable pageable) {
        Handover h = handovers.findById(id).orElseThrow(() -> new NotFoundException("handover", id));
        if (!maySee(h, username)) {
            throw new AccessDeniedException("handover " + id + " is neither yours nor of your reports");
        }
        Page<HandoverItem> page = items.findByHandoverId(id, pageable);
        List<Task> open = tasks.openAbout(
                new TaskSubject(HandoverTaskSubject.SUBJECT_TYPE, id),
                page.stream().map(i -> i.getAccount().getId()).toList());
        Map<Long, Task> byAccount = open.stream()
                .filter(t -> t.getAccountId() != null)
                .collect(Collectors.toMap(Task::getAccountId, Function.identity(), (a, b) -> a));
        List<OpenTask> others = open.stream()
                .filter(t -> t.getAccountId() == null)
                .map(t -> new OpenTask(t.getId(), t.getName(), t.getAssignee(), t.getDueAt()))
                .toList();
        List<String> introKeys =
                page.stream().map(i -> HandoverMails.introKey(i.getId())).toList();
        Map<String, OutboxStatus> mails = outbox.statusOf(introKeys);
        Map<String, Outbox.Queued> held = outbox.holding(introKeys);
        return new Detail(
                summary(
                        h,
                        (int) items.countByHandoverId(id),
                        items.countByHandoverIdAndStep(id, HandoverStep.DONE),
                        items.countByHandoverIdAndTransferredAtIsNotNull(id)),
                PageResponse.of(page.map(i -> item(
                        i,
                        h.getStatus() == HandoverStatus.CANCELLED,
                        byAccount.get(i.getAccount().getId()),
                        mails,
                        held))),
                others);
    }

    /**
     * The book as it stands: what a launch would hand over. Throws {@code BadRequestException} at
     * {@code field} (where the request names the person: {@code person}, the wizard's {@code
     * departingId}) for nobody, an unknown or inactive person; {@link AccessDeniedException} outside the
     * manager's line.
     */
    @Transactional(readOnly = true)
    public Preview preview(Long personId, String field, String username) {
        Person p = launcher.departing(personId, field, username);
        return new Preview(
                p.getId(),
                p.getUsername(),
                p.getFullName(),
                book.accounts(p).stream()
                        .map(a -> new HandoverViews.PreviewAccount(
                                a.getId(),
                                a.getName(),
                                a.getTerritory(),
                                book.contacts(a.getId()).stream()
                                        .filter(Contact::isPrimary)
                                        .map(Contact::getFullName)
                                        .findFirst()
                                        .orElse(null)))
                        .toList(),
                book.openCommitments(p).stream()
                        .map(HandoverQueries::commitment)
                        .toList(),
                tasks.openCountAssignedTo(p.getUsername()),
                book.openLeads(p),
                book.staleContacts(p, clock.instant()).stream()
                        .map(c -> new HandoverViews.PreviewContact(
                                c.getId(),
                                c.getAccount().getId(),
                                c.getAccount().getName(),
                                c.getFullName(),
                                c.getLastVerifiedAt()))
                        .toList());
    }

    /**
     * {@link SuccessorCandidates#successors} for a person the manager may hand over; throws as {@link
     * #preview} does, at {@code field}.
     */
    @Transactional(readOnly = true)
    public List<SuccessorCandidates.Candidate> candidates(Long personId, String field, String username) {
        Person departing = launcher.departing(personId, field, username);
        return candidates.successors(departing, me(username));
    }

    /**
     * Whom a running handover's accounts may go to, by the rules of its launch whatever the viewer's
     * line ({@link SuccessorCandidates#successors(Handover)}): the amend form offers exactly whom the
     * amendment accepts.
     *
     * @throws NotFoundException when there is no handover {@code handoverId}
     * @throws AccessDeniedException when {@code username} may not see it
     */
    @Transactional(readOnly = true)
    public List<SuccessorCandidates.Candidate> amendCandidates(long handoverId, String username) {
        Handover h = handovers.findById(handoverId).orElseThrow(() -> new NotFoundException("handover", handoverId));
        if (!maySee(h, username)) {
            throw new AccessDeniedException("handover " + handoverId + " is neither yours nor of your reports");
        }
        return candidates.successors(h);
    }

    /**
     * The accounts of handover {@code handoverId} that can still go to another successor, whichever page
     * of its accounts is shown (found by a probe: the page offered only those of the page shown): the
     * first {@code limit} by account name, and how many match ({@link #amendable(long, String, String,
     * Pageable)}, for the page's "Change the plan").
     *
     * @throws NotFoundException when there is no handover {@code handoverId}
     * @throws AccessDeniedException when {@code username} may not see it
     */
    @Transactional(readOnly = true)
    public HandoverViews.Amendable amendable(long handoverId, String username, String search, int limit) {
        Page<HandoverViews.AmendableAccount> first = amendable(handoverId, username, search, PageRequest.of(0, limit));
        return new HandoverViews.Amendable(first.getContent(), first.getTotalElements(), searched(search));
    }

    /**
     * One page of the accounts of handover {@code handoverId} that can still go to another successor
     * ({@link HandoverChanges#changeSuccessor}'s rule: the handover is starting or running, the account
     * has a successor and has not moved), by account name then id, so pages never repeat or skip one;
     * none once the handover has ended. {@code search}, when not blank, keeps the accounts whose name
     * contains it, case aside. The page's "Change the plan" and {@code GET /api/handovers/{id}/amendable}
     * both read it, for whoever may see the handover ({@link HandoverVisibility}).
     *
     * @throws NotFoundException when there is no handover {@code handoverId}
     * @throws AccessDeniedException when {@code username} may not see it
     */
    @Transactional(readOnly = true)
    public Page<HandoverViews.AmendableAccount> amendable(
            long handoverId, String username, String search, Pageable pageable) {
        Handover h = handovers.findById(handoverId).orElseThrow(() -> new NotFoundException("handover", handoverId));
        if (!maySee(h, username)) {
            throw new AccessDeniedException("handover " + handoverId + " is neither yours nor of your reports");
        }
        if (!h.getStatus().isActive()) {
            return Page.empty(pageable); // its successors can no longer change (HandoverChanges.changeSuccessor)
        }
        String searched = searched(search);
        // HandoverChanges.changeSuccessor's rule: a successor (the join), and not moved yet
        String from = " from HandoverItem i join i.account a join i.successor s"
                + " where i.handover.id = :id and i.transferredAt is null"
                + (searched == null ? "" : " and lower(a.name) like :pattern escape '\\'");
        var rows = em.createQuery("select a.id, a.name, s.fullName" + from + " order by a.name, a.id", Object[].class)
                .setParameter("id", handoverId)
                .setFirstResult((int) pageable.getOffset())
                .setMaxResults(pageable.getPageSize());
        var count = em.createQuery("select count(i)" + from, Long.class).setParameter("id", handoverId);
        if (searched != null) {
            String pattern = "%"
                    + searched.toLowerCase()
                            .replace("\\", "\\\\")
                            .replace("%", "\\%")
                            .replace("_", "\\_")
                    + "%";
            rows.setParameter("pattern", pattern);
            count.setParameter("pattern", pattern);
        }
        return new PageImpl<>(
                rows.getResultStream()
                        .map(r -> new HandoverViews.AmendableAccount((Long) r[0], (String) r[1], (String) r[2]))
                        .toList(),
                pageable,
                count.getSingleResult());
    }

    /** The name searched for, stripped; null for none. */
    private static String searched(String search) {
        return search == null || search.isBlank() ? null : search.strip();
    }

    /** {@link SuccessorCandidates#departing}: whom the manager may hand over. */
    @Transactional(readOnly = true)
    public List<SuccessorCandidates.Candidate> handable(String username) {
        return candidates.departing(me(username));
    }

    private Person me(String username) {
        return people.byUsername(username).orElseThrow(() -> new NotFoundException("person", username));
    }

    static HandoverViews.PreviewCommitment commitment(Commitment c) {
        return new HandoverViews.PreviewCommitment(
                c.getId(),
                c.getAccount().getId(),
                c.getAccount().getName(),
                c.getDescription(),
                c.getDueDate(),
                c.getStatus().name());
    }

    private Summary summary(Handover h, int accounts, long accountsDone, long accountsMoved) {
        return new Summary(
                h.getId(),
                h.getDeparting().getUsername(),
                h.getDeparting().getId(),
                h.getDeparting().getFullName(),
                h.getReason(),
                h.getEffectiveDate(),
                h.getEndDate(),
                h.getStatus(),
                h.getLaunchedBy(),
                h.getCreatedAt(),
                h.getCompletedAt(),
                h.getCompletedAt() == null
                        ? null
                        : HandoverViews.duration(Duration.between(h.getCreatedAt(), h.getCompletedAt())),
                h.getLeaveOutcome(),
                accounts,
                accountsDone,
                accountsMoved,
                h.getLeadsMoved(),
                h.getCancelledBy(),
                h.getCancelReason());
    }

    /** See {@link HandoverViews.IntroMail}; {@code mails} by dedup key, from the outbox. */
    static HandoverViews.IntroMail introMail(HandoverItem i, Map<String, OutboxStatus> mails) {
        if (i.isIntroOptOut()) {
            return HandoverViews.IntroMail.OPTED_OUT;
        }
        if (i.getIntroStepPassedAt() == null) {
            return HandoverViews.IntroMail.NOT_YET;
        }
        OutboxStatus status = mails.get(HandoverMails.introKey(i.getId()));
        if (status == null) {
            return HandoverViews.IntroMail.NO_CONTACT;
        }
        return switch (status) {
            case SENT -> HandoverViews.IntroMail.SENT;
            case FAILED -> HandoverViews.IntroMail.FAILED;
            case PENDING -> HandoverViews.IntroMail.WAITING; // queued, retrying, or sent again by an admin
            // nothing withdraws an introduction today; if something did, no mail went to the contact
            case WITHDRAWN -> HandoverViews.IntroMail.NO_CONTACT;
        };
    }

    /**
     * {@code canceled}: its handover was canceled, so a step not DONE waits for nobody (shown CANCELLED);
     * {@code held}: the introduction mails by dedup key, whose {@code sentAt} is the item's {@code introSentAt}.
     */
    private Item item(
            HandoverItem i,
            boolean canceled,
            Task task,
            Map<String, OutboxStatus> mails,
            Map<String, Outbox.Queued> held) {
        boolean stopped = canceled && i.getStep() != HandoverStep.DONE;
        Instant due = task == null ? null : task.getDueAt();
        long late = due == null || due.isAfter(clock.instant())
                ? 0
                : Duration.between(due, clock.instant()).toDays();
        Person s = i.getSuccessor();
        return new Item(
                i.getId(),
                i.getAccount().getId(),
                i.getAccount().getName(),
                s == null ? null : s.getUsername(),
                s == null ? null : s.getFullName(),
                HandoverStep.shown(i.getStep(), canceled),
                task == null ? null : task.getName(),
                task == null ? null : task.getAssignee(),
                due,
                late,
                i.getNote() != null,
                i.getQuestion(),
                i.getAnswer(),
                i.getAcknowledgedAt(),
                introMail(i, mails) == HandoverViews.IntroMail.SENT
                        ? Optional.ofNullable(held.get(HandoverMails.introKey(i.getId())))
                                .map(Outbox.Queued::sentAt)
                                .orElse(null)
                        : null,
                i.isIntroOptOut(),
                i.getCallHeldAt(),
                introMail(i, mails),
                i.getTransferFailure(),
                stopped ? i.getStep() : null);
    }

    boolean maySee(Handover h, String username) {
        return visibility.maySee(h, username);
    }

    private boolean isAdmin(String username) {
        return people.byUsername(username).map(p -> p.hasRole(Role.ADMIN)).orElse(false);
    }
}
