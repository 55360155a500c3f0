package dev.baton.people.web;

import dev.baton.people.PersonPasswords;
import dev.baton.shared.BadRequestException;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The password forms: my own on the preferences page, and an admin's on a person's page. The API's
 * rules ({@link PersonPasswords}); a refused form says why at its fields and changes nothing. No
 * password is ever sent back to the page.
 */
@Controller
class PasswordPages {

    private final PersonPasswords passwords;

    PasswordPages(PersonPasswords passwords) {
        this.passwords = passwords;
    }

    @PostMapping("/preferences/password")
    String changeOwn(
            @RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword,
            @RequestParam(required = false) String newPasswordAgain,
            Principal me,
            HttpServletRequest request,
            RedirectAttributes flash) {
        try {
            if (!Objects.equals(newPassword, newPasswordAgain)) {
                throw new BadRequestException("newPasswordAgain", "does not match the new password");
            }
            passwords.changeOwn(me.getName(), currentPassword, newPassword, request.getRemoteAddr());
        } catch (BadRequestException bad) {
            return refused(bad, flash, "redirect:/preferences");
        }
        flash.addFlashAttribute("message", "Your password is changed: sign in with the new one from now on.");
        return "redirect:/preferences";
    }

    @PostMapping("/people/{id:\\d+}/password")
    @PreAuthorize("hasRole('ADMIN')")
    String set(
            @PathVariable long id,
            @RequestParam(required = false) String newPassword,
            @RequestParam(required = false) String newPasswordAgain,
            RedirectAttributes flash) {
        try {
            if (!Objects.equals(newPassword, newPasswordAgain)) {
                throw new BadRequestException("newPasswordAgain", "does not match the new password");
            }
            passwords.set(id, newPassword);
        } catch (BadRequestException bad) {
            return refused(bad, flash, "redirect:/people/" + id);
        }
        flash.addFlashAttribute("message", "The password is set: tell them the new one in person, not by e-mail.");
        return "redirect:/people/" + id;
    }

    private static String refused(BadRequestException bad, RedirectAttributes flash, String back) {
        flash.addFlashAttribute("error", "Password not changed: please correct the marked field.");
        flash.addFlashAttribute("errors", Map.copyOf(bad.getFieldErrors()));
        return back;
    }
}
