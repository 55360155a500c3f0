package dev.baton.commitment;

import dev.baton.task.AccountCommitmentLines;
import dev.baton.task.TaskSubjectSource;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** What the inbox shows of commitments: a task's commitment, and an account's commitments beside its form. */
@Component
class CommitmentTaskContext implements TaskSubjectSource, AccountCommitmentLines {

    /** The {@code baton:subjectType} of the commitment process's user tasks. */
    static final String SUBJECT_TYPE = "commitment";

    private final Commitments commitments;
    private final CommitmentService service;
    private final Clock clock;

    CommitmentTaskContext(Commitments commitments, CommitmentService service, Clock clock) {
        this.commitments = commitments;
        this.service = service;
        this.clock = clock;
    }

    @Override
    public String type() {
        return SUBJECT_TYPE;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Summary> describe(long id, Long accountId) {
        return commitments
                .findById(id)
                .map(c -> new Summary(
                        SUBJECT_TYPE,
                        id,
                        "Commitment",
                        c.getDescription(),
                        "/commitments?accountId=" + c.getAccount().getId()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Line> forAccount(long accountId, int limit) {
        LocalDate today = LocalDate.now(clock);
        return service.find(CommitmentFilter.ofAccount(accountId), PageRequest.of(0, limit, Sort.by("dueDate", "id")))
                .map(c -> new Line(
                        c.id(), c.description(), c.status().name().toLowerCase(Locale.ROOT), c.dueDate(), c.overdue()))
                .getContent();
    }
}
