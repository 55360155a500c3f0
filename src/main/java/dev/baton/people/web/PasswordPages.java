package dev.baton.people.web;

import dev.baton.people.PersonPasswords;
import dev.baton.people.SignedInPerson;
import dev.baton.shared.BadRequestException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Objects;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The password forms: my own on the preferences page, and an admin's on a person's page. The API's
 * rules ({@link PersonPasswords}); a refused form says why at its fields and changes nothing. No
 * password is ever sent back to the page. A new password signs the person out of every other browser
 * session; the one that set it stays signed in.
 */
@Controller
class PasswordPages {

    private final PersonPasswords passwords;
    private final UserDetailsService users;

    PasswordPages(PersonPasswords passwords, UserDetailsService users) {
        this.passwords = passwords;
        this.users = users;
    }

    @PostMapping("/preferences/password")
    String changeOwn(
            @RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword,
            @RequestParam(required = false) String newPasswordAgain,
            Authentication me,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes flash) {
        try {
            requireTypedTwiceAlike(newPassword, newPasswordAgain);
            passwords.changeOwn(me.getName(), currentPassword, newPassword, request.getRemoteAddr());
        } catch (BadRequestException bad) {
            return refused(bad, flash, "redirect:/preferences");
        }
        keepThisSession(me, request, response);
        flash.addFlashAttribute(
                "message",
                "Your password is changed: sign in with the new one from now on. You stay signed in here;"
                        + " everywhere else you are signed out.");
        return "redirect:/preferences";
    }

    @PostMapping("/people/{id:\\d+}/password")
    @PreAuthorize("hasRole('ADMIN')")
    String set(
            @PathVariable long id,
            @RequestParam(required = false) String newPassword,
            @RequestParam(required = false) String newPasswordAgain,
            Authentication me,
            HttpServletRequest request,
            HttpServletResponse response,
            RedirectAttributes flash) {
        String username;
        try {
            requireTypedTwiceAlike(newPassword, newPasswordAgain);
            username = passwords.set(id, newPassword);
        } catch (BadRequestException bad) {
            return refused(bad, flash, "redirect:/people/" + id);
        }
        if (username.equals(me.getName())) { // an admin who set their own: as a change of their own
            keepThisSession(me, request, response);
            flash.addFlashAttribute(
                    "message", "Your password is set: you stay signed in here; everywhere else you are signed out.");
        } else {
            flash.addFlashAttribute(
                    "message",
                    "The password is set, and they are signed out everywhere: tell them the new one in person,"
                            + " not by e-mail.");
        }
        return "redirect:/people/" + id;
    }

    /** The form asks for the new password twice: a typing mistake is caught at the second field. */
    private static void requireTypedTwiceAlike(String newPassword, String newPasswordAgain) {
        if (!Objects.equals(newPassword, newPasswordAgain)) {
            throw new BadRequestException("newPasswordAgain", "does not match the new password");
        }
    }

    /**
     * The password change ended all the person's sessions ({@code Person#endSessions}); the one that made
     * it signs in afresh, under a new session id (OWASP: a new id after a change of credentials).
     */
    private void keepThisSession(Authentication me, HttpServletRequest request, HttpServletResponse response) {
        request.changeSessionId();
        SignedInPerson.holdSession(users.loadUserByUsername(me.getName()), me, request, response);
    }

    private static String refused(BadRequestException bad, RedirectAttributes flash, String back) {
        flash.addFlashAttribute("error", "Password not changed: please correct the marked field.");
        flash.addFlashAttribute("errors", Map.copyOf(bad.getFieldErrors()));
        return back;
    }
}
