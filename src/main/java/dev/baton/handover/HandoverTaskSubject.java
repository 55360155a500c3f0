package dev.baton.handover;

import dev.baton.people.PeopleLookup;
import dev.baton.task.TaskSubjectSource;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Describes a handover for the inbox: tasks of the handover processes are about one handover. Beside
 * the acknowledgement it shows the note, any question and answer, and the introduction mail that
 * acknowledging sends; beside the answer, the question (and who answers it in the departing person's
 * place, {@link NoteWriters}); beside "Resolve orphaned work", what is left
 * ({@link OrphanedWork}).
 */
@Component
class HandoverTaskSubject implements TaskSubjectSource {

    /** The {@code baton:subjectType} of the handover processes' user tasks. */
    static final String SUBJECT_TYPE = "handover";

    private static final String ANSWER_FORM = "handover-answer";

    /** The note form's fields as its labels say them (bpmn/forms/handover-note.form). */
    private static final Map<String, String> NOTE_LABELS = new LinkedHashMap<>();

    static {
        NOTE_LABELS.put("relationshipSummary", "Relationship summary");
        NOTE_LABELS.put("keyContacts", "Key contacts and their preferences");
        NOTE_LABELS.put("historyHighlights", "History highlights");
        NOTE_LABELS.put("openCommitmentsAndRisks", "Open commitments and risks");
        NOTE_LABELS.put("contactsToReverify", "Contacts to re-verify");
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final Handovers handovers;
    private final HandoverItems items;
    private final HandoverMails mails;
    private final PeopleLookup people;
    private final OrphanedWork orphans;
    private final NoteWriters writers;

    HandoverTaskSubject(
            Handovers handovers,
            HandoverItems items,
            HandoverMails mails,
            PeopleLookup people,
            OrphanedWork orphans,
            NoteWriters writers) {
        this.writers = writers;
        this.orphans = orphans;
        this.handovers = handovers;
        this.items = items;
        this.mails = mails;
        this.people = people;
    }

    @Override
    public String type() {
        return SUBJECT_TYPE;
    }

    /** Linked to the account's review page (note, timeline, contacts, commitments) when the task has an account. */
    @Override
    @Transactional(readOnly = true)
    public Optional<Summary> describe(long id, Long accountId) {
        return handovers
                .findById(id)
                .map(h -> new Summary(
                        SUBJECT_TYPE,
                        id,
                        "Handover",
                        h.getDeparting().getFullName() + "'s book ("
                                + h.getReason().name().toLowerCase().replace('_', ' ') + ")",
                        accountId == null ? "/handovers/" + id : "/handovers/" + id + "/accounts/" + accountId));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Context> context(long id, Long accountId, String formKey) {
        if (OrphanedWork.FORM_KEY.equals(formKey)) {
            return handovers.findById(id).map(orphans::of).map(List::of).orElse(List.of());
        }
        boolean acknowledging = HandoverTaskAnswers.ACKNOWLEDGE_FORM.equals(formKey);
        if (accountId == null || !(acknowledging || ANSWER_FORM.equals(formKey))) {
            return List.of();
        }
        Optional<HandoverItem> found = items.findByHandoverIdAndAccountId(id, accountId);
        if (found.isEmpty()) {
            return List.of();
        }
        HandoverItem item = found.get();
        List<Context> context = new ArrayList<>();
        String successor = item.getSuccessor() == null
                ? "the successor"
                : item.getSuccessor().getFullName();
        if (ANSWER_FORM.equals(formKey) && item.getQuestion() != null) {
            context.add(new Context("Question from " + successor, item.getQuestion(), null, false));
            writers.answeredInPlace(item)
                    .ifPresent(why -> context.add(new Context("Who answers it", why, null, false)));
        }
        context.add(note(item));
        if (acknowledging && item.getQuestion() != null) {
            context.add(new Context("Your question", item.getQuestion(), null, false));
            if (item.getAnswer() != null) {
                context.add(new Context(
                        "Answer from " + item.getHandover().getDeparting().getFullName(),
                        item.getAnswer(),
                        null,
                        false));
            }
        }
        if (acknowledging) {
            context.add(introduction(item));
        }
        return context;
    }

    private Context note(HandoverItem item) {
        Map<String, Object> note = item.getNote();
        if (note == null) {
            return new Context("The handover note", "No note has been written for this account.", null, false);
        }
        String text = NOTE_LABELS.entrySet().stream()
                .filter(e -> note.get(e.getKey()) != null
                        && !note.get(e.getKey()).toString().isBlank())
                .map(e -> e.getValue() + ":\n" + note.get(e.getKey()))
                .collect(Collectors.joining("\n\n"));
        return new Context("The handover note", text, byline(item.getNoteBy(), item.getNoteWrittenAt()), false);
    }

    /** What acknowledging sends: the mail itself, or why there is none. */
    private Context introduction(HandoverItem item) {
        if (item.isIntroOptOut()) {
            return new Context(
                    "No introduction mail",
                    "The handover was launched without customer mail for this account: acknowledging sends nothing.",
                    null,
                    false);
        }
        return mails.introPreview(item, "(your personal line, if you write one, goes here)")
                .map(p -> new Context(
                        "Acknowledging sends this mail to the customer now",
                        "To: " + p.to().getFullName() + " <" + p.to().getEmail() + ">\n"
                                + (p.copyTo() == null ? "" : "Copy: " + p.copyTo() + "\n")
                                + "Subject: " + p.mail().subject() + "\n\n"
                                + p.mail().text(),
                        "It cannot be recalled once sent.",
                        true))
                .orElseGet(() -> new Context(
                        "No introduction mail",
                        "The account has no primary contact with an e-mail address: acknowledging sends nothing."
                                + " Add one on the account page if the customer should hear from you.",
                        null,
                        false));
    }

    private String byline(String username, Instant at) {
        String who = people.fullName(username);
        String when = at == null ? null : DAY.format(at.atZone(ZoneOffset.UTC));
        if (who == null) {
            return when == null ? null : "written " + when;
        }
        return "by " + who + (when == null ? "" : ", " + when);
    }
}
