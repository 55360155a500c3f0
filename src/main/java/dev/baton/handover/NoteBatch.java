package dev.baton.handover;

import dev.baton.people.PeopleLookup;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import dev.baton.shared.NotFoundException;
import dev.baton.shared.SizeInCharacters;
import dev.baton.task.Task;
import dev.baton.task.TaskService;
import dev.baton.task.TaskSubject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * All of a handover's notes on one page for the departing person ("your notes: 3 of 14 done"),
 * with drafts kept as they type. Submitting a note completes its task through the inbox, so the
 * form's rules and the handover's own checks apply as on the task page.
 */
@Service
public class NoteBatch {

    /**
     * One account's note.
     *
     * @param values the draft (or the first draft from the record), or the note once written
     * @param taskId the open note task, or null (written, or the successor is still to be chosen)
     * @param holder who holds that task (user name): the departing person; their cover while they are away,
     *     or their manager after the effective date or where that cover is the account's successor ({@link
     *     NoteWriters})
     * @param holderName the holder's full name, or null
     * @param heldBecause why someone other than the departing person holds it, one sentence to the reader
     *     ("Rob Jansen covers for you while you are away (until Thu 10 Dec 2026) and writes this note."), or null
     */
    public record Note(
            long itemId,
            long accountId,
            String accountName,
            String successorName,
            boolean written,
            Map<String, Object> values,
            Instant draftSavedAt,
            Long taskId,
            String holder,
            String holderName,
            String heldBecause) {}

    /**
     * @param dueOn the last day for the notes (the effective date, UTC)
     * @param ended why no note can be changed any more ("this handover was canceled"), or null while active
     * @param heldOnly whether {@code notes} are only those the reader holds (someone who holds a note step and
     *     may not see the handover otherwise: a cover, a manager's cover), not the whole handover's
     */
    public record Batch(
            long handoverId,
            String departing,
            String departingName,
            LocalDate dueOn,
            boolean active,
            String ended,
            int written,
            boolean heldOnly,
            List<Note> notes) {}

    private final Handovers handovers;
    private final HandoverItems items;
    private final HandoverQueries queries;
    private final HandoverNoteDraft drafts;
    private final TaskService tasks;
    private final NoteWriters writers;
    private final PeopleLookup people;
    private final Clock clock;

    NoteBatch(
            Handovers handovers,
            HandoverItems items,
            HandoverQueries queries,
            HandoverNoteDraft drafts,
            TaskService tasks,
            NoteWriters writers,
            PeopleLookup people,
            Clock clock) {
        this.writers = writers;
        this.people = people;
        this.handovers = handovers;
        this.items = items;
        this.queries = queries;
        this.drafts = drafts;
        this.tasks = tasks;
        this.clock = clock;
    }

    /**
     * For the departing person and whoever may see the handover, every note; for someone else who holds note
     * steps of it (a cover while the departing person is away, found by session 46's probe to get a 403), the
     * notes they hold. Others get AccessDeniedException.
     */
    @Transactional(readOnly = true)
    public Batch of(long handoverId, String username) {
        Handover h = handovers.findById(handoverId).orElseThrow(() -> new NotFoundException("handover", handoverId));
        Map<Long, Task> open = new LinkedHashMap<>();
        tasks.openAbout(new TaskSubject(HandoverTaskSubject.SUBJECT_TYPE, handoverId)).stream()
                .filter(t -> HandoverTaskAnswers.NOTE_FORM.equals(t.getFormKey()) && t.getAccountId() != null)
                .forEach(t -> open.putIfAbsent(t.getAccountId(), t));
        boolean heldOnly = !mayRead(h, username);
        if (heldOnly && open.values().stream().noneMatch(t -> username.equals(t.getAssignee()))) {
            throw new AccessDeniedException("handover " + handoverId
                    + " is neither about you nor your reports, and you hold none of its notes");
        }
        List<Note> notes = items.findByHandoverIdOrderById(handoverId).stream()
                .filter(i -> !heldOnly
                        || Optional.ofNullable(open.get(i.getAccount().getId()))
                                .map(t -> username.equals(t.getAssignee()))
                                .orElse(false))
                .sorted(Comparator.comparing(i -> i.getAccount().getName()))
                .map(i -> note(i, Optional.ofNullable(open.get(i.getAccount().getId())), username))
                .toList();
        return new Batch(
                handoverId,
                h.getDeparting().getUsername(),
                h.getDeparting().getFullName(),
                h.getEffectiveDate(),
                h.getStatus().isActive(),
                ended(h),
                (int) notes.stream().filter(Note::written).count(),
                heldOnly,
                notes);
    }

