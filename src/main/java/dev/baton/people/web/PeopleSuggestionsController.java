package dev.baton.people.web;

import dev.baton.people.PeopleSuggestions;
import dev.baton.people.PeopleSuggestions.Purpose;
import dev.baton.people.PeopleSuggestions.Suggestion;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The people type-ahead's source. Served twice: under /api for API clients (HTTP Basic), and under
 * /people for the pages' script, which has the browser session only (the /api chain is stateless).
 */
@RestController
@Tag(name = "People")
class PeopleSuggestionsController {

    private final PeopleSuggestions suggestions;

    PeopleSuggestionsController(PeopleSuggestions suggestions) {
        this.suggestions = suggestions;
    }

    @GetMapping({"/api/people/suggestions", "/people/suggestions"})
    @Operation(
            summary =
                    "Up to 10 people to pick for a purpose (delegate, cover, move, from, successor, departing, owner): active,"
                            + " not being handed over, matching q (part of the name, user name or e-mail), own team first,"
                            + " with their workload and absence; from/to: the window they must be free in (cover);"
                            + " successor: exactly whom the handover accepts, for the book of departing (a user name,"
                            + " before a launch) or of handover (a running handover's id), one of the two required;"
                            + " owner: exactly whom a new commitment or account may go to (not leaving);"
                            + " assign: of those, exactly whom the caller may give work that team (a team key; none:"
                            + " no team) delivers, as a commitment's step or the sales handoff's kickoff accepts")
    List<Suggestion> suggest(
            @RequestParam(defaultValue = "") String q,
            @RequestParam String purpose,
            @RequestParam(required = false) String excluding,
            @RequestParam(required = false) String departing,
            @RequestParam(required = false) Long handover,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) String team,
            Principal principal) {
        return suggestions.suggest(
                principal.getName(),
                q,
                Purpose.named(purpose),
                excluding,
                new PeopleSuggestions.ForBook(departing, handover),
                team,
                from,
                to);
    }
}
