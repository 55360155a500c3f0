package dev.baton.commitment;

import dev.baton.account.AccountService;
import dev.baton.notification.Outbox;
import dev.baton.notification.OutboxStatus;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.people.TimeZones;
import dev.baton.shared.Dates;
import dev.baton.shared.PlainText;
import dev.baton.shared.SaneDate;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk writes for importing commitments from a CRM export, keyed by source and external id. A new
 * open commitment gets its process from the sweep (as any commitment without one does). Importing
 * the same row again updates what it promises, to whom, by when and who owns it, never its status:
 * a status changes only through the commitment's own steps.
 */
@Service
public class CommitmentImports {

    /**
     * A commitment row; ids are Baton's, {@code contactId}, {@code ownerId} and {@code teamId} may be
     * null. Held to the rules of {@link NewCommitment} but one: an imported commitment is history, so
     * its due date may have passed. {@code deliveredAt}, when its source recorded it (delivered or
     * verified ones only), dates the delivery for the trust report as Baton's audited delivery does.
     */
    public record ImportedCommitment(
            String externalId,
            long accountId,
            Long contactId,

            @NotBlank @Size(max = Commitment.DESCRIPTION_MAX) @PlainText
            String description,

            long madeById,
            Long ownerId,
            Long teamId,
            @SaneDate LocalDate dueDate,
            CommitmentStatus status,
            @PastOrPresent @SaneDate Instant deliveredAt) {}

    /**
     * What the commitment process does with a new imported commitment as soon as it starts (the sweep starts
     * it, {@code CommitmentProcessStarter}): a proposed or accepted one whose due day has already ended where
     * it is judged (its owner's zone, {@link CommitmentService#dueZone}) is escalated at once, as the process's
     * due-date timer, set in the past, fires: an "Overdue commitment" mail and a <i>Decide overdue
     * commitment</i> task for {@code escalatedTo} (a full name, chosen as {@code CommitmentProcessSteps#escalate}
     * chooses: {@link OverdueDecider}), described by {@code who} ("the owner's manager").
     */
    public record OverdueOnArrival(LocalDate dueDate, String escalatedTo, String who) {}

    /**
     * What the commitment process does at once with an accepted commitment an import brings inside its "due soon"
     * window (its process starts, or re-reads it, with the reminder timer already past): it mails the owner the
     * "due soon" reminder ({@code CommitmentProcessSteps#remind}, once per owner and due date). {@code reminderAt}
     * is the reminder time that has passed, where the owner is ({@link CommitmentSettings#reminderAt}), {@code
     * daysBefore} how many days before the due date it is, and {@code owner} the owner's full name. {@code
     * alreadyReminded}, for a commitment Baton has, when the reminder to this owner for this due date was queued
     * already (then no second one goes), else null.
     */
    public record DueSoonOnArrival(
            LocalDate dueDate,
            ZonedDateTime reminderAt,
            long daysBefore,
            String owner,
            AlreadyReminded alreadyReminded) {}

    /**
     * The "due soon" reminder to an owner for a due date, queued already: {@code sent} whether it went out, {@code
     * failed} whether sending it gave up for good (then it waits for an admin to send it again; neither: it waits to
     * go out), {@code at} when it went out, else when it was queued, where the owner is.
     */
    public record AlreadyReminded(boolean sent, boolean failed, ZonedDateTime at) {}

    private final JdbcTemplate jdbc;
    private final TimeZones zones;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final CommitmentSettings settings;
    private final Outbox outbox;
    private final PeopleLookup lookup;
    private final AccountService accounts;

    /** Key prefixes withdrawn per statement (two parameters each). */
    private static final int WITHDRAW_CHUNK = 500;

    CommitmentImports(
            JdbcTemplate jdbc,
            TimeZones zones,
            Clock clock,
            ApplicationEventPublisher events,
            CommitmentSettings settings,
            Outbox outbox,
            PeopleLookup lookup,
            AccountService accounts) {
        this.lookup = lookup;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.zones = zones;
        this.clock = clock;
        this.events = events;
        this.settings = settings;
        this.outbox = outbox;
    }

