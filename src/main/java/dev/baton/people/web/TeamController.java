package dev.baton.people.web;

import dev.baton.people.NewTeam;
import dev.baton.people.TeamService;
import dev.baton.people.TeamView;
import dev.baton.shared.PageResponse;
import dev.baton.shared.SingleLine;
import dev.baton.shared.SortFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/teams")
@Tag(name = "Teams", description = "Everyone may read; only admins change teams.")
class TeamController {

    record Rename(
            @NotBlank @Size(max = 200) @SingleLine String name,
            @NotNull Long version) {}

    private final TeamService teams;

    TeamController(TeamService teams) {
        this.teams = teams;
    }

    @GetMapping
    PageResponse<TeamView> list(@SortFields({"key", "name"}) @PageableDefault(sort = "key") Pageable pageable) {
        return PageResponse.of(teams.find(pageable));
    }

    @GetMapping("/{id}")
    TeamView get(@PathVariable Long id) {
        return teams.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Create a team; its key is what playbooks name as candidate group")
    TeamView create(@Valid @RequestBody NewTeam team) {
        return teams.create(team);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Rename a team (the key stays)")
    TeamView rename(@PathVariable Long id, @Valid @RequestBody Rename rename) {
        return teams.rename(id, rename.name(), rename.version());
    }
}
