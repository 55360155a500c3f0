package dev.baton.people.web;

import dev.baton.people.Deactivations;
import dev.baton.people.Deactivations.Deactivation;
import dev.baton.people.LaunchedRun;
import dev.baton.people.NewPerson;
import dev.baton.people.PeopleLookup;
import dev.baton.people.PeopleService;
import dev.baton.people.PersonChanges;
import dev.baton.people.PersonPasswords;
import dev.baton.people.PersonView;
import dev.baton.people.Role;
import dev.baton.people.TeamService;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import jakarta.validation.Validator;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's page for admins: who they are, a form for their team, manager and roles, and, before and
 * after they are deactivated, the playbook runs they launched that stop at their next building block
 * once they have left; and the new-person form of {@code /people}. Each is the API's ({@code PUT
 * /api/people/{id}}, {@code POST /api/people}, {@code POST /api/people/{id}/deactivate}): the same rules
 * and refusals, a refused form saying why at its fields and changing nothing (found by probe 40: an
 * admin could set nobody's team or manager, nor add anyone, without the API).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class PersonPages {

    private final PeopleService people;
    private final Deactivations deactivations;
    private final PeopleLookup lookup;
    private final TeamService teams;
    private final Validator validator;

    PersonPages(
            PeopleService people,
            Deactivations deactivations,
            PeopleLookup lookup,
            TeamService teams,
            Validator validator) {
        this.people = people;
        this.deactivations = deactivations;
        this.lookup = lookup;
        this.teams = teams;
        this.validator = validator;
    }

    @GetMapping("/people/{id:\\d+}")
    String person(@PathVariable long id, Model model) {
        PersonView person = people.get(id);
        model.addAttribute("person", person);
        model.addAttribute("names", lookup.fullNames(Collections.singletonList(person.managerUsername())));
        model.addAttribute("runs", deactivations.runsThatWouldStop(id));
        // after a refused form (this page's, or the password's flashed by PasswordPages): the messages at the fields
        PersonForms.choices(model, people, teams, person);
        return "people/person";
    }

    /** The person's team, manager and roles, as {@code PUT /api/people/{id}} changes them (the rest stays). */
    @PostMapping("/people/{id:\\d+}")
    String change(
            @PathVariable long id,
            @RequestParam(required = false) String teamId,
            @RequestParam(required = false) String managerId,
            @RequestParam(required = false) List<String> roles,
            @RequestParam(required = false) Long version,
            RedirectAttributes flash) {
        PersonView person = people.get(id);
        Map<String, String> errors = new LinkedHashMap<>();
        Set<Role> given = PersonForms.roles(roles, errors);
        PersonChanges changes = new PersonChanges(
                person.fullName(),
                person.email(),
                given,
                PersonForms.id(teamId, "teamId", errors),
                PersonForms.id(managerId, "managerId", errors),
                person.timeZone(),
                version);
        validator.validate(changes).forEach(v -> errors.putIfAbsent(v.getPropertyPath() + "", v.getMessage()));
        if (given.isEmpty()) {
            errors.put("roles", PersonForms.NO_ROLE);
        }
        try {
            if (errors.isEmpty()) {
                PersonView now = people.update(id, changes);
                flash.addFlashAttribute("message", now.fullName() + "'s team, manager and roles are saved.");
                return "redirect:/people/" + id;
            }
        } catch (BadRequestException bad) {
            errors.putAll(bad.getFieldErrors());
        } catch (ConflictException conflict) {
            errors.putAll(conflict.getFieldErrors());
            if (conflict.getFieldErrors().isEmpty()) {
                // changed by someone else since the page was read: the page shows the person as now, to decide again
                flash.addFlashAttribute("error", "Not saved: " + conflict.getMessage());
                return "redirect:/people/" + id;
            }
        }
        flash.addFlashAttribute("error", "Not saved: please correct the marked fields.");
        flash.addFlashAttribute("errors", errors);
        flash.addFlashAttribute(
                "form",
                form(
                        Map.of("teamId", Objects.toString(teamId, ""), "managerId", Objects.toString(managerId, "")),
                        roles));
        return "redirect:/people/" + id;
    }

    /** A new person, as {@code POST /api/people} creates them; then their page. */
    @PostMapping("/people")
    String create(
            @RequestParam Map<String, String> typed,
            @RequestParam(required = false) List<String> roles,
            RedirectAttributes flash) {
        Map<String, String> errors = new LinkedHashMap<>();
        NewPerson person = new NewPerson(
                blankToNull(typed.get("username")),
                blankToNull(typed.get("fullName")),
                blankToNull(typed.get("email")),
                typed.get("password"),
                PersonForms.roles(roles, errors),
                PersonForms.id(typed.get("teamId"), "teamId", errors),
                PersonForms.id(typed.get("managerId"), "managerId", errors),
                blankToNull(typed.get("timeZone")));
        validator.validate(person).forEach(v -> errors.putIfAbsent(v.getPropertyPath() + "", v.getMessage()));
        if (person.roles().isEmpty()) {
            errors.put("roles", PersonForms.NO_ROLE);
        }
        if (!errors.containsKey("password")) {
            PersonPasswords.whyNotAcceptable(person.username(), person.password())
                    .ifPresent(problem -> errors.put("password", problem));
        }
        if (!Objects.equals(typed.get("password"), typed.get("passwordAgain"))) {
            errors.putIfAbsent("passwordAgain", "does not match the password");
        }
        try {
            if (errors.isEmpty()) {
                PersonView created = people.create(person);
                flash.addFlashAttribute(
                        "message",
                        created.fullName() + " is added. Tell them their user name and password in person, not by"
                                + " e-mail.");
                return "redirect:/people/" + created.id();
            }
        } catch (BadRequestException bad) {
            errors.putAll(bad.getFieldErrors());
        } catch (ConflictException conflict) {
            errors.putAll(conflict.getFieldErrors());
        }
        flash.addFlashAttribute("error", "Nobody added: please correct the marked fields.");
        flash.addFlashAttribute("errors", errors);
        Map<String, String> kept = new HashMap<>(typed);
        kept.remove("password"); // a password is never written back to a page
        kept.remove("passwordAgain");
        kept.remove("_csrf");
        flash.addFlashAttribute("form", form(kept, roles));
        return "redirect:/people#new-person";
    }

    /** The values typed, for the form shown again, with the roles ticked as one entry ("REP,CS"). */
    private static Map<String, String> form(Map<String, String> typed, List<String> roles) {
        Map<String, String> form = new HashMap<>(typed);
        form.put("roles", roles == null ? "" : String.join(",", roles));
        form.put("sent", "true");
        return form;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @PostMapping("/people/{id:\\d+}/deactivate")
    String deactivate(@PathVariable long id, RedirectAttributes redirect) {
        try {
            Deactivation done = deactivations.deactivate(id);
            redirect.addFlashAttribute("message", said(done));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", "Not deactivated: " + e.getMessage());
        }
        return "redirect:/people/" + id;
    }

    /** What the deactivation stops, counting apart the runs the engine did not answer about. */
    private static String said(Deactivation done) {
        long unchecked =
                done.runsThatWillStop().stream().filter(LaunchedRun::unchecked).count();
        long runs = done.runsThatWillStop().size() - unchecked;
        StringBuilder said = new StringBuilder(done.person().fullName() + " is deactivated.");
        if (runs == 0 && unchecked == 0) {
            said.append(" No running playbook run of theirs stops.");
        }
        if (runs > 0) {
            said.append(" ").append(runs).append(runs == 1 ? " playbook run" : " playbook runs");
            said.append(" they launched will stop at the next building block: see below.");
        }
        if (unchecked > 0) {
            said.append(" The engine did not answer about ").append(unchecked).append(runs == 0 ? "" : " more");
            said.append(unchecked == 1 ? " run" : " runs");
            said.append(" they launched, which stop there too if still running: see below.");
        }
        return said.toString();
    }
}
