package dev.baton.notification.web;

import dev.baton.notification.MailPreferenceService;
import dev.baton.notification.MailPreferenceService.Choices;
import dev.baton.people.PeopleService;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** My mail choices as a page; {@link MailPreferenceApi} serves them over the API. */
@Controller
class MailPreferenceController {

    private final MailPreferenceService preferences;
    private final PeopleService people;

    MailPreferenceController(MailPreferenceService preferences, PeopleService people) {
        this.preferences = preferences;
        this.people = people;
    }

    @GetMapping("/preferences")
    String page(Principal me, Model model) {
        model.addAttribute("choices", preferences.of(id(me)));
        return "people/preferences";
    }

    /** An unchecked box sends nothing, hence the false defaults. */
    @PostMapping("/preferences")
    String save(
            @RequestParam(defaultValue = "false") boolean onAssignment,
            @RequestParam(defaultValue = "false") boolean onReminder,
            @RequestParam(defaultValue = "false") boolean onEscalation,
            @RequestParam(defaultValue = "false") boolean dailyDigest,
            Principal me,
            RedirectAttributes flash) {
        preferences.choose(id(me), new Choices(onAssignment, onReminder, onEscalation, dailyDigest));
        flash.addFlashAttribute("message", "Your mail preferences are saved.");
        return "redirect:/preferences";
    }

    private long id(Principal me) {
        return people.signedIn(me.getName()).getId();
    }
}
