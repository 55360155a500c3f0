package dev.baton.lead.web;

import dev.baton.lead.CampaignStatistics;
import dev.baton.lead.DuplicateLead;
import dev.baton.lead.LeadService;
import dev.baton.lead.LeadStatus;
import dev.baton.lead.LeadView;
import dev.baton.lead.NewLead;
import dev.baton.shared.CheckedByHandler;
import dev.baton.shared.PageResponse;
import dev.baton.shared.SortFields;
import dev.baton.shared.TypeMismatches;
import dev.baton.shared.UnknownFields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/leads")
@Tag(
        name = "Leads",
        description = "Leads from marketing; each starts the lead-follow-up playbook (assignment, first-touch SLA).")
class LeadController {

    private final LeadService leads;
    private final CampaignStatistics campaigns;

    LeadController(LeadService leads, CampaignStatistics campaigns) {
        this.leads = leads;
        this.campaigns = campaigns;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a lead (e-mail or phone required); a duplicate e-mail of a lead or contact is 409",
            description = "Every problem of the lead is one 400, each at its field (`errors`): the fields' rules,"
                    + " a value that is not of its field's type (\"score\": \"high\"), a field the lead does not"
                    + " have, no e-mail or phone, a `firstTouchSla` that is no ISO-8601 duration from a minute to"
                    + " what the working week places, and, beside any of those, a"
                    + " duplicate e-mail (`duplicateOf` names the record). A duplicate e-mail alone is the 409"
                    + " naming the record.")
    LeadView create(@RequestBody @CheckedByHandler NewLead lead, Principal me) {
        // not @Valid: the service checks the fields' rules with its own, so that all, with the body's
        // mistyped values and unknown fields, come in one answer
        Map<String, String> body = new LinkedHashMap<>(TypeMismatches.ofThisRequest());
        UnknownFields.ofThisRequest().forEach(body::putIfAbsent);
        return leads.create(lead, me.getName(), body);
    }

    @GetMapping
    @Operation(summary = "Leads by status, campaign, owner (person id) and text (company, name, e-mail), newest first")
    PageResponse<LeadView> list(
            @RequestParam(required = false) LeadStatus status,
            @RequestParam(required = false) String campaign,
            @RequestParam(required = false) Long owner,
            @RequestParam(required = false) String q,
            @SortFields({"createdAt", "company", "score", "status", "firstTouchDueAt"})
                    @PageableDefault(sort = "createdAt", direction = Sort.Direction.DESC)
                    Pageable pageable) {
        return PageResponse.of(leads.find(status, campaign, owner, q, pageable));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One lead with its history (assigned, reminded, escalated, reassigned, touched, outcome)")
    LeadView.Details get(@PathVariable long id) {
        return leads.get(id);
    }

    @GetMapping("/campaigns")
    @Operation(
            summary = "Per campaign: leads, touched within the first-touch SLA (%), median hours to first touch,"
                    + " outcomes")
    List<CampaignStatistics.Campaign> campaigns() {
        return campaigns.campaigns();
    }

    /** A duplicate names the record it duplicates, so a client can go there instead. */
    @ExceptionHandler(DuplicateLead.class)
    ProblemDetail duplicate(DuplicateLead e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Duplicate lead");
        problem.setType(URI.create("about:blank"));
        problem.setProperty("errors", Map.of("email", e.getMessage()));
        problem.setProperty("duplicateOf", e.reference());
        return problem;
    }
}
