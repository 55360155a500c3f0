package dev.baton.commitment;

import dev.baton.audit.AuditEvent;
import dev.baton.audit.AuditEvents;
import dev.baton.people.PeopleLookup;
import dev.baton.people.Person;
import dev.baton.task.AccountCommitmentLines;
import dev.baton.task.TaskSubjectSource;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the inbox shows of commitments: a task's commitment, an account's commitments beside its form,
 * and beside "Verify with customer" the delivery's evidence and who delivered.
 */
@Component
class CommitmentTaskContext implements TaskSubjectSource, AccountCommitmentLines {

    /** The {@code baton:subjectType} of the commitment process's user tasks. */
    static final String SUBJECT_TYPE = "commitment";

    private static final String VERIFY_FORM = "commitment-verify";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final Commitments commitments;
    private final CommitmentService service;
    private final AuditEvents audit;
    private final PeopleLookup people;
    private final Clock clock;

    CommitmentTaskContext(
            Commitments commitments, CommitmentService service, AuditEvents audit, PeopleLookup people, Clock clock) {
        this.commitments = commitments;
        this.audit = audit;
        this.people = people;
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

    /** The commitment's first words, as its own mails quote them ({@link CommitmentMails#SUBJECT_WORDS}). */
    @Override
    @Transactional(readOnly = true)
    public Optional<String> mailWords(long id) {
        return commitments
                .findById(id)
                .map(c -> dev.baton.shared.Text.firstWords(c.getDescription(), CommitmentMails.SUBJECT_WORDS));
    }

    /** Beside "Verify with customer": what was delivered, as evidence, by whom and when. */
    @Override
    @Transactional(readOnly = true)
    public List<Context> context(long id, Long accountId, String formKey) {
        if (!VERIFY_FORM.equals(formKey)) {
            return List.of();
        }
        return commitments.findById(id).map(c -> List.of(delivery(c))).orElse(List.of());
    }

    private Context delivery(Commitment c) {
        Optional<AuditEvent> delivered = audit.findByEntityTypeAndEntityIdOrderByAt(SUBJECT_TYPE, c.getId()).stream()
                .filter(e -> "commitment.delivered".equals(e.getAction()))
                .reduce((first, second) -> second);
        // the process records the delivery (actor "system") for the owner, who answered the deliver task
        String byline = delivered
                .map(e -> "delivered by "
                        + people.byUsername(e.getActor())
                                .map(Person::getFullName)
                                .orElse(
                                        c.getOwner() == null
                                                ? e.getActor()
                                                : c.getOwner().getFullName())
                        + ", " + DAY.format(e.getAt().atZone(ZoneOffset.UTC)))
                .orElse(null);
        String evidence =
                c.getDeliveryEvidence() == null || c.getDeliveryEvidence().isBlank()
                        ? "No evidence was given."
                        : c.getDeliveryEvidence();
        return new Context("What was delivered: " + c.getDescription(), "Evidence: " + evidence, byline, false);
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