    /**
     * For each of {@code rows} (commitments as an import leaves them: new ones, or known ones with the status
     * they keep, whose owner or due date the import changes, so that the reminder due for them is one not sent
     * yet), in order: the "due soon" reminder its process sends at once when it starts or re-reads the
     * commitment ({@link DueSoonOnArrival}), or null for a row it does not remind now: not ACCEPTED (only the
     * delivery step reminds), an owner who is missing or inactive, a reminder time still to come, or a due day
     * already ended where the owner is (then {@link #overdueOnArrival} says what happens). A row of a commitment
     * in {@code before} whose reminder to that owner for that due date was queued already is found {@link
     * AlreadyReminded} (session 38's probe: a notice promised a reminder "at once" that its dedup key kept from going).
     * Two queries, none when no row may be due soon.
     *
     * @param before the commitments Baton has, as {@link #existing} read them, by external id (new rows lack)
     */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<DueSoonOnArrival> dueSoonOnArrival(List<ImportedCommitment> rows, Map<String, Existing> before) {
        // due from the earliest "today" of any zone to the most reminder days after the latest: no other row is
        // inside its window anywhere, and none is looked up
        LocalDate earliestToday = LocalDate.now(clock.withZone(ZoneOffset.MIN));
        LocalDate lastDue = LocalDate.now(clock.withZone(ZoneOffset.MAX)).plusDays(settings.mostReminderDaysBefore());
        List<DueSoonOnArrival> found = new ArrayList<>();
        List<ImportedCommitment> candidates = rows.stream()
                .filter(c -> maybeDueSoon(c, earliestToday, lastDue))
                .toList();
        if (candidates.isEmpty()) {
            rows.forEach(r -> found.add(null));
            return found;
        }
        List<Owner> owners = new ArrayList<>();
        jdbc.query(
                """
        select p.time_zone, p.full_name, p.active, t.key
        from unnest(?::bigint[], ?::bigint[]) with ordinality as r(owner_id, team_id, i)
        left join person p on p.id = r.owner_id left join team t on t.id = r.team_id
        order by r.i""", // one row per candidate, in order: an owner gone meanwhile reads as inactive (null)
                rs -> {
                    owners.add(new Owner(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)));
                },
                candidates.stream().map(ImportedCommitment::ownerId).toArray(Long[]::new),
                candidates.stream()
                        .map(c -> c.teamId() == null ? 0L : c.teamId())
                        .toArray(Long[]::new));
        Instant now = clock.instant();
        int next = 0;
        for (ImportedCommitment c : rows) {
            Owner owner = maybeDueSoon(c, earliestToday, lastDue) ? owners.get(next++) : null;
            if (owner == null || !owner.active()) {
                found.add(null);
                continue;
            }
            ZoneId zone = zones.ofStored(owner.timeZone());
            Instant reminderAt = settings.reminderAt(c.dueDate(), owner.teamKey(), zone);
            if (now.isBefore(reminderAt) || !now.isBefore(Dates.endOf(c.dueDate(), zone))) {
                found.add(null);
            } else {
                ZonedDateTime at = reminderAt.atZone(zone);
                found.add(new DueSoonOnArrival(
                        c.dueDate(),
                        at,
                        ChronoUnit.DAYS.between(at.toLocalDate(), c.dueDate()),
                        owner.fullName(),
                        null));
            }
        }
        return withTheRemindersQueued(rows, before, found);
    }

    /** {@code found} for {@code rows}, each whose reminder's dedup key a queued mail holds {@link AlreadyReminded}. */
    private List<DueSoonOnArrival> withTheRemindersQueued(
            List<ImportedCommitment> rows, Map<String, Existing> before, List<DueSoonOnArrival> found) {
        List<String> keys = new ArrayList<>(java.util.Collections.nCopies(rows.size(), null));
        for (int i = 0; i < rows.size(); i++) {
            Existing known = before.get(rows.get(i).externalId());
            if (found.get(i) != null && known != null) {
                keys.set(
                        i,
                        CommitmentMails.reminderKey(
                                known.id(), rows.get(i).ownerId(), rows.get(i).dueDate()));
            }
        }
        Map<String, Outbox.Queued> queued =
                outbox.holding(keys.stream().filter(Objects::nonNull).toList());
        List<DueSoonOnArrival> told = new ArrayList<>(found);
        for (int i = 0; i < rows.size(); i++) {
            Outbox.Queued mail = keys.get(i) == null ? null : queued.get(keys.get(i));
            if (mail != null) {
                DueSoonOnArrival d = found.get(i);
                boolean sent = mail.sentAt() != null;
                told.set(
                        i,
                        new DueSoonOnArrival(
                                d.dueDate(),
                                d.reminderAt(),
                                d.daysBefore(),
                                d.owner(),
                                new AlreadyReminded(
                                        sent,
                                        mail.status() == OutboxStatus.FAILED,
                                        (sent ? mail.sentAt() : mail.queuedAt())
                                                .atZone(d.reminderAt().getZone()))));
            }
        }
        return told;
    }

    /** Whether {@code c} is accepted, has an owner, and is due from {@code earliestToday} to {@code lastDue}. */
    private static boolean maybeDueSoon(ImportedCommitment c, LocalDate earliestToday, LocalDate lastDue) {
        return c.ownerId() != null
                && c.dueDate() != null
                && c.status() == CommitmentStatus.ACCEPTED
                && !c.dueDate().isBefore(earliestToday)
                && !c.dueDate().isAfter(lastDue);
    }

    /** An owner as a reminder reads them: their zone (null: the company's), name, whether active, and the team's key. */
    private record Owner(String timeZone, String fullName, boolean active, String teamKey) {}

    /**
     * For each of {@code rows} (new commitments, not yet in Baton, whose owner and maker are people in
     * Baton), in order: what its process does at once when it starts, for an import's report to say before
     * anyone is mailed ({@link OverdueOnArrival}), or null for a row its process will not escalate on arrival
     * (not yet due where its owner is; delivered, rejected or closed; or without an owner, which the
     * delivering team's <i>Assign owner</i> task waits for). Whom the escalation goes to is the process's own
     * rule ({@link OverdueDecider}). A read per person and account named by an overdue row (each once), none
     * when no row is overdue.
     */
    @Transactional(readOnly = true)
    public List<OverdueOnArrival> overdueOnArrival(List<ImportedCommitment> rows) {
        // due before the latest "today" of any zone: a later one is overdue nowhere yet, and not looked up
        LocalDate latestToday = LocalDate.now(clock.withZone(ZoneOffset.MAX));
        Map<Long, Optional<Person>> people = new HashMap<>();
        Map<Long, Optional<Person>> accountOwners = new HashMap<>();
        Instant now = clock.instant();
        List<OverdueOnArrival> found = new ArrayList<>();
        for (ImportedCommitment c : rows) {
            Person owner = mayBeOverdue(c, latestToday)
                    ? people.computeIfAbsent(c.ownerId(), lookup::byId).orElse(null)
                    : null;
            Person maker = owner == null
                    ? null
                    : people.computeIfAbsent(c.madeById(), lookup::byId).orElse(null);
            if (owner == null || maker == null || now.isBefore(Dates.endOf(c.dueDate(), zones.of(owner)))) {
                found.add(null);
                continue;
            }
            Person accountOwner = accountOwners
                    .computeIfAbsent(
                            c.accountId(),
                            id -> Optional.ofNullable(accounts.account(id).getOwner()))
                    .orElse(null);
            OverdueDecider.Decider decider = OverdueDecider.of(owner, maker, accountOwner);
            found.add(new OverdueOnArrival(c.dueDate(), decider.person().getFullName(), decider.who()));
        }
        return found;
    }

    /** Whether {@code c} waits for acceptance or delivery by an owner, and its due day is before {@code latestToday}. */
    private static boolean mayBeOverdue(ImportedCommitment c, LocalDate latestToday) {
        return c.ownerId() != null
                && c.dueDate() != null
                && c.status() != null
                && CommitmentStatus.AWAITING_DELIVERY.contains(c.status())
                && c.dueDate().isBefore(latestToday);
    }

    /**
     * A commitment imported before, as it stands before this import: its id, the account it is at (which an
     * import never changes: a row naming another account is refused), owner (null for none),
     * status (which a re-import keeps), due date, delivering team (null for none) and description, whether
     * its process runs, and how the import's report names it ({@link Commitment#named} with its account:
     * {@code the commitment "Send the SOC 2 report" to Acme GmbH}); its contact (null for none) and the delivery
     * date an import gave it (null for none), which {@link #upsert} writes too.
     */
    public record Existing(
            long id,
            long accountId,
            Long ownerId,
            CommitmentStatus status,
            LocalDate dueDate,
            Long teamId,
            String description,
            boolean processRuns,
            String named,
            Long contactId,
            Instant deliveredAt) {

        /** The commitment's page. */
        public String page() {
            return "/commitments/" + id;
        }

        /**
         * Whether {@link #upsert} would write anything into this commitment from {@code row}: its contact,
         * description, owner, delivering team or due date, or (delivered or verified only) a delivery date the row
         * gives that it has not. A row that changes nothing is not written, so its version, its account's timeline
         * and its process are left alone (session 44: every such row counted "updated").
         */
        public boolean changedBy(ImportedCommitment row) {
            boolean delivered = status == CommitmentStatus.DELIVERED || status == CommitmentStatus.VERIFIED;
            return !Objects.equals(contactId, row.contactId())
                    || !Objects.equals(description, row.description())
                    || !Objects.equals(ownerId, row.ownerId())
                    || !Objects.equals(teamId, row.teamId())
                    || !Objects.equals(dueDate, row.dueDate())
                    || (delivered
                            && row.deliveredAt() != null
                            && !row.deliveredAt().truncatedTo(ChronoUnit.MICROS).equals(deliveredAt));
        }

        /** Whether writing {@code row} changes what the waiting step of this open commitment's running process reads. */
        boolean changesItsProcess(ImportedCommitment row) {
            return processRuns
                    && status.isOpen()
                    && (!Objects.equals(ownerId, row.ownerId())
                            || !Objects.equals(teamId, row.teamId())
                            || !Objects.equals(dueDate, row.dueDate())
                            || !Objects.equals(description, row.description()));
        }
    }

    /** The commitments of {@code source} among {@code externalIds}, by external id. One query. */
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Map<String, Existing> existing(String source, Collection<String> externalIds) {
        Map<String, Existing> found = new HashMap<>();
        jdbc.query(
                """
        select c.external_id, c.id, c.owner_id, c.status, c.description, a.name, c.due_date, c.delivering_team_id,
          c.process_instance_key is not null, c.contact_id, c.imported_delivered_at, c.account_id
        from commitment c join account a on a.id = c.account_id
        where c.external_source = ? and c.external_id = any(?)""",
                rs -> {
                    found.put(
                            rs.getString(1),
                            new Existing(
                                    rs.getLong(2),
                                    rs.getLong(12),
                                    rs.getObject(3, Long.class),
                                    CommitmentStatus.valueOf(rs.getString(4)),
                                    rs.getObject(7, LocalDate.class),
                                    rs.getObject(8, Long.class),
                                    rs.getString(5),
                                    rs.getBoolean(9),
                                    "the " + Commitment.named(rs.getString(5), rs.getString(6)),
                                    rs.getObject(10, Long.class),
                                    rs.getTimestamp(11) == null
                                            ? null
                                            : rs.getTimestamp(11).toInstant()));
                },
                source,
                externalIds.toArray(String[]::new));
        return found;
    }

    /**
     * Writes {@code rows} of {@code source}: new ones are inserted (their process is started by the sweep),
     * known ones updated (never their status). A known open commitment whose process runs and whose owner,
     * delivering team, due date or description the row changes is announced as changed ({@link
     * CommitmentEvents.Changed}, as {@link CommitmentService} does for a change through the API), so its
     * waiting step re-reads it: the new owner gets the step, the due-date timers are set again. Without
     * it, a due date moved by a re-import left the old timers armed (session 36). A known commitment whose due
     * date the row moves has its "due soon" and overdue mails still waiting to go out withdrawn, as a reschedule
     * through the API has ({@code CommitmentMails#dueDateChanged}): they named the old date (session 39).
     *
     * @param before the rows' commitments as {@link #existing} read them for this import (those it lacks are new)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void upsert(String source, List<ImportedCommitment> rows, Map<String, Existing> before) {
        jdbc.batchUpdate("""
        insert into commitment (account_id, contact_id, description, made_by_id, owner_id, delivering_team_id, due_date,
          status, external_source, external_id, imported_delivered_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        on conflict (external_source, external_id) where external_id is not null do update set
          contact_id = excluded.contact_id, description = excluded.description, owner_id = excluded.owner_id,
          delivering_team_id = excluded.delivering_team_id, due_date = excluded.due_date,
          imported_delivered_at = case when commitment.status in ('DELIVERED', 'VERIFIED')
            then coalesce(excluded.imported_delivered_at, commitment.imported_delivered_at)
            else commitment.imported_delivered_at end,
          version = commitment.version + 1, updated_at = now()""", rows, 1000, (ps, c) -> {
            ps.setLong(1, c.accountId());
            ps.setObject(2, c.contactId());
            ps.setString(3, c.description());
            ps.setLong(4, c.madeById());
            ps.setObject(5, c.ownerId());
            ps.setObject(6, c.teamId());
            ps.setDate(7, Date.valueOf(c.dueDate()));
            ps.setString(8, c.status().name());
            ps.setString(9, source);
            ps.setString(10, c.externalId());
            ps.setTimestamp(11, c.deliveredAt() == null ? null : Timestamp.from(c.deliveredAt()));
        });
        // as a reschedule through the API does: a "due soon" or overdue mail still queued names the old date
        List<String> oldDates = rows.stream()
                .filter(c -> before.containsKey(c.externalId())
                        && !Objects.equals(before.get(c.externalId()).dueDate(), c.dueDate()))
                .flatMap(c ->
                        CommitmentMails.dueDateMails(before.get(c.externalId()).id()).stream())
                .toList();
        // one statement arm per prefix: in chunks, so a large import stays within PostgreSQL's parameter limit
        for (int from = 0; from < oldDates.size(); from += WITHDRAW_CHUNK) {
            outbox.withdraw(List.of(), oldDates.subList(from, Math.min(oldDates.size(), from + WITHDRAW_CHUNK)));
        }
        List<Long> changed = rows.stream()
                .filter(c -> before.containsKey(c.externalId())
                        && before.get(c.externalId()).changesItsProcess(c))
                .map(c -> before.get(c.externalId()).id())
                .toList();
        if (!changed.isEmpty()) {
            jdbc.query(
                    "select c.id, c.status, p.username from commitment c left join person p on p.id = c.owner_id"
                            + " where c.id = any(?)",
                    rs -> {
                        long id = rs.getLong(1);
                        events.publishEvent(new CommitmentEvents.Changed(
                                id,
                                CommitmentStatus.valueOf(rs.getString(2)),
                                rs.getString(3),
                                "commitment-changed:" + id + ":" + UUID.randomUUID()));
                    },
                    (Object) changed.toArray(Long[]::new));
        }
    }
}
