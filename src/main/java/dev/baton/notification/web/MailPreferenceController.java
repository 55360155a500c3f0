package dev.baton.notification.web;

import dev.baton.notification.MailPreferenceService;
import dev.baton.notification.MailPreferenceService.Choices;
import dev.baton.people.PeopleService;
import dev.baton.people.Person;
import dev.baton.people.TimeZones;
import dev.baton.shared.BadRequestException;
import java.security.Principal;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * My preferences as a page: my mail choices ({@link MailPreferenceApi} serves them over the API) and
 * my time zone (the people module's, also {@code PUT /api/people/me/time-zone}).
 */
@Controller
class MailPreferenceController {

    private final MailPreferenceService preferences;
    private final PeopleService people;
    private final TimeZones zones;

    MailPreferenceController(MailPreferenceService preferences, PeopleService people, TimeZones zones) {
        this.preferences = preferences;
        this.people = people;
        this.zones = zones;
    }

    @GetMapping("/preferences")
    String page(Principal me, Model model) {
        Person person = people.signedIn(me.getName());
        // after a refused form: what was sent and the message at its field
        model.addAttribute("choices", model.asMap().getOrDefault("choices", preferences.of(person.getId())));
        model.addAttribute("timeZone", model.asMap().getOrDefault("timeZone", person.getTimeZone()));
        model.addAttribute("errors", model.asMap().getOrDefault("errors", Map.of()));
        model.addAttribute("companyZone", zones.company().getId());
        model.addAttribute("zoneAreas", TimeZones.regionsByArea());
        return "people/preferences";
    }

    /**
     * An unchecked box sends nothing, hence the false defaults. No {@code timeZone} leaves the zone as
     * it is; an empty one is the company's default. An unknown zone changes nothing at all.
     */
    @PostMapping("/preferences")
    String save(
            @RequestParam(defaultValue = "false") boolean onAssignment,
            @RequestParam(defaultValue = "false") boolean onTeamTask,
            @RequestParam(defaultValue = "false") boolean onReminder,
            @RequestParam(defaultValue = "false") boolean onEscalation,
            @RequestParam(defaultValue = "false") boolean dailyDigest,
            @RequestParam(required = false) String timeZone,
            Principal me,
            RedirectAttributes flash) {
        Choices choices = new Choices(onAssignment, onTeamTask, onReminder, onEscalation, dailyDigest);
        try {
            if (timeZone != null) {
                people.chooseTimeZone(me.getName(), timeZone); // checks the zone before anything changes
            }
        } catch (BadRequestException bad) {
            flash.addFlashAttribute("error", "Nothing saved: please correct the marked field.");
            flash.addFlashAttribute(
                    "errors", Map.of("timeZone", bad.getFieldErrors().getOrDefault("timeZone", bad.getMessage())));
            flash.addFlashAttribute("choices", choices);
            flash.addFlashAttribute("timeZone", timeZone);
            return "redirect:/preferences";
        }
        preferences.choose(id(me), choices);
        flash.addFlashAttribute("message", "Your preferences are saved.");
        return "redirect:/preferences";
    }

    private long id(Principal me) {
        return people.signedIn(me.getName()).getId();
    }
}
