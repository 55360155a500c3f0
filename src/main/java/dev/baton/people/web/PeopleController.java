package dev.baton.people.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.baton.people.NewPerson;
import dev.baton.people.PeopleService;
import dev.baton.people.PersonChanges;
import dev.baton.people.PersonView;
import dev.baton.people.Role;
import dev.baton.shared.PageResponse;
import dev.baton.shared.SortFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/people")
@Tag(name = "People", description = "Everyone may read and choose their own time zone; only admins change people.")
class PeopleController {

    private final PeopleService people;

    PeopleController(PeopleService people) {
        this.people = people;
    }

    @GetMapping
    @Operation(
            summary = "List people, filtered by a search text (case-insensitive part of the e-mail or full name), "
                    + "team id, role and active flag")
    PageResponse<PersonView> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long team,
            @RequestParam(required = false) Role role,
            @RequestParam(required = false) Boolean active,
            @SortFields({"username", "fullName", "email", "createdAt"}) @PageableDefault(sort = "username")
                    Pageable pageable) {
        return PageResponse.of(people.find(q, team, role, active, pageable));
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in person (timeZone: their IANA region id, null for the company's default)")
    PersonView me(Principal principal) {
        return people.byUsername(principal.getName());
    }

    /** @param timeZone an IANA region id, or null for the company's default */
    record TimeZoneChoice(
            @JsonProperty(required = true) @Size(max = 64) String timeZone) {}

    @PutMapping("/me/time-zone")
    @Operation(
            summary = "Choose my own time zone: {\"timeZone\": \"Europe/Berlin\"} (an IANA region id), or null for"
                    + " the company's default; anything else is a 400 naming timeZone")
    PersonView chooseTimeZone(@Valid @RequestBody TimeZoneChoice choice, Principal principal) {
        return people.chooseTimeZone(principal.getName(), choice.timeZone());
    }

    @GetMapping("/{id:\\d+}") // digits only, as for PUT
    PersonView get(@PathVariable Long id) {
        return people.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create a person (username and email must be unique; 409 names the taken one)")
    PersonView create(@Valid @RequestBody NewPerson person) {
        return people.create(person);
    }

    @PutMapping("/{id:\\d+}") // digits only: PUT /me is a 405, not "id: must be a whole number"
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change a person's details, team and manager (no reporting loops)")
    PersonView update(@PathVariable Long id, @Valid @RequestBody PersonChanges changes) {
        return people.update(id, changes);
    }

    @PostMapping("/{id}/deactivate")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Deactivate a person; 409 while they still own accounts or open commitments")
    PersonView deactivate(@PathVariable Long id) {
        return people.deactivate(id);
    }
}
