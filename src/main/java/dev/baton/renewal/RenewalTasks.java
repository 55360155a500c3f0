package dev.baton.renewal;

import dev.baton.renewal.engine.RenewalBpmn;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.Text;
import dev.baton.task.Task;
import dev.baton.task.TaskCompletionHandler;
import dev.baton.task.TaskSubjectSource;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The renewal's tasks in the inbox: the subject line says whether promises hold the renewal back
 * (the task page lists the account's commitments beside it), and the owner's answers are checked and
 * their text kept in PostgreSQL before the step completes; the process gets decisions only.
 */
@Component
class RenewalTasks implements TaskSubjectSource, TaskCompletionHandler {

    /** The {@code baton:subjectType} of the renewal's user tasks. */
    static final String SUBJECT_TYPE = "renewal";

    static final String HEALTH_REVIEW = "renewal-health-review";
    static final String PROPOSAL = "renewal-proposal";
    static final String DECISION = "renewal-decision";

    private final RenewalService renewals;

    RenewalTasks(RenewalService renewals) {
        this.renewals = renewals;
    }

    @Override
    public String type() {
        return SUBJECT_TYPE;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Summary> describe(long id, Long accountId) {
        try {
            Renewal r = renewals.renewal(id);
            RenewalService.Promises p = renewals.promises(id);
            String promises = p.kept()
                    ? Text.count(p.open(), "open promise") + ", none overdue or broken"
                    : "promises to settle before a proposal can be made: " + p.overdue() + " overdue, " + p.broken()
                            + " broken";
            return Optional.of(new Summary(
                    SUBJECT_TYPE,
                    id,
                    "Renewal",
                    "Renewal on " + r.getRenewalDate() + ": " + promises,
                    "/accounts/" + r.getAccountId()));
        } catch (dev.baton.shared.NotFoundException gone) {
            return Optional.empty();
        }
    }

    @Override
    public Set<String> formKeys() {
        return Set.of(HEALTH_REVIEW, PROPOSAL, DECISION);
    }

    @Override
    public Map<String, Object> complete(Task task, Map<String, Object> values, String actor) {
        long renewalId = task.getSubject().id();
        try {
            return switch (task.getFormKey()) {
                case HEALTH_REVIEW -> {
                    renewals.reviewHealth(renewalId, text(values, "healthSummary"), text(values, "risk"));
                    yield Map.of("risk", text(values, "risk"));
                }
                case PROPOSAL -> {
                    // the decision stage goes to whoever owns the account now (nothing else re-reads it)
                    Map<String, Object> v = new HashMap<>();
                    v.put(RenewalBpmn.Vars.OWNER_USERNAME, renewals.propose(renewalId, text(values, "proposal")));
                    yield v;
                }
                default -> {
                    String decision = text(values, "decision");
                    LocalDate next = date(text(values, "nextRenewalDate"));
                    renewals.answerDecision(renewalId, decision, next, text(values, "reason"));
                    Map<String, Object> v = new HashMap<>();
                    v.put("decision", decision);
                    v.put("nextRenewalDate", next == null ? null : next.toString());
                    yield v;
                }
            };
        } catch (BadRequestException refused) {
            throw TaskCompletionHandler.refuse(refused.getFieldErrors());
        }
    }

    private static String text(Map<String, Object> values, String key) {
        Object v = values.get(key);
        return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }

    /** A date field's value: {@code yyyy-MM-dd}, or a date-time whose date part counts. */
    private static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("nextRenewalDate", "is not a date: " + value);
        }
    }
}
