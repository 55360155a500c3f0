package dev.baton.quality.web;

import dev.baton.people.PeopleDirectory;
import dev.baton.quality.QualityKind;
import dev.baton.quality.QualityService;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import dev.baton.shared.NotFoundException;
import java.security.Principal;
import org.springframework.dao.PessimisticLockingFailureException;
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

/** The data-quality page: counts by owner, the findings of one kind, and a button for each fix. */
@Controller
@RequestMapping("/data-quality")
@PreAuthorize("@capabilities.granted(authentication, 'READ_REPORTS')")
class QualityPages {

    static final int PAGE_SIZE = 50;

    private final QualityService quality;
    private final PeopleDirectory people;

    QualityPages(QualityService quality, PeopleDirectory people) {
        this.quality = quality;
        this.people = people;
    }

    @GetMapping
    String page(
            @RequestParam(defaultValue = "STALE_CONTACT") QualityKind kind,
            @RequestParam(required = false) Long owner,
            @RequestParam(defaultValue = "0") int page,
            Principal me,
            Model model) {
        model.addAttribute("summary", quality.summary(me.getName()));
        model.addAttribute("kinds", QualityKind.values());
        model.addAttribute("kind", kind);
        model.addAttribute("owner", owner);
        model.addAttribute(
                "findings", quality.findings(kind, owner, me.getName(), PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        // one query for the drop-down: a PersonView per person reads roles, team and manager one at a time
        model.addAttribute(
                "people",
                people.everyone().stream().filter(PeopleDirectory.Entry::active).toList());
        return "quality/page";
    }

    @PreAuthorize("@capabilities.granted(authentication, 'FIX_FINDINGS')")
    @PostMapping("/contacts/{id}/verify")
    String verify(@PathVariable Long id, @RequestParam String back, Principal me, RedirectAttributes redirect) {
        return fix(back, redirect, "Marked as verified.", () -> quality.verify(id, me.getName()));
    }

    @PreAuthorize("@capabilities.granted(authentication, 'FIX_FINDINGS')")
    @PostMapping("/contacts/{id}/merge")
    String merge(
            @PathVariable Long id,
            @RequestParam Long intoId,
            @RequestParam String back,
            Principal me,
            RedirectAttributes redirect) {
        return fix(
                back,
                redirect,
                "Merged: the history of both contacts is kept.",
                () -> quality.merge(id, intoId, me.getName()));
    }

    @PreAuthorize("@capabilities.granted(authentication, 'FIX_FINDINGS')")
    @PostMapping("/accounts/{id}/owner")
    String assignAccount(
            @PathVariable Long id,
            @RequestParam Long ownerId,
            @RequestParam String back,
            Principal me,
            RedirectAttributes redirect) {
        return fix(back, redirect, "Account assigned.", () -> quality.assignAccount(id, ownerId, me.getName()));
    }

    @PreAuthorize("@capabilities.granted(authentication, 'FIX_FINDINGS')")
    @PostMapping("/commitments/{id}/owner")
    String assignCommitment(
            @PathVariable Long id,
            @RequestParam Long ownerId,
            @RequestParam String back,
            Principal me,
            RedirectAttributes redirect) {
        return fix(back, redirect, "Commitment assigned.", () -> quality.assignCommitment(id, ownerId, me.getName()));
    }

    private static String fix(String back, RedirectAttributes redirect, String done, Runnable change) {
        try {
            change.run();
            redirect.addFlashAttribute("message", done);
        } catch (BadRequestException
                | ConflictException
                | NotFoundException
                | IllegalArgumentException
                | AccessDeniedException e) {
            redirect.addFlashAttribute("error", e instanceof BadRequestException bad ? bad.reasons() : e.getMessage());
        } catch (PessimisticLockingFailureException busy) {
            // deadlocked on every try (LockClashes): nothing changed
            redirect.addFlashAttribute(
                    "error",
                    "Other work was changing the same records at that moment, so nothing was changed: try again.");
        }
        // only back to this page: the query string of the list the fix was made from
        return "redirect:/data-quality" + (back.startsWith("?") ? back : "");
    }
}
