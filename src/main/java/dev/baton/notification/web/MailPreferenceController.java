package dev.baton.notification.web;

import dev.baton.notification.MailPreferenceService;
import dev.baton.notification.MailPreferenceService.Choices;
import dev.baton.people.PeopleService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** My mail choices, as a page ({@code /preferences}) and over the API ({@code /api/preferences/mail}). */
@Controller
@Tag(name = "Mail preferences", description = "Which task mails I get, and the opt-in daily digest")
class MailPreferenceController {

  private final MailPreferenceService preferences;
  private final PeopleService people;

  MailPreferenceController(MailPreferenceService preferences, PeopleService people) {
    this.preferences = preferences;
    this.people = people;
  }

  @GetMapping("/api/preferences/mail")
  @ResponseBody
  @Operation(summary = "My mail choices")
  Choices get(Principal me) {
    return preferences.of(id(me));
  }

  @PutMapping("/api/preferences/mail")
  @ResponseBody
  @Operation(summary = "Change my mail choices")
  Choices put(@RequestBody Choices choices, Principal me) {
    return preferences.choose(id(me), choices);
  }

  @GetMapping("/preferences")
  String page(Principal me, Model model) {
    model.addAttribute("choices", preferences.of(id(me)));
    return "people/preferences";
  }

  /** An unchecked box sends nothing, hence the false defaults. */
  @PostMapping("/preferences")
  String save(@RequestParam(defaultValue = "false") boolean onAssignment,
      @RequestParam(defaultValue = "false") boolean onReminder,
      @RequestParam(defaultValue = "false") boolean onEscalation,
      @RequestParam(defaultValue = "false") boolean dailyDigest, Principal me, RedirectAttributes flash) {
    preferences.choose(id(me), new Choices(onAssignment, onReminder, onEscalation, dailyDigest));
    flash.addFlashAttribute("message", "Your mail preferences are saved.");
    return "redirect:/preferences";
  }

  private long id(Principal me) {
    return people.signedIn(me.getName()).getId();
  }
}
