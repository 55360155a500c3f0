package dev.baton.stewardship.web;

import dev.baton.account.ContactDetails;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import dev.baton.shared.NotFoundException;
import dev.baton.stewardship.ReviewRuns;
import dev.baton.stewardship.ReviewTasks;
import dev.baton.stewardship.StewardshipContact.Outcome;
import dev.baton.stewardship.StewardshipService;
import dev.baton.stewardship.StewardshipService.Line;
import dev.baton.stewardship.StewardshipService.ReviewView;
import jakarta.validation.Validator;
import java.security.Principal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The review's page, linked from its task: each contact with a button per outcome (verified, left the
 * company) and a form for changed details, refused at its fields by their labels with what was typed.
 * The same rules as the API ({@link StewardshipService#record}); the owner's last outcome completes
 * the review task ({@link ReviewTasks}).
 */
@Controller
@RequestMapping("/stewardship")
class StewardshipPages {

    static final int PAGE_SIZE = 20;

    private final StewardshipService stewardship;
    private final ReviewTasks reviewTasks;
    private final Validator validator;
    private final ReviewRuns runs;

    StewardshipPages(StewardshipService stewardship, ReviewTasks reviewTasks, Validator validator, ReviewRuns runs) {
        this.runs = runs;
        this.stewardship = stewardship;
        this.reviewTasks = reviewTasks;
        this.validator = validator;
    }

    /** The contact reviews a manager watches (their own and their line's; an admin all), open ones first. */
    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
    String list(@RequestParam(defaultValue = "0") int page, Principal me, Model model) {
        model.addAttribute("reviews", runs.list(me.getName(), PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        return "stewardship/list";
    }

    @GetMapping("/{id}")
    String page(@PathVariable long id, Principal me, Model model) {
        ReviewView review = stewardship.view(id);
        model.addAttribute("review", review);
        // an admin's last outcome leaves the owner's task open: the page asks for it rather than calling it done
        reviewTasks.waiting(review).ifPresent(task -> {
            model.addAttribute("waitingTask", task);
            model.addAttribute(
                    "waitingIn",
                    task.getAssignee() == null
                            ? "the owner's"
                            : me.getName().equals(task.getAssignee()) ? "your" : task.getAssignee() + "'s");
        });
        return "stewardship/review";
    }

    @PostMapping("/{id}/contacts/{contactId}")
    String record(
            @PathVariable long id,
            @PathVariable long contactId,
            @RequestParam String outcome,
            @RequestParam(required = false) String fullName,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String email,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) Long version,
            Principal me,
            RedirectAttributes redirect) {
        Outcome parsed;
        try {
            parsed = Outcome.parse(outcome);
        } catch (BadRequestException unknown) {
            // the API's words, without the field's name the page does not show
            redirect.addFlashAttribute(
                    "error", "Nothing recorded: " + unknown.getFieldErrors().get("outcome") + ".");
            return "redirect:/stewardship/" + id;
        }
        try {
            ContactDetails details = null;
            if (parsed == Outcome.CHANGED) {
                details = new ContactDetails(
                        blank(fullName), blank(title), blank(email), blank(phone), null, false, version);
                Map<String, String> errors = new LinkedHashMap<>();
                validator.validate(details).forEach(v -> errors.putIfAbsent(v.getPropertyPath() + "", v.getMessage()));
                if (!errors.isEmpty()) {
                    Map<String, String> typed = new HashMap<>();
                    typed.put("fullName", fullName);
                    typed.put("title", title);
                    typed.put("email", email);
                    typed.put("phone", phone);
                    redirect.addFlashAttribute(
                            "error",
                            "Nothing recorded for " + name(id, contactId) + ": please correct the marked fields.");
                    redirect.addFlashAttribute("errors", errors);
                    redirect.addFlashAttribute("changing", contactId);
                    redirect.addFlashAttribute("typed", typed);
                    return "redirect:/stewardship/" + id;
                }
            }
            ReviewView recorded = stewardship.record(id, contactId, parsed, details, me.getName());
            redirect.addFlashAttribute(
                    "message",
                    reviewTasks.completeIfDone(recorded, me.getName())
                            ? "Recorded. Every contact has an outcome: your review task is done."
                            : "Recorded.");
        } catch (BadRequestException | ConflictException | NotFoundException | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e instanceof BadRequestException bad ? bad.reasons() : e.getMessage());
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("error", "Only the review's owner or an admin records its outcomes.");
        }
        return "redirect:/stewardship/" + id;
    }

    /** The contact's name as the review lists it, for a message about it. */
    private String name(long reviewId, long contactId) {
        return stewardship.view(reviewId).contacts().stream()
                .filter(c -> c.contactId() == contactId)
                .map(Line::fullName)
                .findFirst()
                .orElse("contact " + contactId);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
