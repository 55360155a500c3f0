package dev.baton.stewardship;

import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import dev.baton.stewardship.StewardshipService.ReviewView;
import dev.baton.task.Task;
import dev.baton.task.TaskService;
import dev.baton.task.TaskSubject;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The review task completes itself once its owner has recorded the last outcome: with every contact
 * answered there is nothing left to confirm, and ticking a box after the work was the probe's complaint
 * (README, "Contact stewardship"). The review's page and API call {@link #completeIfDone} after each
 * outcome, with no transaction open (completing hands the answer to the engine). An admin who records
 * the last outcome leaves the owner's task in their inbox, where completing it is accepted now.
 */
@Component
public class ReviewTasks {

    private static final Logger log = LoggerFactory.getLogger(ReviewTasks.class);

    private final TaskService tasks;

    ReviewTasks(TaskService tasks) {
        this.tasks = tasks;
    }

    /**
     * The review task still open although every contact of {@code review} has an outcome: left so when an
     * admin recorded the last one (only its holder completes a task), for the review's page to ask its
     * owner to complete it.
     *
     * @param review the review as shown ({@link StewardshipService#view})
     * @return the open review task; empty while a contact waits, once the review is closed, or when the
     *     task is done
     */
    public Optional<Task> waiting(ReviewView review) {
        if (review.closedAt() != null || review.unanswered() > 0) {
            return Optional.empty();
        }
        return tasks.openAbout(new TaskSubject("stewardship", review.id())).stream()
                .filter(t -> StewardshipTasks.REVIEW_FORM.equals(t.getFormKey()))
                .findFirst();
    }

    /**
     * Completes the review's open task when every contact of {@code review} has an outcome and {@code
     * actor}, the signed-in person, holds the task.
     *
     * @param review the review as just recorded ({@link StewardshipService#record})
     * @param actor the signed-in person's username
     * @return whether the task was completed now; false while a contact waits, when the task is not
     *     (or no longer) {@code actor}'s, or when the engine closed the step meanwhile (logged)
     */
    public boolean completeIfDone(ReviewView review, String actor) {
        Optional<Task> open = waiting(review).filter(t -> actor.equals(t.getAssignee()));
        if (open.isEmpty()) {
            return false;
        }
        try {
            tasks.complete(open.get().getId(), Map.of());
            return true;
        } catch (BadRequestException | ConflictException e) {
            log.info(
                    "review {}: its task {} stays as it is: {}",
                    review.id(),
                    open.get().getId(),
                    e.getMessage());
            return false;
        }
    }
}
