package dev.baton.lead;

import static dev.baton.audit.Changes.fields;

import dev.baton.account.AccountLookup;
import dev.baton.account.AccountLookup.ContactMatch;
import dev.baton.audit.AuditLog;
import dev.baton.people.PeopleLookup;
import dev.baton.people.PeopleService;
import dev.baton.people.Person;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.NotFoundException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Leads: creation (refusing duplicates and leads nobody can reach), search and details. */
@Service
public class LeadService {

    private final Leads leads;
    private final LeadActivities activities;
    private final AccountLookup lookup;
    private final PeopleService people;
    private final PeopleLookup persons;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Validator validator;
    private final LeadSettings settings;

    LeadService(
            Leads leads,
            LeadActivities activities,
            AccountLookup lookup,
            PeopleService people,
            PeopleLookup persons,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock,
            Validator validator,
            LeadSettings settings) {
        this.validator = validator;
        this.settings = settings;
        this.leads = leads;
        this.activities = activities;
        this.lookup = lookup;
        this.people = people;
        this.persons = persons;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates the lead and, after commit, starts its follow-up playbook. Every problem of {@code n} is
     * refused at once, each at its field ({@link #problems}): the fields' own rules (the annotations of
     * {@link NewLead}, checked here, so a caller need not), neither e-mail nor phone, a bad SLA, and
     * among those a duplicate e-mail.
     *
     * @param username the signed-in person creating it (recorded in its history), or null for Baton
     * @throws BadRequestException naming every field at fault ({@code email} when there is neither e-mail
     *     nor phone, or, beside other problems, when the e-mail is a duplicate; {@code firstTouchSla} when it
     *     is not an ISO-8601 duration from a minute to what the working week places, {@link
     *     LeadSettings#firstTouchSla}; a field whose annotation refuses it), in the form's order
     * @throws DuplicateLead when a lead or contact already has the e-mail address and nothing else is wrong
     *     (nothing created)
     */
    @Transactional
    public LeadView create(NewLead n, String username) {
        return create(n, username, Map.of());
    }

    /**
     * {@link #create(NewLead, String)} for a JSON body that reading refused in part: values not of their
     * field's type (read as none in {@code n}) and fields a lead does not have. They are refused in the same
     * 400 as the lead's other problems, a mistyped value at its field in place of what its none would be
     * told, unknown fields after the rest (found by probe 37: an unknown field was told alone, the other
     * problems in a second round; by the session 38 review: a score of "high" too).
     *
     * @param bodyProblems the body's mistyped values and unknown fields, each at its path with its message
     *     ({@code TypeMismatches.ofThisRequest}, {@code UnknownFields.ofThisRequest}); empty when none
     * @throws BadRequestException also when {@code bodyProblems} is not empty, naming them beside the rest;
     *     with {@code duplicateOf} (the record, as the 409 names it) when the e-mail is a duplicate
     */
    @Transactional
    public LeadView create(NewLead n, String username, Map<String, String> bodyProblems) {
        Map<String, String> all = new LinkedHashMap<>(problems(n));
        all.putAll(bodyProblems); // a value sent is told as sent, not as the none it was read as
        Map<String, String> refused = inFormOrder(all);
        if (!refused.isEmpty()) {
            Optional<DuplicateLead> duplicate =
                    duplicateOf(n.email()).filter(d -> d.getMessage().equals(refused.get("email")));
            if (duplicate.isPresent() && refused.size() == 1) {
                throw duplicate.get(); // alone, the 409 naming the record (a client goes there), not a 400
            }
            BadRequestException bad = new BadRequestException(refused); // all of them (probes: they came in rounds)
            // beside other problems, the duplicate is named as the 409 names it, for a client to link to (probe 37)
            duplicate.ifPresent(d -> bad.with("duplicateOf", d.reference()));
            throw bad;
        }
        String email = blankToNull(n.email());
        String phone = blankToNull(n.phone());
        String sla = blankToNull(n.firstTouchSla());
        if (sla != null) {
            sla = settings.firstTouchSla(sla, "firstTouchSla").toString();
        }
        Lead lead = leads.saveAndFlush(new Lead(
                n.company().strip(),
                n.personName().strip(),
                email,
                phone,
                n.source().strip(),
                blankToNull(n.campaign()),
                n.score(),
                blankToNull(n.territory()),
                sla));
        created(lead, username == null ? null : people.signedIn(username));
        return LeadView.from(lead);
    }

    /** Records a new lead's creation (history, audit) and publishes the event that starts its playbook. */
    void created(Lead lead, Person by) {
        activities.save(new LeadActivity(
                lead.getId(),
                LeadActivity.Kind.CREATED,
                "Lead from " + lead.getSource() + (lead.getCampaign() == null ? "" : " (" + lead.getCampaign() + ")"),
                by,
                clock.instant()));
        audit.record(
                "lead.created",
                "lead",
                lead.getId(),
                null,
                null,
                fields("company", lead.getCompany(), "source", lead.getSource(), "campaign", lead.getCampaign()));
        events.publishEvent(new LeadEvents.Created(lead.getId()));
    }

    /**
     * Every problem {@link #create} refuses {@code n} for, each at its field in the form's order: the
     * fields' own rules (the annotations of {@link NewLead}), neither e-mail nor phone (at {@code email}), a
     * {@code firstTouchSla} that is no ISO-8601 duration of a minute to what the working week places
     * ({@link LeadSettings#firstTouchSla}), and an e-mail address a lead or contact already
     * has (at {@code email}, the {@link DuplicateLead}'s words, unless the e-mail has another problem). For
     * the API and the /leads page alike, which show all of one submission's problems at once (found by
     * probes: both reported them in rounds, the field rules first, then these). Changes nothing.
     *
     * @param n the lead as typed (blank values are none)
     * @return the messages by field; empty when {@link #create} refuses nothing
     */
    @Transactional(readOnly = true)
    public Map<String, String> problems(NewLead n) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (ConstraintViolation<NewLead> v : validator.validate(n)) {
            problems.merge(v.getPropertyPath().toString(), v.getMessage(), LeadService::firstInWords);
        }
        refusals(n).forEach(problems::putIfAbsent);
        if (!problems.containsKey("email")) {
            duplicateOf(n.email()).ifPresent(duplicate -> problems.put("email", duplicate.getMessage()));
        }
        return inFormOrder(problems);
    }

    /** Of two messages at one field (bean validation's order is none), always the same one. */
    private static String firstInWords(String a, String b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** {@code problems} in the order of {@link NewLead}'s fields, as the form and the record name them. */
    private static Map<String, String> inFormOrder(Map<String, String> problems) {
        List<String> fields = Arrays.stream(NewLead.class.getRecordComponents())
                .map(c -> c.getName())
                .toList();
        Map<String, String> ordered = new LinkedHashMap<>();
        problems.entrySet().stream()
                .sorted(Comparator.comparingInt(e -> {
                    int at = fields.indexOf(e.getKey());
                    return at < 0 ? fields.size() : at;
                }))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered;
    }

    /** What {@link #create} refuses with 400 beyond the fields' own rules, by field. */
    private Map<String, String> refusals(NewLead n) {
        Map<String, String> refused = new LinkedHashMap<>();
        if (blankToNull(n.email()) == null && blankToNull(n.phone()) == null) {
            refused.put("email", "a lead needs a way to reach the person: give an e-mail or a phone");
        }
        String sla = blankToNull(n.firstTouchSla());
        if (sla != null) {
            try {
                settings.firstTouchSla(sla, "firstTouchSla");
            } catch (IllegalArgumentException e) {
                refused.put("firstTouchSla", e.getMessage().replaceFirst("^firstTouchSla: ", ""));
            }
        }
        return refused;
    }

    /** The lead or contact that already has {@code email} (any case), as the refusal naming it; empty when none. */
    private Optional<DuplicateLead> duplicateOf(String email) {
        String address = blankToNull(email);
        if (address == null) {
            return Optional.empty();
        }
        var lead = leads.findByEmail(address);
        if (lead.isPresent()) {
            Lead existing = lead.get();
            return Optional.of(
                    new DuplicateLead("lead", existing.getId(), existing.getPersonName(), existing.getCompany(), null));
        }
        ContactMatch contact = lookup.contactsByEmail(List.of(address)).get(address.toLowerCase(Locale.ROOT));
        return Optional.ofNullable(
                contact == null
                        ? null
                        : new DuplicateLead(
                                "contact",
                                contact.contactId(),
                                contact.contactName(),
                                contact.accountName(),
                                contact.accountId()));
    }

    /**
     * Leads by status, campaign, owner (person id) and text in company, name or e-mail (any null: no
     * filter), in the page's order (its sort ends with the id).
     *
     * @throws BadRequestException at {@code owner}, "no person N", when the owner filter names nobody
     *     ({@link PeopleLookup#requireExists}: the rule of every list's filter by id)
     */
    @Transactional(readOnly = true)
    public Page<LeadView> find(LeadStatus status, String campaign, Long ownerId, String q, Pageable pageable) {
        persons.requireExists(ownerId, "owner");
        Specification<Lead> spec = (root, query, cb) -> cb.conjunction();
        if (status != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("status"), status));
        }
        if (campaign != null && !campaign.isBlank()) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("campaign"), campaign.strip()));
        }
        if (ownerId != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("owner").get("id"), ownerId));
        }
        if (q != null && !q.isBlank()) {
            String like =
                    "%" + q.strip().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%";
            spec = spec.and((root, query, cb) -> cb.or(
                    cb.like(cb.lower(root.get("company")), like, '\\'),
                    cb.like(cb.lower(root.get("personName")), like, '\\'),
                    cb.like(cb.lower(root.get("email")), like, '\\')));
        }
        return leads.findAll(spec, pageable).map(LeadView::from);
    }

    /** The lead with its history; unknown: 404. */
    @Transactional(readOnly = true)
    public LeadView.Details get(long id) {
        Lead lead = leads.findById(id).orElseThrow(() -> new NotFoundException("lead", id));
        return new LeadView.Details(
                LeadView.from(lead),
                activities.findByLeadIdOrderByOccurredAtAscIdAsc(id).stream()
                        .map(LeadView.Activity::from)
                        .toList());
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
