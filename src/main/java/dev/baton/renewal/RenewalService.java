package dev.baton.renewal;

import static dev.baton.audit.Changes.fields;

import dev.baton.account.Account;
import dev.baton.account.AccountService;
import dev.baton.audit.AuditLog;
import dev.baton.commitment.CommitmentFilter;
import dev.baton.commitment.CommitmentService;
import dev.baton.commitment.CommitmentStatus;
import dev.baton.commitment.CommitmentView;
import dev.baton.people.Person;
import dev.baton.people.TimeZones;
import dev.baton.renewal.Renewal.Decision;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.DateLimits;
import dev.baton.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The renewal's steps, for the daily run, the process's workers and the task pages. Every date is
 * judged in the account owner's time zone ({@link TimeZones}); a stage is due at the end of its day.
 */
@Service
public class RenewalService {

    /** What the process starts with: the owner and the end of each stage, as instants. */
    public record Launch(
            long renewalId,
            long accountId,
            String ownerUsername,
            Instant healthReviewDueAt,
            Instant proposalDueAt,
            Instant decisionDueAt) {}

    /**
     * The account's commitments as they bear on the renewal.
     *
     * @param overdue open, not delivered, past due in the owner's time zone
     * @param broken breached within the term being renewed ({@link RenewalSettings#brokenPromiseLookback()})
     */
    public record Promises(int open, int overdue, int broken, String ownerUsername) {
        /** No promise is broken or late: the renewal may be asked for. */
        public boolean kept() {
            return overdue == 0 && broken == 0;
        }
    }

    private final Renewals renewals;
    private final AccountService accounts;
    private final CommitmentService commitments;
    private final TimeZones zones;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final RenewalSettings settings;
    private final Clock clock;

