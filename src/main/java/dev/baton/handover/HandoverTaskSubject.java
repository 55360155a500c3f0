package dev.baton.handover;

import dev.baton.task.TaskSubjectSource;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Describes a handover for the inbox: tasks of the handover processes are about one handover. */
@Component
class HandoverTaskSubject implements TaskSubjectSource {

    /** The {@code baton:subjectType} of the handover processes' user tasks. */
    static final String SUBJECT_TYPE = "handover";

    private final Handovers handovers;

    HandoverTaskSubject(Handovers handovers) {
        this.handovers = handovers;
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
}
