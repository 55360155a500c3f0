package dev.baton.playbook.engine;

import dev.baton.people.TimeZones;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.DateLimits;
import dev.baton.task.Task;
import dev.baton.task.TaskCompletionHandler;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The sample review's answer: the process gets the form's values (already checked by the form's own
 * rules, which refuse text a note could not hold) and who gave them ({@code reviewedBy}, a user
 * name), since {@link ReviewRecorder} logs the review in the reviewer's name, not the launcher's. The
 * next contact date must be today or later for the reviewer, at most 50 years ahead ({@link DateLimits}).
 */
@Component
class SampleReviewAnswers implements TaskCompletionHandler {

    @Override
    public Set<String> formKeys() {
        return Set.of(SampleReviewBpmn.FORM_KEY);
    }

    private final TimeZones zones;

    SampleReviewAnswers(TimeZones zones) {
        this.zones = zones;
    }

    @Override
    public Map<String, Object> complete(Task task, Map<String, Object> values, String actor) {
        // the form's own check has read it as a date; a day gone by or centuries ahead is a typing mistake
        // (probe 45, F10: 1999-01-01 went onto the account's timeline as "next contact on 1999-01-01")
        if (values.get(SampleReviewBpmn.NEXT_CONTACT_DATE) instanceof String next && !next.isBlank()) {
            try {
                DateLimits.requireTodayOrLater(
                        SampleReviewBpmn.NEXT_CONTACT_DATE,
                        LocalDate.parse(next),
                        zones.today(zones.ofUsername(actor)));
            } catch (BadRequestException refused) {
                throw TaskCompletionHandler.refuse(refused.getFieldErrors());
            }
        }
        Map<String, Object> variables = new HashMap<>(values);
        variables.put(SampleReviewBpmn.REVIEWED_BY, actor);
        return variables;
    }
}
