package dev.baton.audit.web;

import dev.baton.audit.AuditTrail;
import dev.baton.shared.AccountIds;
import dev.baton.shared.Dates;
import dev.baton.shared.KnownParametersOnly;
import dev.baton.shared.PageLinks;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The raw audit trail, one click from an account's timeline: for admins and managers. */
@Controller
@RequestMapping("/audit")
class AuditPages {

    static final int PAGE_SIZE = 50;

    private final AuditTrail trail;

    private final Dates dates;

    private final AccountIds accounts;

    AuditPages(AuditTrail trail, Dates dates, AccountIds accounts) {
        this.trail = trail;
        this.dates = dates;
        this.accounts = accounts;
    }

    @GetMapping
    @PreAuthorize("@auditReaders.may(authentication)")
    @KnownParametersOnly // a misspelt filter typed into the address would show every event
    String list(
            AuditParams params, @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
        model.addAttribute("params", params);
        model.addAttribute("events", trail.find(params.toFilter(dates.zone(), accounts), page, PAGE_SIZE));
        model.addAttribute("query", PageLinks.filters(request));
        return "audit/list";
    }
}
