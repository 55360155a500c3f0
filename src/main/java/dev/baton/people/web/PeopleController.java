package dev.baton.people.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import dev.baton.people.Deactivations;
import dev.baton.people.Deactivations.Deactivation;
import dev.baton.people.LaunchedRun;
import dev.baton.people.NewPerson;
import dev.baton.people.PeopleDirectory;
import dev.baton.people.PeopleService;
import dev.baton.people.PersonChanges;
import dev.baton.people.PersonPasswords;
import dev.baton.people.PersonView;
import dev.baton.people.Role;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.PageResponse;
import dev.baton.shared.SortFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
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
    private final Deactivations deactivations;
    private final PeopleDirectory directory;
    private final PersonPasswords passwords;

    PeopleController(
            PeopleService people, Deactivations deactivations, PeopleDirectory directory, PersonPasswords passwords) {
        this.people = people;
        this.deactivations = deactivations;
        this.directory = directory;
        this.passwords = passwords;
    }

    /** The people directory: everyone signed in may read it, as any one person ({@link PeopleDirectory#find}). */
    @GetMapping
    @Operation(
            summary = "The people directory, by full name: filtered by a search text (a case-insensitive part of"
                    + " the full name, user name or e-mail address), team id, role and active flag. A bad"
                    + " filter, page or size (1 to 2000) is a 400 naming it")
    PageResponse<PersonView> list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long team,
            @RequestParam(required = false) Role role,
            @RequestParam(required = false) Boolean active,
            @SortFields({"username", "fullName", "email", "createdAt"}) @PageableDefault(sort = "fullName")
                    Pageable pageable) {
        return PageResponse.of(directory
                .find(new PeopleDirectory.Filter(q, team, role, active), pageable)
                .map(PeopleDirectory.Listing::person));
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

    /** Passwords as typed: not trimmed or normalised like other text (see StrictJson). */
    record OwnPasswordChange(
            @JsonDeserialize(using = StringDeserializer.class)
            String currentPassword,

            @JsonDeserialize(using = StringDeserializer.class)
            String newPassword) {}

    @PutMapping("/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            summary = "Change my own password: {\"currentPassword\": ..., \"newPassword\": ...}. A wrong current"
                    + " password is a 400 at currentPassword and counts as a failed sign-in; the new one needs at"
                    + " least 10 characters, at most 72 bytes, and must not be the user name (400 at newPassword)."
                    + " The old password stops working at once, and every browser session of mine is signed out")
    void changeOwnPassword(@RequestBody OwnPasswordChange change, Principal principal, HttpServletRequest request) {
        passwords.changeOwn(
                principal.getName(), change.currentPassword(), change.newPassword(), request.getRemoteAddr());
    }

    record PasswordSetting(
            @JsonDeserialize(using = StringDeserializer.class)
            String newPassword) {}

    @PutMapping("/{id:\\d+}/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Set a person's password (admins; e.g. for people a people import created, or someone locked"
                    + " out): {\"newPassword\": ...}, at least 10 characters, at most 72 bytes, not the user name"
                    + " (else 400 at newPassword). Their old password stops working at once and every browser"
                    + " session of theirs is signed out; an inactive person still cannot sign in")
    void setPassword(@PathVariable Long id, @RequestBody PasswordSetting setting) {
        passwords.set(id, setting.newPassword());
    }

    @GetMapping("/{id:-?\\d+}") // a whole number only, as for PUT; -1 is "no person -1"
    PersonView get(@PathVariable Long id) {
        return people.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create a person (username and email must be unique; 409 names the taken one)")
    PersonView create(@Valid @RequestBody NewPerson person) {
        // the one rule for a password, as when it is changed later: a longer one than bcrypt reads was a 500
        PersonPasswords.whyNotAcceptable(person.username(), person.password()).ifPresent(problem -> {
            throw new BadRequestException("password", problem);
        });
        return people.create(person);
    }

    @PutMapping("/{id:-?\\d+}") // a whole number only: PUT /me is a 405, not "id: must be a whole number"
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Change a person's details, team and manager (no reporting loops)")
    PersonView update(@PathVariable Long id, @Valid @RequestBody PersonChanges changes) {
        return people.update(id, changes);
    }

    /**
     * The answer of a deactivation: the person as {@link PersonView} has them (its fields at the top
     * level, as before), and the runs their leaving stops.
     *
     * @param runsThatWillStop the running playbook runs the person launched from the catalogue: every
     *     building block acts with its launcher's rights and someone who has left has none, so each stops
     *     with an incident at its next block; relaunch those still needed as someone who stays
     */
    record Deactivated(
            @JsonUnwrapped PersonView person,

            @Schema(
                    description = "The running playbook runs this person launched from the catalogue whose"
                            + " playbooks use building blocks: each stops with an incident at its next"
                            + " block (blocks act with the launcher's rights, and someone who has left has"
                            + " none); relaunch those still needed as someone who stays. Oldest first;"
                            + " each run's page is /playbooks/instances/{processInstanceKey}. A run whose"
                            + " state is UNKNOWN (the engine did not answer; reason says so) may still run,"
                            + " and then stops there too")
            List<LaunchedRun> runsThatWillStop) {}

    @PostMapping("/{id}/deactivate")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Deactivate a person; 409 while they still own accounts, open commitments or open tasks,"
                    + " manage active people, or are the last active admin. The answer is the person, and in"
                    + " runsThatWillStop the running playbook runs they launched, which stop at their next"
                    + " building block")
    Deactivated deactivate(@PathVariable Long id) {
        Deactivation done = deactivations.deactivate(id);
        return new Deactivated(done.person(), done.runsThatWillStop());
    }

    @GetMapping("/{id:\\d+}/launched-runs")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Before deactivating: the running playbook runs this person launched from the catalogue"
                    + " whose playbooks use building blocks, which stop at their next block once the person is"
                    + " deactivated (blocks act with the launcher's rights). Oldest first; state RUNNING, or"
                    + " UNKNOWN with a reason when the engine did not answer")
    List<LaunchedRun> launchedRuns(@PathVariable Long id) {
        return deactivations.runsThatWouldStop(id);
    }
}
