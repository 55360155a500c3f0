package dev.baton.handover;

import dev.baton.account.Contact;
import dev.baton.notification.MailComposer;
import dev.baton.notification.MailKind;
import dev.baton.notification.MailPreferenceService;
import dev.baton.notification.Outbox;
import dev.baton.notification.OutboxStatus;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.people.TimeZones;
import dev.baton.shared.Dates;
import dev.baton.shared.StatusWords;
import dev.baton.shared.Text;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.stereotype.Component;

/**
 * A handover's mail, queued in the caller's transaction. Each dedup key names one business event
 * (this account's introduction, this due date's reminder), so a step that runs twice queues once.
 *
 * <p>The mails to a successor stand in for their steps' task mails, so they follow those mails' rules
 * ({@code TaskMails}): none to someone inactive, none of a kind the person switched off ({@link
 * MailKind#ASSIGNMENT} for what gives them an account or a step, {@link MailKind#REMINDER} for the
 * call's reminder). A daily digest subscriber still finds the steps in their digest, as with any task.
 * The one exception is {@link #introFailed}.
 */
@Component
class HandoverMails {

    private static final DateTimeFormatter NOTES_DUE = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    /**
     * The BPMN process id of one account's handover, the inbox's filter for its steps: {@code
     * HandoverBpmn.Account.PROCESS_ID}, which this package does not import (the engine package depends on it).
     */
    private static final String ACCOUNT_PLAYBOOK = "account-handover";

    private final MailComposer composer;
    private final Outbox outbox;
    private final PeopleLookup people;
    private final Book book;
    private final Dates dates;
    private final TimeZones zones;
    private final MailPreferenceService preferences;
    private final HandoverVisibility visibility;
    private final HandoverItems items;
    private final TakingOverMails takingOver;

    HandoverMails(
            MailComposer composer,
            Outbox outbox,
            PeopleLookup people,
            Book book,
            Dates dates,
            TimeZones zones,
            MailPreferenceService preferences,
            HandoverVisibility visibility,
            HandoverItems items,
            TakingOverMails takingOver) {
        this.items = items;
        this.takingOver = takingOver;
        this.preferences = preferences;
        this.visibility = visibility;
        this.dates = dates;
        this.zones = zones;
        this.composer = composer;
        this.outbox = outbox;
        this.people = people;
        this.book = book;
    }

    private static final String INTRO = "handover-intro:";

    /** The outbox's dedup key of the item's introduction mail. */
    static String introKey(long itemId) {
        return INTRO + itemId;
    }

    /** The item whose introduction mail has this dedup key; empty for any other mail. */
    static Optional<Long> introItemId(String dedupKey) {
        return dedupKey != null && dedupKey.startsWith(INTRO)
                ? Optional.of(Long.parseLong(dedupKey.substring(INTRO.length())))
                : Optional.empty();
    }

    /** From the successor to the account's primary contact; false when there is nobody to write to. */
    boolean introduction(HandoverItem item) {
        Optional<Intro> intro = intro(item);
        intro.ifPresent(i -> outbox.enqueue(
                introKey(item.getId()),
                i.to().getEmail(),
                i.copyTo(),
                new Outbox.Sender(
                        item.getSuccessor().getFullName(), item.getSuccessor().getEmail()),
                composer.compose("intro-customer", i.model())));
        return intro.isPresent();
    }

    /**
     * The introduction as it would be sent now (with the personal line {@code personalLine} instead of
     * the stored one), for the successor to read before acknowledging; empty when there is nobody to
     * write to or no successor yet.
     */
    Optional<IntroPreview> introPreview(HandoverItem item, String personalLine) {
        if (item.getSuccessor() == null) {
            return Optional.empty();
        }
        return intro(item).map(i -> {
            Map<String, Object> model = new HashMap<>(i.model());
            model.put("personalLine", personalLine);
            return new IntroPreview(i.to(), i.copyTo(), composer.compose("intro-customer", model));
        });
    }

    /** A preview: to whom, copied to whom (or null), and the mail. */
    record IntroPreview(Contact to, String copyTo, MailComposer.Mail mail) {}

    private record Intro(Contact to, String copyTo, Map<String, Object> model) {}

