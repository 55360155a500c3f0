package dev.baton.handover.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.handover.HandoverSteps;
import dev.baton.handover.NoteBatch;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import dev.baton.shared.Dates;
import dev.baton.shared.InputErrors;
import dev.baton.shared.Text;
import dev.baton.task.Forms;
import dev.baton.task.TaskService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The departing person's notes on one page: every account's note with its draft saved as they type
 * (htmx posts the form a moment after the last keystroke), and each submitted on its own. The API
 * reads the batch and keeps drafts the same way.
 */
@Controller
@Tag(name = "Handovers")
class NoteBatchPages {

    private final NoteBatch batch;
    private final TaskService tasks;
    private final Forms forms;
    private final Dates dates;

    NoteBatchPages(NoteBatch batch, TaskService tasks, Forms forms, Dates dates) {
        this.batch = batch;
        this.tasks = tasks;
        this.forms = forms;
        this.dates = dates;
    }

    @GetMapping("/api/handovers/{id}/notes")
    @ResponseBody
    @Operation(
            summary = "The departing person's notes: each account's note, draft or written, and its open task",
            description = "Each open note's holder, and why someone other than the departing person holds it"
                    + " (heldBecause). Someone who holds note steps of the handover but may not see it otherwise"
                    + " (a cover) gets only the notes they hold (heldOnly true); one who holds none gets a 403.")
    NoteBatch.Batch notes(@PathVariable long id, Principal me) {
        return batch.of(id, me.getName());
    }

    @PutMapping("/api/handovers/{id}/notes/{accountId}/draft")
    @ResponseBody
    @Operation(
            summary = "Keep the departing person's unfinished note",
            description = "The body names only the note fields it changes (relationshipSummary, keyContacts,"
                    + " openCommitmentsAndRisks, historyHighlights, contactsToReverify), each text or null. A field"
                    + " left out keeps what is kept: the draft saved before, or else the first draft Baton wrote"
                    + " from the record; null or \"\" empties it. A field the note does not have, or a value"
                    + " that is not text, is a 400 naming it, and nothing is saved.")
    Map<String, Instant> saveDraft(
            @PathVariable long id,
            @PathVariable long accountId,
            @RequestBody Map<String, JsonNode> values,
            Principal me) {
        return Map.of("savedAt", batch.saveDraft(id, accountId, noteFields(values), me.getName()));
    }

    /**
     * The body's note fields as text, checked and normalised as request bodies' strings are ({@link
     * Text}). The body is read as JSON values so that every problem is told in one answer, each at its
     * field: a field the note does not have (found by probe 47: {@code "nope": 1} beside a real field was
     * dropped silently, where every other body names an unknown field), a value that is not text, a NUL.
     */
    private static Map<String, String> noteFields(Map<String, JsonNode> body) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        body.forEach((field, value) -> {
            if (!HandoverSteps.NOTE_FIELDS.contains(field)) {
                errors.put(field, InputErrors.unknownField(HandoverSteps.NOTE_FIELDS));
            } else if (value == null || value.isNull()) {
                values.put(field, null);
            } else if (!value.isTextual()) {
                errors.put(field, InputErrors.expected(String.class));
            } else if (Text.notText(value.textValue()) != null) {
                errors.put(field, Text.notText(value.textValue()));
            } else {
                values.put(field, Text.normalise(value.textValue()));
            }
        });
        if (!errors.isEmpty()) {
            throw new BadRequestException(errors);
        }
        return values;
    }

    @GetMapping("/handovers/{id}/notes")
    String page(@PathVariable long id, Principal me, Model model) {
        model.addAttribute("batch", batch.of(id, me.getName()));
        model.addAttribute("fields", forms.forKey("handover-note").fields());
        model.addAttribute("me", me.getName());
        return "handover/notes";
    }

    /** The autosave: answers with the line the page shows under the note, the time in the writer's zone. */
    @PostMapping("/handovers/{id}/notes/{accountId}/draft")
    @ResponseBody
    String draft(
            @PathVariable long id,
            @PathVariable long accountId,
            @RequestParam Map<String, String> values,
            Principal me) {
        try {
            Instant at = batch.saveDraft(id, accountId, values, me.getName());
            return "Draft saved " + dates.timeOfDay(at);
        } catch (BadRequestException | ConflictException e) {
            return "Draft not saved: " + e.getMessage();
        }
    }

    /** Submits one note: the draft is kept first, so a refused note loses nothing. */
    @PostMapping("/handovers/{id}/notes/{accountId}")
    String submit(
            @PathVariable long id,
            @PathVariable long accountId,
            @RequestParam Map<String, String> values,
            Principal me,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        NoteBatch.Note note = batch.of(id, me.getName()).notes().stream()
                .filter(n -> n.accountId() == accountId)
                .findFirst()
                .orElseThrow(() ->
                        new BadRequestException("accountId", "account " + accountId + " is not in this handover"));
        try {
            batch.saveDraft(id, accountId, values, me.getName());
            if (note.taskId() == null) {
                throw new ConflictException("the note for " + note.accountName() + " cannot be sent yet: "
                        + (note.successorName() == null
                                ? "the successor is still to be chosen"
                                : "its step is not open"));
            }
            Map<String, Object> answer = new LinkedHashMap<>(values);
            answer.remove("_csrf"); // the page's, not the note's: the form refuses a key it does not have
            tasks.complete(note.taskId(), answer);
            NoteBatch.Batch after = batch.of(id, me.getName());
            redirect.addFlashAttribute(
                    "message",
                    "Note for " + note.accountName() + " sent. Your notes: " + after.written() + " of "
                            + after.notes().size() + " done.");
            return "redirect:/handovers/" + id + "/notes";
        } catch (BadRequestException e) {
            model.addAttribute("invalid", e.getFieldErrors());
            model.addAttribute(
                    "error",
                    "The note for " + note.accountName() + " was not sent: "
                            + (e.getFieldErrors().isEmpty() ? e.getMessage() : "see the marked fields")
                            + ". Your text is kept.");
        } catch (ConflictException e) {
            model.addAttribute("error", "The note for " + note.accountName() + " was not sent: " + e.getMessage());
        }
        model.addAttribute("invalidAccount", accountId);
        response.setStatus(HttpServletResponse.SC_OK); // a refusal shown on its form is a page: 200 (README)
        return page(id, me, model);
    }
}