    RenewalService(
            Renewals renewals,
            AccountService accounts,
            CommitmentService commitments,
            TimeZones zones,
            AuditLog audit,
            ApplicationEventPublisher events,
            RenewalSettings settings,
            Clock clock) {
        this.renewals = renewals;
        this.accounts = accounts;
        this.commitments = commitments;
        this.zones = zones;
        this.audit = audit;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Opens the renewal of the account for its current renewal date, once: a second call (another
     * run, another Baton instance) finds it open and does nothing. Publishes {@link RenewalEvents.Opened}.
     *
     * @return the new renewal's id, or empty when it was open already
     */
    @Transactional
    public Optional<Long> open(long accountId, LocalDate renewalDate) {
        if (renewals.open(accountId, renewalDate, clock.instant()) == 0) {
            return Optional.empty();
        }
        Renewal renewal =
                renewals.findByAccountIdAndRenewalDate(accountId, renewalDate).orElseThrow();
        audit.record(
                "renewal.opened",
                "renewal",
                renewal.getId(),
                accountId,
                null,
                fields("renewalDate", renewalDate.toString()));
        events.publishEvent(new RenewalEvents.Opened(renewal.getId()));
        return Optional.of(renewal.getId());
    }

    /** An account whose renewal is due to be opened. */
    public record Due(long accountId, LocalDate renewalDate) {}

    /**
     * Customers with an owner whose renewal date is {@code daysAhead} days away or nearer and has not
     * passed, each judged in its owner's time zone.
     *
     * @param onlyAccounts these accounts only, or null for all
     */
    @Transactional(readOnly = true)
    public List<Due> due(java.util.Collection<Long> onlyAccounts) {
        LocalDate today = LocalDate.now(clock); // a day either side of the company's today covers every zone
        return accounts.renewingBetween(today.minusDays(1), today.plusDays(settings.daysAhead() + 1)).stream()
                .filter(a -> onlyAccounts == null || onlyAccounts.contains(a.getId()))
                .filter(a -> a.getOwner() != null)
                .filter(a -> {
                    LocalDate ownerToday = today(a.getOwner());
                    return !a.getRenewalDate().isBefore(ownerToday)
                            && !a.getRenewalDate().isAfter(ownerToday.plusDays(settings.daysAhead()));
                })
                .map(a -> new Due(a.getId(), a.getRenewalDate()))
                .toList();
    }

    /** The process's start: the current owner and each stage's end (end of that day in the owner's zone). */
    @Transactional(readOnly = true)
    public Launch launch(long renewalId) {
        Renewal r = renewal(renewalId);
        Account account = accounts.account(r.getAccountId());
        ZoneId zone = zones.of(account.getOwner());
        return new Launch(
                renewalId,
                r.getAccountId(),
                username(account.getOwner()),
                endOfDay(r.getRenewalDate().minusDays(settings.healthReviewDaysBefore()), zone),
                endOfDay(r.getRenewalDate().minusDays(settings.proposalDaysBefore()), zone),
                endOfDay(r.getRenewalDate().minusDays(settings.decisionDaysBefore()), zone));
    }

    /**
     * Counts the account's promises as they bear on the renewal; when any is overdue or broken, the
     * timeline says the renewal waits for them ({@code renewal.held}).
     */
    @Transactional
    public Promises checkPromises(long renewalId) {
        Renewal r = renewal(renewalId);
        Account account = accounts.account(r.getAccountId());
        Promises promises = promises(account, r.getRenewalDate());
        if (!promises.kept()) {
            audit.record(
                    "renewal.held",
                    "renewal",
                    renewalId,
                    r.getAccountId(),
                    null,
                    fields("overdue", promises.overdue(), "broken", promises.broken()));
        }
        return promises;
    }

    /**
     * A stage slipped past its date: the owner's manager (when active) is told, and the timeline says so.
     *
     * @param stage the stage in words, e.g. "health review"
     * @return the manager's user name, or empty when the owner has none
     */
    @Transactional
    public Optional<String> escalate(long renewalId, String stage) {
        Renewal r = renewal(renewalId);
        String to = chaser(accounts.account(r.getAccountId()).getOwner()).orElse(null);
        audit.record(
                to == null ? "renewal.late" : "renewal.escalated",
                "renewal",
                renewalId,
                r.getAccountId(),
                null,
                fields("stage", stage, "escalatedTo", to));
        return Optional.ofNullable(to);
    }

    /**
     * Who chases a late stage for {@code owner}: their manager while active, else nobody. One rule for the
     * escalation and for a chase following the account to a new owner ({@link RenewalsFollowTheAccount}).
     */
    static Optional<String> chaser(Person owner) {
        Person manager = owner == null ? null : owner.getManager();
        return manager != null && manager.isActive() ? Optional.of(manager.getUsername()) : Optional.empty();
    }

    /**
     * Applies the owner's decision: renewed moves the account's renewal date to {@code next}, churned
     * marks the account churned on the renewal date, renegotiating sends the renewal back to a new
     * proposal. Idempotent: a renewal already closed by the same decision is left as it is.
     *
     * @param decision {@code renewed}, {@code churned} or {@code renegotiating}
     * @param next the next renewal date (renewed only)
     * @return the account's owner now (the next steps' assignee)
     * @throws BadRequestException naming the field when the decision or date is not acceptable
     */
    @Transactional
    public String decide(long renewalId, String decision, LocalDate next) {
        Renewal r = renewal(renewalId);
        Decision d = decision(decision);
        if (!(r.isClosed() && r.getDecision() == d)) {
            check(r, d, next);
            r.decide(d, next, r.getDecisionReason(), clock.instant());
            switch (d) {
                case RENEWED -> accounts.renew(r.getAccountId(), next);
                case CHURNED -> accounts.churn(r.getAccountId(), r.getRenewalDate());
                case RENEGOTIATING -> {}
            }
            audit.record(
                    "renewal.decided", "renewal", renewalId, r.getAccountId(), null, fields("outcome", outcome(r)));
            renewals.flush();
        }
        return username(accounts.account(r.getAccountId()).getOwner());
    }

    /** The renewal a task is about; unknown is 404. */
    @Transactional(readOnly = true)
    public Renewal renewal(long id) {
        return renewals.findById(id).orElseThrow(() -> new NotFoundException("renewal", id));
    }

    /** The account's promises for the renewal of {@code renewalDate}, judged in its owner's zone. */
    @Transactional(readOnly = true)
    public Promises promises(long renewalId) {
        Renewal r = renewal(renewalId);
        return promises(accounts.account(r.getAccountId()), r.getRenewalDate());
    }

    /** Keeps the health review's text (from its task, before the step completes). */
    @Transactional
    void reviewHealth(long renewalId, String summary, String risk) {
        renewal(renewalId).reviewHealth(summary, risk);
    }

    /**
     * Keeps the proposal's text (from its task, before the step completes).
     *
     * @return the account's owner now, who decides: the process reads it for the decision stage, as it
     *     reads the owner after the health review and after a decision, so an owner change during the
     *     proposal stage does not leave the decision with the previous owner
     */
    @Transactional
    String propose(long renewalId, String proposal) {
        Renewal r = renewal(renewalId);
        r.propose(proposal);
        return username(accounts.account(r.getAccountId()).getOwner());
    }

    /** Checks the decision task's answer and keeps its reason; the process applies it ({@link #decide}). */
    @Transactional
    void answerDecision(long renewalId, String decision, LocalDate next, String reason) {
        Renewal r = renewal(renewalId);
        Decision d = decision(decision);
        check(r, d, next);
        if (d != Decision.RENEWED && (reason == null || reason.isBlank())) {
            throw new BadRequestException("reason", "say why the customer churned or what is renegotiated");
        }
        r.giveReason(reason);
    }

    private void check(Renewal r, Decision d, LocalDate next) {
        if (r.isClosed()) {
            throw new BadRequestException("decision", "the renewal was already decided: " + r.getDecision());
        }
        if (d == Decision.RENEWED && (next == null || !next.isAfter(r.getRenewalDate()))) {
            throw new BadRequestException(
                    "nextRenewalDate", "a renewal needs the next renewal date, after " + r.getRenewalDate());
        }
        if (d == Decision.RENEWED) {
            // as an account's renewal date may be set (probe 45, F10: 2199-12-31 read "renews in 63213 days")
            DateLimits.requireNotFarAhead(
                    "nextRenewalDate",
                    next,
                    today(accounts.account(r.getAccountId()).getOwner()));
        }
    }

    private Promises promises(Account account, LocalDate renewalDate) {
        LocalDate today = today(account.getOwner());
        LocalDate termStart = renewalDate.minus(settings.brokenPromiseLookback());
        List<CommitmentView> all = commitments
                .find(CommitmentFilter.ofAccount(account.getId()), PageRequest.of(0, 1000))
                .getContent();
        int open = (int) all.stream().filter(c -> c.status().isOpen()).count();
        int overdue = (int) all.stream()
                .filter(c -> CommitmentStatus.AWAITING_DELIVERY.contains(c.status())
                        && c.dueDate().isBefore(today))
                .count();
        int broken = (int) all.stream()
                .filter(c ->
                        c.status() == CommitmentStatus.BREACHED && !c.dueDate().isBefore(termStart))
                .count();
        return new Promises(open, overdue, broken, username(account.getOwner()));
    }

    private static String outcome(Renewal r) {
        String reason = r.getDecisionReason() == null ? "" : ": " + r.getDecisionReason();
        return switch (r.getDecision()) {
            case RENEWED -> "renewed until " + r.getNextRenewalDate();
            case CHURNED -> "churned" + reason;
            case RENEGOTIATING -> "renegotiating" + reason;
        };
    }

    private static Decision decision(String value) {
        try {
            return Decision.valueOf(String.valueOf(value).trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("decision", "'" + value + "' is not renewed, churned or renegotiating");
        }
    }

    private LocalDate today(Person owner) {
        return LocalDate.now(clock.withZone(zones.of(owner)));
    }

    private static Instant endOfDay(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static String username(Person p) {
        return p == null ? null : p.getUsername();
    }
}
