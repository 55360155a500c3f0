package dev.baton.playbook.web;

import dev.baton.engine.Bpmn.Variables;
import dev.baton.playbook.PlaybookCatalogue;
import dev.baton.playbook.engine.SampleReviewBpmn;
import dev.baton.shared.SaneDate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Starts the sample playbook with its own request shape ({@code dueAt} rather than the variable's
 * name); more specific than the general launch ({@link PlaybookApi}), which it goes through.
 */
@RestController
@RequestMapping("/api/playbooks/" + SampleReviewBpmn.PROCESS_ID + "/instances")
@Tag(name = "Playbooks")
class SampleReviewApi {

    private final PlaybookCatalogue catalogue;

    SampleReviewApi(PlaybookCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * @param accountId the account to review, as the general launch takes it: a number or a string of digits
     *     ({@link PlaybookCatalogue#launch} reads it and names {@code accountId} when it is neither); typed as a
     *     number here it refused "1" as "must be a whole number" (found by session 37's probe)
     */
    record StartReview(
            @Schema(
                    oneOf = {Long.class, String.class},
                    description = "a Baton account id: a number, or a string of digits",
                    example = "42")
            Object accountId,

            @Schema(description = "when the review is due: after now (default: in 3 days)") @SaneDate
            Instant dueAt) {}

    @Operation(
            summary = "Start a sample account review: a task for the sales-emea team, due in 3 days unless given",
            description = "Whoever may launch the playbook (its launch roles, MANAGER and ADMIN; revenue ops and admins"
                    + " launch any), else 403; on an account, only a manager of its owner's line (or an admin).")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    PlaybookApi.Started start(@Valid @RequestBody(required = false) StartReview request, Authentication auth) {
        Map<String, Object> variables = new HashMap<>();
        if (request != null && request.accountId() != null) {
            variables.put(Variables.ACCOUNT_ID, request.accountId());
        }
        if (request != null && request.dueAt() != null) {
            catalogue.requireReviewDueInFuture(request.dueAt(), "dueAt");
            variables.put(Variables.REVIEW_DUE_AT, request.dueAt().toString());
        }
        // the account's check is the catalogue's, as for every launch
        return new PlaybookApi.Started(
                catalogue.launch(SampleReviewBpmn.PROCESS_ID, variables, Roles.of(auth), auth.getName()));
    }
}