    /**
     * Why the account's introduction has nobody to go to, in words for its timeline and the successor ("no
     * contact is marked primary", "the primary contact Ana Roth has no e-mail address"); empty when its
     * primary contact has an address. Found by probe 47: every such case said "no contact to write to",
     * also where contacts with addresses were there.
     */
    Optional<String> nobodyToIntroduce(long accountId) {
        List<Contact> contacts = book.contacts(accountId);
        Optional<Contact> primary = contacts.stream().filter(Contact::isPrimary).findFirst();
        if (contacts.isEmpty()) {
            return Optional.of("the account has no contacts");
        }
        if (primary.isEmpty()) {
            return Optional.of("no contact is marked primary");
        }
        return primary.get().getEmail() == null || primary.get().getEmail().isBlank()
                ? Optional.of("the primary contact " + primary.get().getFullName() + " has no e-mail address")
                : Optional.empty();
    }

    /**
     * No introduction went to the customer, for {@code reason} ({@link #nobodyToIntroduce}): to the
     * successor, who holds the introduction call and can fix the contact on the account's page. Sent
     * whatever they chose, as {@link #introFailed} is: nothing else tells them. Once per item.
     *
     * @return whether it was queued now (false: queued before)
     */
    boolean introSkipped(HandoverItem item, String reason) {
        Person successor = item.getSuccessor();
        Map<String, Object> model = new HashMap<>(pageFor(successor, item));
        model.put("recipientName", successor.getFullName());
        model.put("accountName", item.getAccount().getName());
        model.put("reason", reason);
        return mail("handover-intro-skipped:" + item.getId(), successor, "handover-intro-skipped", model);
    }

    private Optional<Intro> intro(HandoverItem item) {
        if (nobodyToIntroduce(item.getAccount().getId()).isPresent()) {
            return Optional.empty();
        }
        Optional<Contact> primary = book.contacts(item.getAccount().getId()).stream()
                .filter(Contact::isPrimary)
                .findFirst();
        Person successor = item.getSuccessor();
        Person departing = item.getHandover().getDeparting();
        boolean copy = item.getHandover().getReason().copiesDepartingOnIntroduction() && departing.isActive();
        Map<String, Object> model = new HashMap<>();
        model.put("contactName", primary.get().getFullName());
        model.put("accountName", item.getAccount().getName());
        model.put("successorName", successor.getFullName());
        model.put("successorEmail", successor.getEmail());
        model.put("departingName", departing.getFullName());
        model.put("departingFirstName", departing.getFullName().split(" ")[0]);
        model.put("departingInCopy", copy);
        model.put("promises", promises(item.getAccount().getId(), zones.of(successor)));
        model.put("personalLine", item.getIntroPersonalLine());
        return Optional.of(new Intro(primary.get(), copy ? departing.getEmail() : null, model));
    }

    /**
     * The reminder goes to the successor, unless they switched reminders off (as a task's reminder); the
     * escalation to the manager who launched the handover.
     *
     * @return whether it was queued now (false: queued before, or a reminder not wanted)
     */
    boolean introCallDue(HandoverItem item, Instant dueAt, boolean escalated) {
        Person recipient = escalated ? manager(item.getHandover()) : item.getSuccessor();
        if (!escalated && !wants(recipient, MailKind.REMINDER)) {
            return false;
        }
        // only a mail the server took introduced the customer (not one waiting, given up, or opted out)
        boolean introduced =
                outbox.statusOf(List.of(introKey(item.getId()))).get(introKey(item.getId())) == OutboxStatus.SENT;
        Map<String, Object> model = Map.of(
                "introduced",
                introduced,
                "recipientName",
                recipient.getFullName(),
                "successorName",
                item.getSuccessor().getFullName(),
                "accountName",
                item.getAccount().getName(),
                "dueAt",
                dueAt,
                "escalated",
                escalated,
                "handoverId",
                item.getHandover().getId());
        String event = escalated ? "handover-intro-call-escalation:" : "handover-intro-call-reminder:";
        return outbox.enqueue(
                event + item.getId() + ":" + dueAt,
                recipient.getEmail(),
                null,
                composer.compose("handover-intro-call", model, zones.of(recipient)));
    }

