package dev.baton.account;

import dev.baton.audit.AuditEvent;
import dev.baton.audit.AuditEvents;
import dev.baton.audit.AuditLog;
import dev.baton.audit.AuditReaders;
import dev.baton.people.Capability;
import dev.baton.people.PeopleLookup;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's story in one list, newest first and in words for people: logged interactions, plus
 * what the audit log recorded for the account (promises, handovers, edits), each as a sentence from
 * {@link TimelineSentences} with a link to read more. Task steps are left out (the task's history has them).
 * Read a page at a time: an old account's story has thousands of entries.
 */
@Service
public class Timeline {

    private final AccountService accounts;
    private final Interactions interactions;
    private final AuditEvents events;
    private final PeopleLookup people;
    private final AuditReaders auditReaders;
    private final JdbcTemplate jdbc;
    private final ObjectProvider<IntroductionOutcomes> introductions;

    Timeline(
            AccountService accounts,
            Interactions interactions,
            AuditEvents events,
            PeopleLookup people,
            AuditReaders auditReaders,
            JdbcTemplate jdbc,
            ObjectProvider<IntroductionOutcomes> introductions) {
        this.introductions = introductions;
        this.accounts = accounts;
        this.interactions = interactions;
        this.events = events;
        this.people = people;
        this.auditReaders = auditReaders;
        this.jdbc = jdbc;
    }

    /** How many entries {@link #of} gives: the newest ones, for pages that show the story beside other things. */
    public static final int RECENT = 50;

    /**
     * The ids of one page of the story, newest first; ties (same instant) interactions first, then by
     * id, newest first, so pages never repeat or skip an entry. Task and interaction events are left
     * out of the audit side ({@link TimelineSentences#tells}): the interaction itself is the entry.
     */
    private static final String PAGE = """
        select kind, id from (
          select 'I' kind, i.id, i.occurred_at happened from interaction i where i.account_id = ?
          union all
          select 'E', e.id, e.at from audit_event e
          where e.account_id = ? and coalesce(e.entity_type, '') not in ('task', 'interaction')) t
        order by happened desc, kind desc, id desc limit ? offset ?""";

    private static final String COUNT = """
        select (select count(*) from interaction where account_id = ?) + (select count(*) from audit_event
          where account_id = ? and coalesce(entity_type, '') not in ('task', 'interaction'))""";

    /**
     * The newest {@link #RECENT} entries of the account's story (the whole story: {@link #page}).
     *
     * @throws dev.baton.shared.NotFoundException when the account does not exist
     */
    @Transactional(readOnly = true)
    public List<TimelineItem> of(Long accountId) {
        return page(accountId, PageRequest.of(0, RECENT)).getContent();
    }

    /**
     * One page of the account's story, newest first, in a fixed order (see {@link #PAGE}); the
     * pageable's sort is not used. Only that page's records are read.
     *
     * @throws dev.baton.shared.NotFoundException when the account does not exist
     */
    @Transactional(readOnly = true)
    public Page<TimelineItem> page(Long accountId, Pageable pageable) {
        accounts.account(accountId);
        List<Object[]> keys = jdbc.query(
                PAGE,
                (rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)},
                accountId,
                accountId,
                pageable.getPageSize(),
                pageable.getOffset());
        Map<Long, Interaction> logged = interactions.findWithPeopleByIdIn(ids(keys, "I")).stream()
                .collect(Collectors.toMap(Interaction::getId, Function.identity()));
        Map<Long, AuditEvent> recorded = events.findAllById(ids(keys, "E")).stream()
                .collect(Collectors.toMap(AuditEvent::getId, Function.identity()));
        Map<Long, List<AuditEvent>> wordings = wordings(recorded.values());
        Map<Long, Told> introductions = introductions(recorded.values());
        Function<String, String> names = names();
        boolean auditTrail = auditReaders.signedInMay();
        boolean imports = Capability.IMPORT_RECORDS.grantedTo(
                SecurityContextHolder.getContext().getAuthentication());
        List<TimelineItem> items = keys.stream()
                .map(k -> "I".equals(k[0])
                        ? TimelineItem.of(logged.get((Long) k[1]))
                        : told(recorded.get((Long) k[1]), names, wordings, introductions, auditTrail, imports))
                .toList();
        return PageableExecutionUtils.getPage(
                items, pageable, () -> jdbc.queryForObject(COUNT, Long.class, accountId, accountId));
    }

    private static List<Long> ids(List<Object[]> keys, String kind) {
        return keys.stream()
                .filter(k -> kind.equals(k[0]))
                .map(k -> (Long) k[1])
                .toList();
    }

    /** The events that give a commitment its words: its creation, then each renegotiation (new terms). */
    private static final List<String> WORDING = List.of("commitment.created", "commitment.renegotiated");

    /**
     * Each commitment's wording events, oldest first (in the story's own order: time, then id), from
     * the audit log: the account module does not read commitments.
     */
    private Map<Long, List<AuditEvent>> wordings(Collection<AuditEvent> recorded) {
        List<Long> promised = recorded.stream()
                .filter(e -> "commitment".equals(e.getEntityType()))
                .map(AuditEvent::getEntityId)
                .distinct()
                .toList();
        if (promised.isEmpty()) {
            return Map.of();
        }
        return events.findByEntityTypeAndEntityIdInAndActionIn("commitment", promised, WORDING).stream()
                .sorted(STORY_ORDER)
                .collect(Collectors.groupingBy(AuditEvent::getEntityId));
    }

    private static final Comparator<AuditEvent> STORY_ORDER =
            Comparator.comparing(AuditEvent::getAt).thenComparing(AuditEvent::getId);

    /**
     * The commitment's words as the entry tells them: those that stood when it happened (the latest
     * set before it; a creation's own), and those that stand now (the latest set). Null when no event
     * gave it words (a promise seeded or imported without its creation event).
     */
    static TimelineSentences.Promise promise(AuditEvent e, List<AuditEvent> wordings) {
        String then = null;
        String now = null;
        for (AuditEvent w : wordings == null ? List.<AuditEvent>of() : wordings) {
            String words = w.getAfterState() == null
                    ? null
                    : (String) w.getAfterState().get("description");
            if (words == null) {
                continue; // a renegotiation audited before its terms were
            }
            if (then == null || STORY_ORDER.compare(w, e) < 0) {
                then = words;
            }
            now = words;
        }
        return now == null ? null : new TimelineSentences.Promise(then, now);
    }

    /** An introduction's entry as it is told now: its sentence, and when (null: when it was queued). */
    private record Told(String sentence, Instant when) {}

    /**
     * What became of the introduction mails the page's entries say were queued, as their entries tell
     * it now (handover item id to sentence and time): the outbox's word ({@link IntroductionOutcomes}), a
     * mail that went out dated by when it did (found by probe 47: "went out" showed when it was queued),
     * and a mail that failed once stays told as failed, as the entries after it tell its retry. Empty when
     * the page has none, or no feature says (then the entry says it was queued, as recorded).
     */
    private Map<Long, Told> introductions(Collection<AuditEvent> recorded) {
        List<Long> queued = recorded.stream()
                .filter(e -> TimelineSentences.INTRODUCTION_QUEUED.equals(e.getAction()))
                .map(AuditEvent::getEntityId)
                .distinct()
                .toList();
        IntroductionOutcomes outcomes = queued.isEmpty() ? null : introductions.getIfAvailable();
        if (outcomes == null) {
            return Map.of();
        }
        Map<Long, IntroductionOutcomes.Standing> now = new HashMap<>(outcomes.of(queued));
        events.findByEntityTypeAndEntityIdInAndActionIn(
                        "handover_item", queued, List.of(TimelineSentences.INTRODUCTION_FAILED))
                .forEach(failed -> now.put(
                        failed.getEntityId(),
                        new IntroductionOutcomes.Standing(IntroductionOutcomes.Outcome.FAILED, null)));
        Map<Long, Told> told = new HashMap<>();
        now.forEach((item, standing) ->
                told.put(item, new Told(TimelineSentences.introduction(standing.outcome()), standing.sentAt())));
        return told;
    }

    private static TimelineItem told(
            AuditEvent e,
            Function<String, String> names,
            Map<Long, List<AuditEvent>> wordings,
            Map<Long, Told> introductions,
            boolean auditTrail,
            boolean imports) {
        Told outcome =
                TimelineSentences.INTRODUCTION_QUEUED.equals(e.getAction()) ? introductions.get(e.getEntityId()) : null;
        return new TimelineItem(
                type(e),
                outcome != null && outcome.when() != null ? outcome.when() : e.getAt(),
                names.apply(e.getActor()),
                outcome != null
                        ? outcome.sentence()
                        : TimelineSentences.of(
                                e,
                                names,
                                "commitment".equals(e.getEntityType())
                                        ? promise(e, wordings.get(e.getEntityId()))
                                        : null),
                link(e, auditTrail, imports));
    }

    /** User name → full name, each looked up once; automated steps are Baton's. */
    private Function<String, String> names() {
        Map<String, String> known = new HashMap<>(Map.of(AuditLog.SYSTEM, "Baton"));
        return username -> username == null ? "Baton" : known.computeIfAbsent(username, people::fullName);
    }

    private static String type(AuditEvent e) {
        return switch (e.getEntityType()) {
            case "commitment" -> TimelineItem.COMMITMENT;
            case "handover_item", "handover" -> TimelineItem.HANDOVER;
            default -> TimelineItem.CHANGE;
        };
    }

    /** The actions an import records on the account, each naming its import ({@code importId}). */
    private static final java.util.Set<String> IMPORTED =
            java.util.Set.of(AccountImports.IMPORTED, AccountImports.IMPORT_UPDATED, AccountImports.RECORDS_IMPORTED);

    /**
     * The handover's page for its steps (when the event names its handover), a commitment's own page, a
     * playbook run's page (open to everyone signed in), an import's page for those who may import ({@code
     * imports}), else the record's audit trail, for those who may read it ({@link AuditReaders}); none for
     * others, who would only meet a 403.
     */
    private static String link(AuditEvent e, boolean auditTrail, boolean imports) {
        Object handover = e.getAfterState() == null ? null : e.getAfterState().get("handoverId");
        if ("playbook_instance".equals(e.getEntityType())) {
            return "/playbooks/instances/" + e.getEntityId();
        }
        Object importId = e.getAfterState() == null ? null : e.getAfterState().get("importId");
        if (imports && importId != null && IMPORTED.contains(e.getAction())) {
            return "/imports/" + importId;
        }
        if ("handover_item".equals(e.getEntityType()) && handover != null) {
            return "/handovers/" + handover + "/accounts/" + e.getAccountId();
        }
        if ("commitment".equals(e.getEntityType())) {
            return "/commitments/" + e.getEntityId();
        }
        return auditTrail ? "/audit?entityType=" + e.getEntityType() + "&entityId=" + e.getEntityId() : null;
    }
}
