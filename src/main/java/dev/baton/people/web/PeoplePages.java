package dev.baton.people.web;

import dev.baton.people.PeopleDirectory;
import dev.baton.people.PeopleService;
import dev.baton.people.Role;
import dev.baton.people.TeamService;
import dev.baton.shared.PageLinks;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The people directory's page, for admins and managers (who look people up to hand their book over):
 * everyone, as {@code GET /api/people} lists them, with the same filters, by full name. Admins open
 * each person's page ({@link PersonPages}, theirs alone) and add people with the form below the list. A bad
 * filter or page is a 400 page saying
 * which, as on the other list pages.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
class PeoplePages {

    static final int PAGE_SIZE = 50;

    private final PeopleDirectory directory;
    private final TeamService teams;
    private final PeopleService people;

    PeoplePages(PeopleDirectory directory, TeamService teams, PeopleService people) {
        this.directory = directory;
        this.teams = teams;
        this.people = people;
    }

    @GetMapping("/people")
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long team,
            @RequestParam(required = false) Role role,
            @RequestParam(required = false) Boolean active,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        PeopleDirectory.Filter filter = new PeopleDirectory.Filter(q, team, role, active);
        model.addAttribute("filter", filter);
        model.addAttribute("people", directory.find(filter, PageRequest.of(page, PAGE_SIZE, Sort.by("fullName"))));
        model.addAttribute(
                "teams", teams.find(Pageable.unpaged(Sort.by("name"))).getContent());
        model.addAttribute("roles", Role.values());
        // the filters as a query string, for the pages' links
        model.addAttribute("query", PageLinks.filters(request));
        if (request.isUserInRole("ADMIN")) { // the new-person form (PersonPages#create): admins only
            PersonForms.choices(model, people, teams, null);
        }
        return "people/list";
    }
}