    /**
     * The customer's introduction failed for good: to the successor, who can reach the customer another
     * way, and to the manager who launched the handover, each in a mail of their own linking to a page
     * they may open (see {@link #pageFor}). Once per failure ({@code failedAt}) and recipient.
     *
     * <p>Sent whatever the successor chose: it is no task mail of any kind they can switch off, and
     * nothing else tells them. The customer was written to in their name and never got it: without this
     * mail they believe the customer introduced, and the customer hears from nobody.
     *
     * @return whether the successor's mail was queued now (false: queued before)
     */
    boolean introFailed(HandoverItem item, String address, String error) {
        Person successor = item.getSuccessor();
        Person manager = manager(item.getHandover());
        String key = "handover-intro-failed:" + item.getId() + ":" + item.getIntroFailedAt();
        boolean queued = introFailed(key, successor, item, address, error);
        if (!manager.getId().equals(successor.getId())) {
            introFailed(key + ":" + manager.getUsername(), manager, item, address, error);
        }
        return queued;
    }

    private boolean introFailed(String key, Person to, HandoverItem item, String address, String error) {
        Map<String, Object> model = new HashMap<>(pageFor(to, item));
        model.put("recipientName", to.getFullName());
        model.put("yours", to.getId().equals(item.getSuccessor().getId()));
        model.put("successorName", item.getSuccessor().getFullName());
        model.put("accountName", item.getAccount().getName());
        model.put("address", address);
        model.put("error", error);
        return mail(key, to, "handover-intro-failed", model);
    }

    /**
     * The page about the item a mail to {@code to} links to ({@code link}, a path, and {@code linkText}):
     * the handover's for whoever may open it ({@link HandoverVisibility}), else the account's, which
     * everyone may read (a successor may not open the handover: a 403).
     */
    private Map<String, Object> pageFor(Person to, HandoverItem item) {
        return visibility.maySee(item.getHandover(), to.getUsername())
                ? Map.of("link", "/handovers/" + item.getHandover().getId(), "linkText", "Open the handover")
                : Map.of("link", "/accounts/" + item.getAccount().getId(), "linkText", "Open the account");
    }

    /**
     * The account's transfer failed for good: to the manager who launched the handover, who alone can
     * choose another successor or retry it. Once per failure (the engine's step {@code stuck}): the
     * failure reported twice queues one mail, a retry that fails again queues another.
     */
    boolean transferFailed(HandoverItem item, String successorName, String reason, StuckTransfer stuck) {
        Person manager = manager(item.getHandover());
        Map<String, Object> model = Map.of(
                "recipientName", manager.getFullName(),
                "accountName", item.getAccount().getName(),
                "departingName", item.getHandover().getDeparting().getFullName(),
                "successorName", successorName,
                "reason", reason,
                "handoverId", item.getHandover().getId());
        return outbox.enqueue(
                "handover-transfer-failed:" + item.getId() + ":" + stuck.elementInstanceKey(),
                manager.getEmail(),
                null,
                composer.compose("handover-transfer-failed", model, zones.of(manager)));
    }

    /**
     * The departing person's one mail about their notes ("14 handover notes due Fri 4 Dec"), linking
     * to the batch page; the note steps send no mail of their own. Due by the end of the effective day
     * where the departing person is. As the steps' "New task" mails it stands in for, none to someone
     * who switched assignment mails off (the batch page and the inbox still list the notes). When they
     * are away today ({@code away}), it asks for no note and says who holds which while they are away
     * ({@link NoteWriters}; session 46's probe: an away rep was asked for 14 notes by the end of the day).
     */
    boolean notesDue(Handover h, long accounts, Optional<NoteWriters.Away> away) {
        Person departing = h.getDeparting();
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", departing.getFullName());
        model.put("managerName", manager(h).getFullName());
        model.put("notes", accounts);
        model.put("dueOn", NOTES_DUE.format(h.getEffectiveDate()));
        model.put("handoverId", h.getId());
        away.ifPresent(a -> {
            model.put("awayUntil", NOTES_DUE.format(a.until()));
            model.put("awayHolders", a.toDeparting(manager(h).getFullName()));
        });
        return assignmentMail("handover-notes-due:" + h.getId(), departing, "handover-notes-due", model);
    }

