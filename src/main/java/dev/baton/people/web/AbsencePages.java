package dev.baton.people.web;

import dev.baton.people.AbsenceService;
import dev.baton.people.AbsenceView;
import dev.baton.people.NewAbsence;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import dev.baton.shared.Dates;
import jakarta.validation.Validator;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
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
    private final Validator validator;
    private final Dates dates;

    AbsencePages(AbsenceService absences, Validator validator, Dates dates) {
        this.absences = absences;
        this.validator = validator;
        this.dates = dates;
    }

    @GetMapping
    String mine(Principal me, Model model) {
        List<AbsenceView> upcoming = absences.upcoming(me.getName());
        model.addAttribute("absences", upcoming);
        model.addAttribute("others", absences.othersICanChange(me.getName()));
        model.addAttribute("today", absences.coverToday(me.getName()));
        // who "Move my open tasks" moves them to, by the same chain as the move itself
        model.addAttribute(
                "move",
                upcoming.isEmpty() ? null : absences.coverOf(upcoming.getFirst().id()));
        // after a refused form: the flashed messages and values; else an empty form
        model.addAttribute("errors", model.asMap().getOrDefault("errors", Map.of()));
        model.addAttribute("form", model.asMap().getOrDefault("form", Map.of()));
        return "absence/mine";
    }

    /**
     * Records my absence; a refusal goes back to the form as it was sent, each reason at its field (a
     * date the page cannot read included), and records nothing.
     */
    @PostMapping
    String record(@ModelAttribute AbsenceForm form, BindingResult binding, Principal me, RedirectAttributes flash) {
        Map<String, String> problems = new LinkedHashMap<>();
        // a value that is no date: in words at its field (ReadableBindingErrors), before it is missing
        binding.getFieldErrors().forEach(e -> problems.putIfAbsent(e.getField(), e.getDefaultMessage()));
        if (form.getStartsOn() == null) {
            problems.putIfAbsent("startsOn", "choose your first day away");
        }
        if (form.getEndsOn() == null) {
            problems.putIfAbsent("endsOn", "choose your last day away");
        }
        if (form.getDelegate().isBlank()) {
            problems.put("delegate", "name who covers for you");
        }
        // held to the API's constraints, as its JSON body is (the note's length and plain text)
        NewAbsence absence = form.toNewAbsence();
        validator
                .validate(absence)
                .forEach(v -> problems.putIfAbsent(v.getPropertyPath().toString(), v.getMessage()));
        try {
            if (!problems.isEmpty()) {
                throw new InvalidAbsence(problems);
            }
            AbsenceView recorded = absences.record(me.getName(), absence);
            flash.addFlashAttribute(
                    "message",
                    "Absence recorded: " + recorded.delegateName() + " covers from " + dates.day(recorded.startsOn())
                            + " to " + dates.day(recorded.endsOn()) + ".");
        } catch (BadRequestException bad) {
            // the message at its field, the form as it was sent
            flash.addFlashAttribute("error", "Nothing recorded: please correct the marked fields.");
            flash.addFlashAttribute(
                    "errors",
                    bad.getFieldErrors().isEmpty() ? Map.of("delegate", bad.getMessage()) : bad.getFieldErrors());
            keepForm(flash, binding);
        } catch (ConflictException overlapping) {
            flash.addFlashAttribute("error", "Nothing recorded: " + overlapping.getMessage());
            keepForm(flash, binding);
        }
        return "redirect:/absences";
    }

    /** Each field as it was typed, a date the page could not read too. */
    private static void keepForm(RedirectAttributes flash, BindingResult sent) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : List.of("startsOn", "endsOn", "delegate", "note")) {
            Object value = sent.getFieldValue(field);
            form.put(field, value == null ? "" : value.toString());
        }
        flash.addFlashAttribute("form", form);
    }

    /** Several fields problems or wrong at once. */
    private static final class InvalidAbsence extends BadRequestException {

        private final Map<String, String> errors;

        InvalidAbsence(Map<String, String> errors) {
            super(String.join("; ", errors.values()));
            this.errors = Map.copyOf(errors);
        }

        @Override
        public Map<String, String> getFieldErrors() {
            return errors;
        }
    }

    /**
     * Gives an absence on the page another cover; a refusal goes back to that absence's form, the reason at
     * its field and the name as typed, and changes nothing.
     */
    @PostMapping("/{id}/delegate")
    String changeCover(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String delegate,
            Principal me,
            RedirectAttributes flash) {
        try {
            if (delegate.isBlank()) {
                throw new BadRequestException("delegate", "name who covers");
            }
            // held to the API's constraints, as its JSON body is (length, one line)
            validator.validate(new AbsenceController.CoverChange(delegate)).stream()
                    .findFirst()
                    .ifPresent(v -> {
                        throw new BadRequestException("delegate", v.getMessage());
                    });
            AbsenceView changed = absences.changeCover(id, delegate, me.getName());
            flash.addFlashAttribute(
                    "message",
                    "Cover changed: " + changed.delegateName() + " covers "
                            + (changed.username().equals(me.getName()) ? "your" : changed.fullName() + "'s")
                            + " absence from " + dates.day(changed.startsOn()) + " to " + dates.day(changed.endsOn())
                            + ". Open tasks already moved stay where they are.");
        } catch (BadRequestException bad) {
            flash.addFlashAttribute("error", "Cover not changed: please correct the marked field.");
            flash.addFlashAttribute("coverFor", id);
            flash.addFlashAttribute("coverError", bad.reasons());
            flash.addFlashAttribute("coverValue", delegate);
        } catch (ConflictException ended) {
            flash.addFlashAttribute("error", "Cover not changed: " + ended.getMessage() + ".");
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
