package dev.baton.people.web;

import dev.baton.people.Deactivations;
import dev.baton.people.Deactivations.Deactivation;
import dev.baton.people.LaunchedRun;
import dev.baton.people.PeopleLookup;
import dev.baton.people.PeopleService;
import dev.baton.people.PersonView;
import dev.baton.shared.ConflictException;
import java.util.Collections;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A person's page for admins: who they are and, before and after they are deactivated, the playbook
 * runs they launched that stop at their next building block once they have left. Deactivation here is
 * the API's ({@code POST /api/people/{id}/deactivate}): the same rules and refusals.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class PersonPages {

    private final PeopleService people;
    private final Deactivations deactivations;
    private final PeopleLookup lookup;

    PersonPages(PeopleService people, Deactivations deactivations, PeopleLookup lookup) {
        this.people = people;
        this.deactivations = deactivations;
        this.lookup = lookup;
    }

    @GetMapping("/people/{id:\\d+}")
    String person(@PathVariable long id, Model model) {
        PersonView person = people.get(id);
        model.addAttribute("person", person);
        model.addAttribute("names", lookup.fullNames(Collections.singletonList(person.managerUsername())));
        model.addAttribute("runs", deactivations.runsThatWouldStop(id));
        // after a refused password form: the message at its field (flashed by PasswordPages)
        model.addAttribute("errors", model.asMap().getOrDefault("errors", java.util.Map.of()));
        return "people/person";
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