    /**
     * The successor's one mail about the accounts they take over in this handover ("You are taking over
     * 3 accounts from Dana"), each with the departing person's open commitments on it (those that move
     * with it; others' stay with their owners, and the mail says so), instead of a "New task" mail per account
     * and step (the acknowledgement and call steps carry {@code baton:ownAssignmentMail}). Once per
     * handover and successor at the launch ({@code change} null); once per change that gives them
     * accounts later (the manager's choice, an amendment: {@code change} is its audit event id). As the
     * steps' "New task" mails it stands in for, none to someone inactive or who switched assignment
     * mails off. Which accounts it names is kept ({@link TakingOverMails}), for {@link #successorChanged}.
     *
     * @param accounts the items going to {@code successor}, at least one
     * @return whether it was queued now (false: queued before, or not wanted)
     */
    boolean takingOver(Handover h, Person successor, List<HandoverItem> accounts, Long change) {
        if (!wants(successor, MailKind.ASSIGNMENT)) {
            return false;
        }
        String key = "handover-taking-over:" + h.getId() + ":" + successor.getUsername()
                + (change == null ? "" : ":" + change);
        takingOver.named(key, successor.getId(), accounts);
        Person departing = h.getDeparting();
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", successor.getFullName());
        model.put("departingName", departing.getFullName());
        model.put("reason", StatusWords.phrase(h.getReason()));
        model.put("effectiveOn", NOTES_DUE.format(h.getEffectiveDate()));
        model.put("count", accounts.size());
        // one count query for all of them: a launch mails each successor about every account they take.
        // Only the departing person's: they move with the account, others' (customer success's) stay theirs
        Map<Long, Long> open = book.openCommitmentCounts(
                departing, accounts.stream().map(i -> i.getAccount().getId()).toList());
        String theirs = " of " + departing.getFullName() + "'s)";
        model.put(
                "accounts",
                accounts.stream()
                        .map(i -> {
                            // an account with none says nothing: fourteen "(no open commitment …)" hid the two that
                            // count
                            long n = open.getOrDefault(i.getAccount().getId(), 0L);
                            return i.getAccount().getName()
                                    + (n == 0 ? "" : " (" + Text.count(n, "open commitment") + theirs);
                        })
                        .toList());
        // "(counted above)" only when the list counts some: with none counted it pointed at nothing
        model.put("counted", open.values().stream().anyMatch(n -> n > 0));
        model.put("inbox", "/tasks?playbook=" + ACCOUNT_PLAYBOOK + "&group=subject");
        return mail(key, successor, "handover-taking-over", model);
    }

    /**
     * An amendment gave {@code item} from {@code previous} to its new successor, who is told they take
     * it over. What {@code previous} hears depends on whether their "taking over" mails naming it went
     * out. Those still waiting are withdrawn: the accounts they named that are still {@code previous}'s
     * go in one new mail, and {@code previous} is not told the account is no longer theirs, as they
     * never learned it was. One that went out (or is going out now, or failed) is followed by {@link
     * #noLongerTakingOver}; so is a change when no mail named the account to them (none was wanted,
     * or it was queued before Baton kept what each names). Once per amendment ({@code change}: its
     * audit event id).
     */
    void successorChanged(Handover h, Person previous, HandoverItem item, String changedBy, long change) {
        List<String> keys = takingOver.naming(item.getId(), previous.getId());
        List<String> withdrawn = withdrawn(keys);
        if (!withdrawn.isEmpty()) {
            List<HandoverItem> stillTheirs = items.findAllById(takingOver.itemsNamedBy(withdrawn)).stream()
                    .filter(i ->
                            i.getSuccessor() != null && i.getSuccessor().getId().equals(previous.getId()))
                    .sorted(Comparator.comparing(HandoverItem::getId))
                    .toList();
            takingOver.forget(withdrawn);
            if (!stillTheirs.isEmpty()) {
                takingOver(h, previous, stillTheirs, change);
            }
        }
        if (keys.isEmpty() || withdrawn.size() < keys.size()) {
            noLongerTakingOver(h, previous, item, changedBy, change);
        }
        takingOver(h, item.getSuccessor(), List.of(item), change);
    }

    /**
     * Withdraws the mails {@code keys} still waiting to go out; the keys of those that will never go
     * out now. One the dispatcher holds at this moment is not withdrawn (see {@link Outbox#withdraw}).
     */
    private List<String> withdrawn(List<String> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        outbox.withdraw(keys, List.of());
        Map<String, OutboxStatus> status = outbox.statusOf(keys);
        return keys.stream()
                .filter(k -> status.getOrDefault(k, OutboxStatus.WITHDRAWN) == OutboxStatus.WITHDRAWN)
                .toList();
    }