    /**
     * Keeps what the departing person, or whoever holds the note's open step (a cover while they are away, the
     * launching manager under the note rule: {@link NoteWriters}), has typed so far. A draft names only the fields it changes: a note
     * field left out keeps what is kept (the draft saved before, or else the first draft from the record,
     * {@link HandoverNoteDraft#fromRecord}), and one given as null or "" is emptied (found by probe 47: a
     * draft naming one field set all the others to null, and the record's text was gone). Fields outside
     * the note are ignored here: the API refuses them before ({@code NoteBatchPages}), the page's form
     * sends its own ({@code _csrf}).
     *
     * @param values note fields by name ({@link HandoverSteps#NOTE_FIELDS}), each text or null; at least one
     * @return when it was saved
     * @throws BadRequestException at {@code body} when {@code values} names none of the note's fields
     *     (found by a probe: such a body emptied the draft kept before), at a field over 20,000 characters
     * @throws ConflictException once the handover has ended (cancelled or finished, saying which) or the
     *     note is written
     * @throws AccessDeniedException for anyone else (a manager who may read the notes does not write them)
     */
    @Transactional
    public Instant saveDraft(long handoverId, long accountId, Map<String, String> values, String username) {
        Handover h = handovers.findById(handoverId).orElseThrow(() -> new NotFoundException("handover", handoverId));
        boolean departing = h.getDeparting().getUsername().equals(username);
        if (!departing && !mayRead(h, username) && !holdsANote(handoverId, username)) {
            throw new AccessDeniedException("handover " + handoverId
                    + " is neither about you nor your reports, and you hold none of its notes");
        }
        HandoverItem item = items.findByHandoverIdAndAccountId(handoverId, accountId)
                .orElseThrow(() -> NotFoundException.notPartOf("account", accountId, "handover", handoverId));
        if (!departing
                && !username.equals(openNoteTask(item).map(Task::getAssignee).orElse(null))) {
            throw new AccessDeniedException(
                    "only " + h.getDeparting().getUsername() + " or whoever holds the note's step drafts the note for "
                            + item.getAccount().getName());
        }
        if (!h.getStatus().isActive()) {
            throw new ConflictException(
                    ended(h) + ": the note for " + item.getAccount().getName() + " can no longer be changed");
        }
        if (item.getNote() != null) {
            throw new ConflictException("the note for " + item.getAccount().getName() + " is written already");
        }
        if (HandoverSteps.NOTE_FIELDS.stream().noneMatch(values::containsKey)) {
            throw new BadRequestException(
                    "body",
                    "names none of the note's fields (" + String.join(", ", HandoverSteps.NOTE_FIELDS)
                            + "): the draft kept before stays");
        }
        HandoverSteps.NOTE_FIELDS.forEach(f -> {
            String value = values.get(f);
            if (value != null && SizeInCharacters.characters(value) > 20_000) {
                throw new BadRequestException(f, SizeInCharacters.atMost(20_000));
            }
        });
        Map<String, Object> draft = new LinkedHashMap<>(kept(item));
        HandoverSteps.NOTE_FIELDS.stream().filter(values::containsKey).forEach(f -> draft.put(f, values.get(f)));
        Instant now = clock.instant();
        item.saveDraft(draft, now);
        return now;
    }

    /** The note's draft as it stands: the one saved before, or the first draft from the record. */
    private Map<String, Object> kept(HandoverItem item) {
        if (item.getNoteDraft() != null) {
            return item.getNoteDraft();
        }
        return drafts.fromRecord(
                item.getAccount().getId(),
                openNoteTask(item).map(Task::getId).orElse(null),
                item.getHandover().getDeparting().getUsername());
    }

    /** The account's open note step, if its note is still to write. */
    private Optional<Task> openNoteTask(HandoverItem item) {
        return tasks
                .openAbout(
                        new TaskSubject(
                                HandoverTaskSubject.SUBJECT_TYPE,
                                item.getHandover().getId()),
                        List.of(item.getAccount().getId()))
                .stream()
                .filter(t -> HandoverTaskAnswers.NOTE_FORM.equals(t.getFormKey())
                        && item.getAccount().getId().equals(t.getAccountId()))
                .findFirst();
    }

    /**
     * Whether {@code username} holds one of the handover's open note steps (a cover while the departing person
     * is away, the launching manager under the note rule): they draft and send those notes on the notes page,
     * as they complete them on the task page (reprobe 47: the page showed them the note and refused each save).
     */
    private boolean holdsANote(long handoverId, String username) {
        return tasks.openAbout(new TaskSubject(HandoverTaskSubject.SUBJECT_TYPE, handoverId)).stream()
                .anyMatch(
                        t -> HandoverTaskAnswers.NOTE_FORM.equals(t.getFormKey()) && username.equals(t.getAssignee()));
    }

    private Note note(HandoverItem i, Optional<Task> task, String reader) {
        Map<String, Object> values = i.getNote() != null
                ? i.getNote()
                : i.getNoteDraft() != null
                        ? i.getNoteDraft()
                        : drafts.fromRecord(
                                i.getAccount().getId(),
                                task.map(Task::getId).orElse(null),
                                i.getHandover().getDeparting().getUsername());
        return new Note(
                i.getId(),
                i.getAccount().getId(),
                i.getAccount().getName(),
                i.getSuccessor() == null ? null : i.getSuccessor().getFullName(),
                i.getNote() != null,
                values,
                i.getNoteDraftSavedAt(),
                task.map(Task::getId).orElse(null),
                task.map(Task::getAssignee).orElse(null),
                task.map(Task::getAssignee).map(people::fullName).orElse(null),
                task.map(t -> writers.heldBecause(i, t, reader)).orElse(null));
    }

    /** Why a handover that is no longer active takes no more notes, or null while it is active. */
    private static String ended(Handover h) {
        return switch (h.getStatus()) {
            case CANCELLED -> "this handover was canceled";
            case COMPLETED -> "this handover is finished";
            case STARTING, RUNNING -> null;
        };
    }

    /** The departing person, and whoever may see the handover, read all its notes. */
    private boolean mayRead(Handover h, String username) {
        return h.getDeparting().getUsername().equals(username) || queries.maySee(h, username);
    }
}
