package dev.baton.people.web;

import dev.baton.people.AbsenceService;
import dev.baton.people.NewAbsence;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import java.security.Principal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** My absences (record, withdraw, hand my open tasks to my cover) and, for managers, who is away. */
@Controller
@RequestMapping("/absences")
class AbsencePages {

  private final AbsenceService absences;

  AbsencePages(AbsenceService absences) {
    this.absences = absences;
  }

  @GetMapping
  String mine(Principal me, Model model) {
    model.addAttribute("absences", absences.upcoming(me.getName()));
    model.addAttribute("cover", absences.coverFor(me.getName()).orElse(null));
    return "absence/mine";
  }

  @PostMapping
  String record(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate startsOn,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
      @RequestParam(defaultValue = "") String delegate, @RequestParam(required = false) String note,
      Principal me, RedirectAttributes flash) {
    try {
      if (startsOn == null || endsOn == null || delegate.isBlank()) {
        throw new BadRequestException("first day, last day and who covers are all needed");
      }
      absences.record(me.getName(), new NewAbsence(startsOn, endsOn, delegate, note));
      flash.addFlashAttribute("message", "Absence recorded: " + delegate + " covers from " + startsOn + " to " + endsOn + ".");
    } catch (BadRequestException | ConflictException bad) {
      flash.addFlashAttribute("error", "Nothing recorded: " + bad.getMessage());
    }
    return "redirect:/absences";
  }

  @PostMapping("/{id}/withdraw")
  String withdraw(@PathVariable long id, Principal me, RedirectAttributes flash) {
    absences.withdraw(id, me.getName());
    flash.addFlashAttribute("message", "Absence withdrawn.");
    return "redirect:/absences";
  }

  @GetMapping("/today")
  @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
  String today(Model model) {
    model.addAttribute("absences", absences.awayToday());
    return "absence/today";
  }
}