    /**
     * The manager's one mail at the launch about the accounts they decide on later ("I decide later"),
     * instead of a "New task: Choose successor" mail per account (the step carries {@code
     * baton:ownAssignmentMail}). Once per handover; as those mails, none to a manager who switched
     * assignment mails off.
     *
     * @param unplanned the items without a successor, at least one
     */
    boolean successorsToChoose(Handover h, List<HandoverItem> unplanned) {
        Person manager = manager(h);
        Map<String, Object> model = Map.of(
                "recipientName", manager.getFullName(),
                "departingName", h.getDeparting().getFullName(),
                "count", unplanned.size(),
                "accounts",
                        unplanned.stream().map(i -> i.getAccount().getName()).toList(),
                "handoverId", h.getId());
        return assignmentMail("handover-choose-successors:" + h.getId(), manager, "handover-choose-successors", model);
    }

    /**
     * The departing person answered the successor's question: the account is back with the successor to
     * acknowledge, and this mail says why (the step itself sends none). It stands in for the step's "New
     * task" mail, so it follows that mail's rules: none to someone inactive or who switched assignment
     * mails off. Once per answer ({@code answer}: its audit event id). Someone else who answered in the
     * departing person's place ({@code by}: the manager, while she is away and her cover is the successor,
     * {@link NoteWriters}) is named as who answered.
     *
     * @param by the user name of who answered, or null (not known: the departing person)
     */
    boolean questionAnswered(HandoverItem item, long answer, String by) {
        Person successor = item.getSuccessor();
        Person departing = item.getHandover().getDeparting();
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", successor.getFullName());
        model.put("departingName", departing.getFullName());
        boolean inPlace = by != null && !by.equals(departing.getUsername());
        model.put("answeredBy", inPlace ? people.fullName(by) : departing.getFullName());
        model.put("inPlaceOf", inPlace ? departing.getFullName() : null);
        model.put("accountName", item.getAccount().getName());
        model.put("question", item.getQuestion());
        model.put("answer", item.getAnswer());
        model.put("inbox", inboxOf(item));
        return assignmentMail(
                "handover-question-answered:" + item.getId() + ":" + answer,
                successor,
                "handover-question-answered",
                model);
    }

    /**
     * The departing person left without the successor's question answered: the account is back with
     * the successor to acknowledge, and this mail says why (the step itself sends none), by who held the
     * answer step ({@code heldBy}): "Dana Berg has left without answering", or, when someone held it in her
     * place (her cover, her manager), that they did not answer it by her last day. It stands in
     * for the step's "New task" mail, so it follows that mail's rules: none to someone inactive or who
     * switched assignment mails off. Once per event ({@code unanswered}: its audit event id).
     *
     * @param heldBy the user name of who held the answer step when it closed; null or the departing person's
     *     for her
     */
    boolean questionUnanswered(HandoverItem item, long unanswered, String heldBy) {
        Handover h = item.getHandover();
        boolean inPlace = heldBy != null && !heldBy.equals(h.getDeparting().getUsername());
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", item.getSuccessor().getFullName());
        model.put("departingName", h.getDeparting().getFullName());
        model.put("heldByName", inPlace ? people.fullName(heldBy) : null);
        model.put("lastDay", NOTES_DUE.format(h.getEffectiveDate()));
        model.put("accountName", item.getAccount().getName());
        model.put("question", item.getQuestion());
        model.put("inbox", inboxOf(item));
        return assignmentMail(
                "handover-question-unanswered:" + item.getId() + ":" + unanswered,
                item.getSuccessor(),
                "handover-question-unanswered",
                model);
    }

    /**
     * An amendment gave the account to someone else: its previous successor, who was told they would take
     * it over, learns it is no longer theirs. As a task's "moved to someone else" mail, none to someone
     * inactive or who switched assignment mails off. Once per amendment ({@code change}: its audit
     * event id) and person.
     */
    private boolean noLongerTakingOver(Handover h, Person previous, HandoverItem item, String changedBy, long change) {
        Map<String, Object> model = Map.of(
                "recipientName", previous.getFullName(),
                "departingName", h.getDeparting().getFullName(),
                "accountName", item.getAccount().getName(),
                "successorName", item.getSuccessor().getFullName(),
                "changedBy", people.fullName(changedBy));
        return assignmentMail(
                "handover-no-longer-taking-over:" + item.getId() + ":" + previous.getUsername() + ":" + change,
                previous,
                "handover-no-longer-taking-over",
                model);
    }

