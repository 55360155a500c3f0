package dev.baton.notification.web;

import dev.baton.notification.FailedMail;
import dev.baton.people.PeopleLookup;
import dev.baton.shared.BadRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins: mail Baton gave up on, newest first, with "send again" (audited), as a page and over the API. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin", description = "Problems that need an admin")
class FailedMailPages {

    private final FailedMail failed;
    private final PeopleLookup people;

    FailedMailPages(FailedMail failed, PeopleLookup people) {
        this.failed = failed;
        this.people = people;
    }

    @Operation(summary = "Mail that failed for good (newest 200 first), with the mail server's last answer")
    @GetMapping("/api/admin/mail/failed")
    @ResponseBody
    List<FailedMail.View> list() {
        return failed.list();
    }

    /** @param to optional: a corrected address, when the server refused the old one */
    record Retry(String to) {}

    @Operation(
            summary = "Send a failed mail again (audited), optionally to a corrected address; 409 if it has not failed")
    @PostMapping("/api/admin/mail/{id}/retry")
    @ResponseBody
    FailedMail.View retry(@PathVariable long id, @RequestBody(required = false) Retry body) {
        return failed.retry(id, body == null ? null : body.to());
    }

    @GetMapping("/admin/mail")
    String page(Model model) {
        List<FailedMail.View> mails = failed.list();
        model.addAttribute("mails", mails);
        model.addAttribute(
                "names",
                people.fullNames(mails.stream().map(FailedMail.View::retriedBy).toList()));
        return "admin/mail";
    }

    /**
     * Sends a failed mail again; a corrected address that is not one is shown at that mail's address field
     * with what was typed, on the page as it was (200, as every page showing a refusal on its form): it
     * answered a bare 400 error page (probe 47).
     */
    @PostMapping("/admin/mail/{id}/retry")
    String retryFromPage(
            @PathVariable long id, @RequestParam(required = false) String to, Model model, RedirectAttributes flash) {
        try {
            FailedMail.View mail = failed.retry(id, to);
            flash.addFlashAttribute(
                    "message", "The mail to " + mail.to() + " is queued again: it goes out within a minute.");
            return "redirect:/admin/mail";
        } catch (BadRequestException e) {
            model.addAttribute("refusedMail", id);
            model.addAttribute("refusedTo", to);
            model.addAttribute("refusal", e.reasons());
            model.addAttribute("error", "Not sent again: see the marked address.");
            return page(model);
        }
    }
}
