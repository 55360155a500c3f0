package dev.baton.people.web;

import dev.baton.people.AbsenceService;
import dev.baton.people.AbsenceView;
import dev.baton.people.NewAbsence;
import dev.baton.shared.SingleLine;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/absences")
@Tag(name = "Absences", description = "Out-of-office cover: tasks arriving while you are away go to your delegate")
class AbsenceController {

    private final AbsenceService absences;

    AbsenceController(AbsenceService absences) {
        this.absences = absences;
    }

    @GetMapping("/mine")
    @Operation(summary = "My current and coming absences")
    List<AbsenceView> mine(Principal me) {
        return absences.upcoming(me.getName());
    }

    @GetMapping("/today")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @Operation(summary = "Who is away today and who covers for them")
    List<AbsenceView> today() {
        return absences.awayToday();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record my absence (400 when it ends before it starts, or the delegate is me or inactive)")
    AbsenceView record(@Valid @RequestBody NewAbsence absence, Principal me) {
        return absences.record(me.getName(), absence);
    }

    /** Who covers an absence from now on: a user name, as when it was recorded. */
    record CoverChange(@NotBlank @Size(max = 60) @SingleLine String delegate) {}

    @PutMapping("/{id:\\d+}/delegate")
    @Operation(
            summary = "Give an absence another cover for the days it has left (tasks already moved stay)",
            description = "Its person, their manager or an admin; 400 at delegate as when recording the absence.")
    AbsenceView changeCover(@PathVariable long id, @Valid @RequestBody CoverChange change, Principal me) {
        return absences.changeCover(id, change.delegate(), me.getName());
    }

    @DeleteMapping("/{id:\\d+}") // digits only: DELETE /mine or /today is a 405, not "id: must be a whole number"
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraw one of my absences")
    void withdraw(@PathVariable long id, Principal me) {
        absences.withdraw(id, me.getName());
    }
}
