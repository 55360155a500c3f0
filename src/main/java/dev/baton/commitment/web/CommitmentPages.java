package dev.baton.commitment.web;

import dev.baton.commitment.CommitmentRegister;
import dev.baton.commitment.CommitmentService;
import dev.baton.commitment.CommitmentStatus;
import dev.baton.people.PeopleService;
import dev.baton.people.TeamService;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The commitment register page for customer success: filters, counts, rows linking to their accounts, CSV. */
@Controller
@RequestMapping("/commitments")
class CommitmentPages {

    static final int PAGE_SIZE = 50;

    private final CommitmentService commitments;
    private final CommitmentRegister register;
    private final PeopleService people;
    private final TeamService teams;
    private final CommitmentController api;

    CommitmentPages(
            CommitmentService commitments,
            CommitmentRegister register,
            PeopleService people,
            TeamService teams,
            CommitmentController api) {
        this.commitments = commitments;
        this.register = register;
        this.people = people;
        this.teams = teams;
        this.api = api;
    }

    @GetMapping
    String register(
            @Valid RegisterParams params,
            @RequestParam(defaultValue = "0") int page,
            HttpServletRequest request,
            Model model) {
        var filter = params.toFilter();
        model.addAttribute("params", params);
        model.addAttribute(
                "commitments",
                commitments.find(filter, PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by("dueDate", "id"))));
        model.addAttribute("summary", register.summary(filter));
        model.addAttribute("statuses", CommitmentStatus.values());
        model.addAttribute(
                "owners",
                people.find(null, null, null, Pageable.unpaged(Sort.by("fullName")))
                        .getContent());
        model.addAttribute(
                "teams", teams.find(Pageable.unpaged(Sort.by("name"))).getContent());
        // the filters as a query string, for the export link and the pages
        model.addAttribute(
                "query",
                UriComponentsBuilder.newInstance()
                        .query(request.getQueryString())
                        .replaceQueryParam("page")
                        .build()
                        .getQuery());
        return "commitment/list";
    }

    /**
     * The register's export for the signed-in session: the API's /api/commitments/export.csv takes only
     * HTTP Basic, so the page links here; same filters, same file (the API's own writer).
     */
    @GetMapping(value = "/export.csv", produces = "text/csv")
    void export(RegisterParams params, HttpServletResponse response) throws IOException {
        api.export(params, response);
    }
}
