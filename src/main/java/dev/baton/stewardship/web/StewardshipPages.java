package dev.baton.stewardship.web;

import dev.baton.account.ContactDetails;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import dev.baton.shared.NotFoundException;
import dev.baton.stewardship.StewardshipContact.Outcome;
import dev.baton.stewardship.StewardshipService;
import jakarta.validation.Validator;
import java.security.Principal;
import java.util.stream.Collectors;
import org.springframework.security.access.AccessDeniedException;
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
 * company) and a form for changed details. The same rules as the API ({@link StewardshipService#record}).
 */
@Controller
@RequestMapping("/stewardship")
class StewardshipPages {

    private final StewardshipService stewardship;
    private final Validator validator;

    StewardshipPages(StewardshipService stewardship, Validator validator) {
        this.stewardship = stewardship;
        this.validator = validator;
    }

    @GetMapping("/{id}")
    String page(@PathVariable long id, Model model) {
        model.addAttribute("review", stewardship.view(id));
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
                var violations = validator.validate(details);
                if (!violations.isEmpty()) {
                    throw new BadRequestException(violations.stream()
                            .map(v -> v.getPropertyPath() + " " + v.getMessage())
                            .sorted()
                            .collect(Collectors.joining("; ")));
                }
            }
            stewardship.record(id, contactId, parsed, details, me.getName());
            redirect.addFlashAttribute("message", "Recorded.");
        } catch (BadRequestException | ConflictException | NotFoundException | IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("error", "Only the review's owner or an admin records its outcomes.");
        }
        return "redirect:/stewardship/" + id;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
