package dev.baton.handover;

import static dev.baton.handover.engine.HandoverBpmn.Account.TASK_WRITE_NOTE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.handover.HandoverFixture.Book;
import dev.baton.task.Task;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The departing person's note drafts through the API, and the note's text fields when the note task is
 * completed: probe 47's F2 (a draft naming one field wiped the others, an unknown field beside a real one
 * was dropped) and F7 (a number was text when completing, not in a draft).
 */
@SuppressWarnings({"rawtypes", "unchecked"})
class HandoverNoteDraftIntegrationTests extends HandoverBookTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDraftNamingSomeFieldsKeepsThePrefilledAndEarlierTextOfTheOthersAndEmptiesThoseSentEmpty() {
        Book launched = fixture.launch(book, true, this::as);
        fixture.awaitOpen(launched, TASK_WRITE_NOTE);
        Map<String, Object> prefilled = note(launched);
        assertThat((String) prefilled.get("keyContacts")).contains("Ana ");
        assertThat((String) prefilled.get("openCommitmentsAndRisks")).isNotBlank();

        assertThat(draft(launched, Map.of("relationshipSummary", "my summary")).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        Map<String, Object> once = note(launched);
        assertThat(once)
                .containsEntry("relationshipSummary", "my summary")
                .containsEntry("keyContacts", prefilled.get("keyContacts"))
                .containsEntry("openCommitmentsAndRisks", prefilled.get("openCommitmentsAndRisks"))
                .containsEntry("historyHighlights", prefilled.get("historyHighlights"))
                .containsEntry("contactsToReverify", prefilled.get("contactsToReverify"));

        Map<String, Object> emptied = new HashMap<>();
        emptied.put("keyContacts", null);
        emptied.put("historyHighlights", "");
        emptied.put("openCommitmentsAndRisks", "Training owed");
        assertThat(draft(launched, emptied).getStatusCode()).isEqualTo(HttpStatus.OK);

        assertThat(note(launched))
                .containsEntry("relationshipSummary", "my summary")
                .containsEntry("keyContacts", null)
                .containsEntry("historyHighlights", "")
                .containsEntry("openCommitmentsAndRisks", "Training owed")
                .containsEntry("contactsToReverify", prefilled.get("contactsToReverify"));
    }

    @Test
    void aFieldTheNoteDoesNotHaveIsRefusedNamingItBesideARealOneAndNothingIsSaved() {
        Book launched = fixture.launch(book, true, this::as);
        fixture.awaitOpen(launched, TASK_WRITE_NOTE);

        ResponseEntity<Map> refused = draft(launched, Map.of("relationshipSummary", "x", "nope", 1));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((Map<String, Object>) refused.getBody().get("errors"))
                .containsOnlyKeys("nope")
                .hasEntrySatisfying(
                        "nope",
                        why -> assertThat((String) why)
                                .startsWith("is not a field of this request (known: [contactsToReverify,"));
        assertThat(jdbc.queryForObject(
                        "select note_draft is null from handover_item where handover_id = ?",
                        Boolean.class,
                        launched.id()))
                .isTrue();
    }

    /** One rule for the note's text fields, whether drafted or sent: a number is no text. */
    @Test
    void aNumberInANoteFieldIsRefusedAtTheFieldWhenTheNoteIsSentAsInADraft() {
        Book launched = fixture.launch(book, true, this::as);
        Task write = fixture.awaitOpen(launched, TASK_WRITE_NOTE);
        Map<String, Object> note = new HashMap<>(HandoverFixture.NOTE);
        note.put("historyHighlights", 123);

        ResponseEntity<Map> sent = as(launched.departing().getUsername())
                .postForEntity("/api/tasks/" + write.getId() + "/complete", note, Map.class);
        ResponseEntity<Map> drafted = draft(launched, Map.of("historyHighlights", 123));

        for (ResponseEntity<Map> refused : List.of(sent, drafted)) {
            assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat((Map<String, Object>) refused.getBody().get("errors"))
                    .containsExactly(Map.entry("historyHighlights", "must be text"));
        }
        assertThat(jdbc.queryForObject(
                        "select note is null from handover_item where handover_id = ?", Boolean.class, launched.id()))
                .isTrue();
    }

    private ResponseEntity<Map> draft(Book launched, Map<String, Object> body) {
        return as(launched.departing().getUsername())
                .exchange(
                        "/api/handovers/" + launched.id() + "/notes/"
                                + book.account().getId() + "/draft",
                        HttpMethod.PUT,
                        new HttpEntity<>(body),
                        Map.class);
    }

    /** The account's note as the notes API shows it (the draft, or the first draft from the record). */
    private Map<String, Object> note(Book launched) {
        Map batch = as(launched.departing().getUsername())
                .getForObject("/api/handovers/" + launched.id() + "/notes", Map.class);
        return (Map<String, Object>) ((List<Map>) batch.get("notes")).getFirst().get("values");
    }
}