    /** The successor's steps of this account in their inbox. */
    private static String inboxOf(HandoverItem item) {
        return "/tasks?playbook=" + ACCOUNT_PLAYBOOK + "&accountId="
                + item.getAccount().getId();
    }

    /** {@link #mail}, unless {@code to} is inactive or switched assignment mails off. */
    private boolean assignmentMail(String dedupKey, Person to, String template, Map<String, Object> model) {
        return wants(to, MailKind.ASSIGNMENT) && mail(dedupKey, to, template, model);
    }

    /** Whether {@code to} is sent mails of {@code kind}: active, and not switched off (the rule of {@code TaskMails}). */
    private boolean wants(Person to, MailKind kind) {
        return to.isActive() && preferences.wants(to.getId(), kind);
    }

    /** One mail to one person, composed in their time zone; false when {@code dedupKey} was queued before. */
    private boolean mail(String dedupKey, Person to, String template, Map<String, Object> model) {
        return outbox.enqueue(dedupKey, to.getEmail(), null, composer.compose(template, model, zones.of(to)));
    }

    boolean summary(Handover h, List<HandoverItem> items, String duration) {
        Person manager = manager(h);
        Map<String, Long> perSuccessor = new TreeMap<>();
        items.forEach(i -> perSuccessor.merge(i.getSuccessor().getFullName(), 1L, Long::sum));
        String departing = h.getDeparting().getUsername();
        Map<String, Object> model = new HashMap<>();
        model.put("recipientName", manager.getFullName());
        model.put("departingName", h.getDeparting().getFullName());
        model.put("accounts", items.size());
        model.put("duration", duration);
        model.put("successors", successorLines(perSuccessor));
        model.put(
                "notesByDeparting",
                items.stream().filter(i -> departing.equals(i.getNoteBy())).count());
        model.put(
                "notesByManager",
                items.stream()
                        .filter(i -> i.getNoteBy() != null && !departing.equals(i.getNoteBy()))
                        .count());
        // only a mail the server took counts: one still waiting or given up is not an introduction
        Map<String, OutboxStatus> intros =
                outbox.statusOf(items.stream().map(i -> introKey(i.getId())).toList());
        model.put("introsSent", count(intros, OutboxStatus.SENT));
        model.put("introsWaiting", count(intros, OutboxStatus.PENDING));
        model.put("introsFailed", count(intros, OutboxStatus.FAILED));
        model.put("handoverId", h.getId());
        return outbox.enqueue(
                "handover-summary:" + h.getId(),
                manager.getEmail(),
                null,
                composer.compose("handover-summary", model, zones.of(manager)));
    }

    /** The summary's line per successor, "Nia Novak: 1 account" (full name to how many they took). */
    static List<String> successorLines(Map<String, Long> perSuccessor) {
        return perSuccessor.entrySet().stream()
                .map(e -> e.getKey() + ": " + Text.count(e.getValue(), "account"))
                .toList();
    }

    private static long count(Map<String, OutboxStatus> mails, OutboxStatus status) {
        return mails.values().stream().filter(status::equals).count();
    }

    private Person manager(Handover h) {
        return people.byUsername(h.getLaunchedBy()).orElseThrow();
    }

    /**
     * The account's open promises as the customer reads them, each true on the day the mail goes: what,
     * by when while that is still to come, and for a promise not on track a plain word on where it stands
     * (no internal status names). Whoever owns it (customer success delivers many): the mail makes the
     * successor the customer's contact for them, never their deliverer ("it is mine now" was untrue for
     * those others own, found by the session 40 probe). One past its date says it is late, and one
     * delivered names no date at all: "by Mon 23 Nov" for a day gone by read as still to come. Days are
     * the successor's ({@code zone}), who writes. Empty when there are none.
     */
    List<String> promises(Long accountId, java.time.ZoneId zone) {
        Dates d = dates.in(zone);
        java.time.LocalDate today = d.today(zone);
        return book.openPromisesOf(accountId).stream()
                .map(c -> c.description()
                        + switch (c.status()) {
                            case DELIVERED -> " (delivered: I will check with you that it works as promised)";
                            case REJECTED -> " (we need to agree new terms with you: I will be in touch)";
                            default ->
                                c.dueDate().isBefore(today)
                                        ? ", which was due on " + d.day(c.dueDate())
                                                + ": it is late, and I am sorry; I will come back to you with a date"
                                                + " we can keep"
                                        : ", by " + d.day(c.dueDate());
                        })
                .toList();
    }
}
