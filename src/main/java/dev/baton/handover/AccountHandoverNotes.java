package dev.baton.handover;

import dev.baton.account.HandoverNotes;
import dev.baton.account.HandoverNotes.Stage;
import dev.baton.people.PeopleLookup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The notes kept on each account's handover items, for the account page and API. */
@Component
class AccountHandoverNotes implements HandoverNotes {

    /** The note form's labels (bpmn/forms/handover-note.form), in its order. */
    static final Map<String, String> LABELS = labels();

    private final HandoverItems items;
    private final PeopleLookup people;

    AccountHandoverNotes(HandoverItems items, PeopleLookup people) {
        this.items = items;
        this.people = people;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Note> of(Long accountId) {
        return items.findNotesOfAccount(accountId).stream().map(this::note).toList();
    }

    private Note note(HandoverItem item) {
        List<Section> sections = new ArrayList<>();
        LABELS.forEach((field, label) -> {
            Object text = item.getNote().get(field);
            if (text != null && !text.toString().isBlank()) {
                sections.add(new Section(label, text.toString()));
            }
        });
        String author = people.fullName(item.getNoteBy());
        return new Note(
                item.getHandover().getId(),
                author,
                item.getNoteWrittenAt(),
                item.getHandover().getDeparting().getFullName(),
                item.getSuccessor() == null ? null : item.getSuccessor().getFullName(),
                stage(item),
                sections);
    }

    /** Found by a probe: a canceled handover's note said the account had been handed over, which it never was. */
    private static Stage stage(HandoverItem item) {
        if (item.getTransferredAt() != null) {
            return Stage.MOVED;
        }
        // a completed handover moved every account (HandoverStep.DONE): only a canceled one leaves one behind
        return item.getHandover().getStatus() == HandoverStatus.CANCELLED ? Stage.CANCELED : Stage.UNDER_WAY;
    }

    private static Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("relationshipSummary", "Relationship summary");
        labels.put("keyContacts", "Key contacts and their preferences");
        labels.put("historyHighlights", "History highlights");
        labels.put("openCommitmentsAndRisks", "Open commitments and risks");
        labels.put("contactsToReverify", "Contacts to re-verify");
        return labels;
    }
}
