package dev.baton.account;

import dev.baton.audit.AuditEvent;
import dev.baton.shared.Dates;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table that turns an audit event into a sentence for people: action → template. A template
 * names the event's fields in braces ({@code {to}}), {@code {actor}} for who did it, {@code {promise}}
 * for the commitment's words (quoted) and {@code {terms}} for what a renegotiation or reschedule
 * changed; fields holding user names are read as full names. Task events are
 * not in the table: they belong to the task's history, not to the customer's story ({@link #tells}).
 */
final class TimelineSentences {

    /** The action recorded as a handover queued its introduction mail; its entry tells what became of it. */
    static final String INTRODUCTION_QUEUED = "handover.introduction-sent";

    static final String INTRODUCTION_FAILED = "handover.introduction-failed";

    /**
     * No introduction mail went: its {@code reason} says what is missing (recorded since session 47; before,
     * "the account has no contact to write to" stood for every case).
     */
    static final String INTRODUCTION_SKIPPED = "handover.introduction-skipped";

    /** A playbook launched from the catalogue on the account (not one Baton starts itself: those have their own). */
    static final String PLAYBOOK_LAUNCHED = "playbook.launched";

    private static final Map<String, String> SENTENCES = Map.ofEntries(
            Map.entry("account.created", "{actor} created the account"),
            Map.entry("account.updated", "{actor} updated the account's details{accountChanges}"),
            Map.entry(AccountImports.IMPORTED, "{actor} imported the account from {importedFrom} ({importRef})"),
            Map.entry(
                    AccountImports.IMPORT_UPDATED,
                    "{actor} updated the account with import #{importId} ({file}){accountChanges}"),
            Map.entry(PLAYBOOK_LAUNCHED, "{actor} launched {playbook}"),
            Map.entry("account.transferred", "{actor} made {owner} the account's owner"),
            Map.entry("account.handed-to-cs", "{actor} handed the account to customer success: {owner} owns it now"),
            Map.entry(
                    "account.handoff-started",
                    "{actor} started the sales-to-CS handoff: {rep} lists the sale's promises, each team accepts"
                            + " them, then customer success takes the account"),
            Map.entry("contact.created", "{actor} added the contact {fullName}"),
            Map.entry("contact.updated", "{actor} updated the contact {fullName}"),
            Map.entry("contact.verified", "{actor} confirmed a contact's details are current"),
            Map.entry("contact.retired", "{actor} recorded that {fullName} left the company (kept with their history)"),
            Map.entry("account.renewed", "The customer renewed: the next renewal date is {renewalDate}"),
            Map.entry("account.churned", "The customer did not renew: the account churned on {churnedOn}"),
            Map.entry("renewal.opened", "The renewal due {renewalDate} started: health review, proposal, decision"),
            Map.entry(
                    "renewal.held",
                    "The renewal waits for its promises before a proposal: {overdue} overdue, {broken} broken"),
            Map.entry("renewal.escalated", "The renewal's {stage} was late and went to {escalatedTo}"),
            Map.entry("renewal.late", "The renewal's {stage} was late; the owner has no manager to tell"),
            Map.entry("renewal.decided", "Renewal decided: {outcome}"),
            Map.entry(
                    "playbook.instance-canceled",
                    "{actor} canceled a run of the playbook {playbook} on the account: {reason}"),
            Map.entry(
                    "playbook.instance-migrated",
                    "{actor} moved a run of the playbook {playbook} on the account to version {version}"),
            Map.entry("commitment.created", "{actor} promised {promise}, due {dueDate}"),
            Map.entry("commitment.reassigned", "{actor} gave the promise {promise} to {owner}"),
            Map.entry("commitment.accepted", "{actor} accepted the promise {promise}"),
            Map.entry("commitment.rejected", "{actor} said no to the promise {promise}: {reason}"),
            Map.entry("commitment.renegotiated", "{actor} renegotiated the promise {promise} with the customer{terms}"),
            Map.entry("commitment.cancelled", "{actor} withdrew the promise {promise}: {reason}"),
            Map.entry("commitment.delivered", "{actor} delivered the promise {promise}: {evidence}"),
            Map.entry(
                    "commitment.verified",
                    "{actor} confirmed with the customer that the promise {promise} was delivered"),
            Map.entry("commitment.reopened", "{actor} reopened the promise {promise}: {reason}"),
            Map.entry("commitment.rescheduled", "{actor} moved the promise {promise}{terms}"),
            Map.entry("commitment.breached", "{actor} recorded the promise {promise} as broken: {reason}"),
            // the overdue decision goes to the manager, not the promise: its owner stays (the probe read
            // "was late and went to Marcus Brown" as a change of owner)
            Map.entry(
                    "commitment.escalated",
                    "The promise {promise} was overdue: {escalatedTo} was asked to decide what happens to it"),
            Map.entry("handover.successor-chosen", "{successor} was chosen to take the account over"),
            Map.entry("handover.successor-changed", "{actor} gave the account's handover to {successor} instead"),
            Map.entry("handover.note-written", "{by} wrote the handover note"),
            Map.entry("handover.ownership-transferred", "{from} handed the account over to {to}"),
            Map.entry(
                    "handover.transfer-failed",
                    "The account could not be moved to {to} ({reason}): the handover waits for its manager"),
            Map.entry("handover.transfer-retried", "{actor} started the account's move to {to} again"),
            Map.entry("handover.question-asked", "{actor} asked about the handover: {question}"),
            Map.entry("handover.acknowledged", "{by} acknowledged the handover note"),
            Map.entry("handover.question-answered", "{actor} answered the question about the handover: {answer}"),
            Map.entry(
                    "handover.question-unanswered",
                    "The question about the handover went unanswered: the departing person has left ({question})"),
            Map.entry(INTRODUCTION_QUEUED, "The introduction mail to the customer was queued for sending"),
            Map.entry(
                    "handover.introduction-opted-out",
                    "No introduction mail was sent: the customer is not to get one (chosen at the handover's launch)"),
            Map.entry(
                    INTRODUCTION_FAILED,
                    "The introduction mail to {address} could not be delivered ({error}): the customer has not"
                            + " been introduced; an admin can send it again"),
            Map.entry(
                    "handover.introduction-sent-again", "The introduction mail went out after an admin sent it again"),
            Map.entry(INTRODUCTION_SKIPPED, "No introduction mail went out: {reason}"),
            Map.entry("handover.intro-call-escalated", "The introduction call was late and went to the manager"),
            Map.entry("handover.intro-call-held", "Intro call held by {by}{summary}"),
            Map.entry(
                    "handover.cancelled-after-move",
                    "{actor} canceled the handover after the account had moved: it stays with {successor}"));

    /**
     * The introduction mail's entry as it stands now ({@link #INTRODUCTION_QUEUED}, which was recorded
     * as it was queued).
     */
    static String introduction(IntroductionOutcomes.Outcome outcome) {
        return switch (outcome) {
            case WAITING -> SENTENCES.get(INTRODUCTION_QUEUED);
            case SENT -> "The introduction mail went out to the customer";
            case FAILED -> "The introduction mail to the customer was queued but could not be delivered";
            case WITHDRAWN -> "The introduction mail to the customer was withdrawn before it went out";
        };
    }

    /** Fields whose values are user names, shown as full names. */
    private static final java.util.Set<String> PEOPLE =
            java.util.Set.of("actor", "by", "from", "to", "owner", "successor", "escalatedTo", "rep");

    private static final Pattern FIELD = Pattern.compile("\\{(\\w+)}");

    private TimelineSentences() {}

    /** Whether the event belongs in the customer's story; task steps are left to the task's history. */
    static boolean tells(AuditEvent e) {
        return !"task".equals(e.getEntityType()) && !"interaction".equals(e.getEntityType());
    }

    /**
     * A commitment's words as an entry tells them: {@code then}, those that stood when it happened,
     * and {@code now}, those that stand today (they differ once it was renegotiated since).
     */
    record Promise(String then, String now) {}

    /** Quoted words longer than this are cut: an entry is one sentence, the whole text is on its page. */
    static final int QUOTE_MAX = 120;

    /**
     * The event in words. {@code names} maps a user name to a full name (unknown ones stay as they are);
     * {@code promise} is the commitment's words when known (else it is named by number). A promise
     * renegotiated since is quoted as it was, then as it is now. A renegotiation or reschedule says
     * what changed, from what to what. Unknown actions get a generic sentence.
     */
    static String of(AuditEvent e, Function<String, String> names, Promise promise) {
        Map<String, Object> fields = new HashMap<>();
        if (e.getBeforeState() != null) {
            e.getBeforeState().forEach((k, v) -> fields.put(k, v));
        }
        if (e.getAfterState() != null) {
            e.getAfterState().forEach((k, v) -> {
                if (v != null) fields.put(k, v);
            });
        }
        fields.put("actor", e.getActor() == null ? "Baton" : e.getActor());
        if (e.getEntityType() != null && e.getEntityType().equals("commitment") && fields.get("dueDate") != null) {
            fields.put("dueDate", day(fields.get("dueDate")));
        }
        fields.put("promise", promise == null ? "#" + e.getEntityId() : quotedAsOfThen(promise, e.getAction()));
        fields.put("terms", terms(e));
        fields.put("accountChanges", changes(e, names));
        fields.put("importRef", "import #" + fields.get("importId") + ", " + fields.get("file"));
        fields.put("importedFrom", SOURCES.getOrDefault(String.valueOf(fields.get("source")), "a file"));
        if (AccountImports.RECORDS_IMPORTED.equals(e.getAction())) {
            return recordsImported(e, names);
        }
        if (INTRODUCTION_SKIPPED.equals(e.getAction())) {
            fields.putIfAbsent("reason", "the account has no contact to write to");
        }
        Object summary = fields.get("summary");
        fields.put("summary", summary == null || summary.toString().isBlank() ? "" : ": " + summary);
        String template = SENTENCES.get(e.getAction());
        if (template == null) {
            return generic(e, names);
        }
        if (promise == null) {
            // a promise seeded or imported without its creation event: named by number, not quoted as words
            template = template.replace("the promise {promise}", "promise {promise}");
        }
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Object value = fields.get(m.group(1));
            String text = value == null
                    ? "—"
                    : PEOPLE.contains(m.group(1)) ? names.apply(value.toString()) : value.toString();
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        return m.appendTail(out).toString();
    }

    /**
     * The words that stood then, and those of today where they differ: {@code "Onsite training" (now
     * "Remote training")}. A renegotiation names its new words itself ({@link #terms}).
     */
    private static String quotedAsOfThen(Promise p, String action) {
        String then = quoted(p.then());
        return p.then().equals(p.now()) || "commitment.renegotiated".equals(action)
                ? then
                : then + " (now " + quoted(p.now()) + ")";
    }

    /**
     * What a renegotiation or reschedule changed, from its audit's before and after: {@code to "Remote
     * training", due Tue 22 Dec 2026 (was Sat 12 Dec 2026)}, {@code from Sat 12 Dec 2026 to Tue 22 Dec 2026:
     * the customer asked}. Empty for other actions, and for what an older audit entry did not record.
     */
    private static String terms(AuditEvent e) {
        Map<String, Object> was = e.getBeforeState() == null ? Map.of() : e.getBeforeState();
        Map<String, Object> is = e.getAfterState() == null ? Map.of() : e.getAfterState();
        Object dueWas = day(was.get("dueDate"));
        Object due = day(is.get("dueDate"));
        boolean moved = dueWas != null && due != null && !dueWas.equals(due);
        return switch (e.getAction()) {
            case "commitment.renegotiated" -> {
                Object wordsWas = was.get("description");
                Object words = is.get("description");
                boolean reworded = wordsWas != null && words != null && !wordsWas.equals(words);
                if (reworded) {
                    String when = due == null ? "" : ", due " + due + (moved ? " (was " + dueWas + ")" : " as before");
                    yield " to " + quoted(words.toString()) + when;
                }
                yield moved ? " to a new date: " + due + " (was " + dueWas + ")" : "";
            }
            case "commitment.rescheduled" -> {
                Object reason = is.get("reason");
                String why = reason == null || reason.toString().isBlank() ? "" : ": " + reason;
                yield (moved ? " from " + dueWas + " to " + due : " to a new date") + why;
            }
            default -> "";
        };
    }

    /** Where an import's file came from, as the import page names its sources. */
    private static final Map<String, String> SOURCES =
            Map.of("SALESFORCE", "Salesforce", "HUBSPOT", "HubSpot", "BATON", "a file in Baton's template");

    /** How the timeline names each account field a change lists, in the order it lists them. */
    private static final Map<String, String> ACCOUNT_FIELDS = new java.util.LinkedHashMap<>();

    static {
        ACCOUNT_FIELDS.put("name", "name");
        ACCOUNT_FIELDS.put("owner", "owner");
        ACCOUNT_FIELDS.put("segment", "segment");
        ACCOUNT_FIELDS.put("territory", "territory");
        ACCOUNT_FIELDS.put("renewalDate", "renewal date");
    }

    /**
     * What an account's edit or re-import changed, from its audit's before and after: {@code : made Rita
     * Okafor the account's owner (was Rob Jansen); territory DACH (was EMEA)}, the owner in the words of a
     * transfer's entry. Empty for other actions, and when the record names no field that changed.
     */
    private static String changes(AuditEvent e, Function<String, String> names) {
        if (!"account".equals(e.getEntityType()) || e.getBeforeState() == null || e.getAfterState() == null) {
            return "";
        }
        Map<String, Object> was = e.getBeforeState();
        Map<String, Object> is = e.getAfterState();
        java.util.List<String> told = new java.util.ArrayList<>();
        ACCOUNT_FIELDS.forEach((field, words) -> {
            if (!is.containsKey(field) || Objects.equals(was.get(field), is.get(field))) {
                return;
            }
            Object from = was.get(field);
            Object to = is.get(field);
            if (field.equals("owner")) {
                told.add((to == null
                                ? "left the account without an owner"
                                : "made " + names.apply(to.toString()) + " the account's owner")
                        + (from == null ? " (it had none)" : " (was " + names.apply(from.toString()) + ")"));
            } else if (field.equals("renewalDate")) {
                told.add(words + " " + (to == null ? "none" : day(to)) + " (was " + (from == null ? "none" : day(from))
                        + ")");
            } else {
                told.add(words + " " + (to == null ? "none" : quoted(to.toString())) + " (was "
                        + (from == null ? "none" : quoted(from.toString())) + ")");
            }
        });
        return told.isEmpty() ? "" : ": " + String.join("; ", told);
    }

    /** The timeline's words for the records of each kind an import brings to an account: one, and more. */
    private static final Map<String, String[]> RECORDS = Map.of(
            "CONTACTS", new String[] {"contact", "contacts"},
            "INTERACTIONS", new String[] {"interaction", "interactions"},
            "COMMITMENTS", new String[] {"promise", "promises"});

    /**
     * An import's records at the account in one line: {@code Olga Reyes imported 3 contacts (import #6,
     * contacts.csv)}, {@code ... imported 2 promises and updated 1 (...)}, {@code ... updated 3 interactions (...)}.
     */
    private static String recordsImported(AuditEvent e, Function<String, String> names) {
        Map<String, Object> is = e.getAfterState();
        String[] words = RECORDS.getOrDefault(String.valueOf(is.get("kind")), new String[] {"record", "records"});
        int created = is.get("created") instanceof Number n ? n.intValue() : 0;
        int updated = is.get("updated") instanceof Number n ? n.intValue() : 0;
        String what = created > 0
                ? "imported " + count(created, words) + (updated > 0 ? " and updated " + updated : "")
                : "updated " + count(updated, words);
        return names.apply(e.getActor() == null ? "Baton" : e.getActor()) + " " + what + " (import #"
                + is.get("importId") + ", " + is.get("file") + ")";
    }

    private static String count(int n, String[] words) {
        return n + " " + (n == 1 ? words[0] : words[1]);
    }

    /**
     * A calendar day as every page writes one ("Tue 1 Dec 2026", {@link Dates#calendarDay}), from the ISO
     * date an audit entry keeps; anything else as it is (null stays null).
     */
    private static Object day(Object iso) {
        if (iso == null) {
            return null;
        }
        try {
            return Dates.calendarDay(LocalDate.parse(iso.toString()));
        } catch (DateTimeParseException notADate) {
            return iso;
        }
    }

    /** The words in quotes, cut after {@link #QUOTE_MAX} characters. */
    private static String quoted(String words) {
        if (words.length() > QUOTE_MAX) {
            int end = Character.isHighSurrogate(words.charAt(QUOTE_MAX - 1)) ? QUOTE_MAX - 1 : QUOTE_MAX;
            words = words.substring(0, end).strip() + "…";
        }
        return "\"" + words + "\"";
    }

    /** "Rob Miller: lead qualified" for an action the table does not know yet. */
    private static String generic(AuditEvent e, Function<String, String> names) {
        String verb = e.getAction().substring(e.getAction().indexOf('.') + 1).replace('-', ' ');
        String thing = Objects.requireNonNullElse(e.getEntityType(), "record").replace('_', ' ');
        return names.apply(e.getActor() == null ? "Baton" : e.getActor()) + ": " + thing + " " + verb;
    }
}
