package dev.baton.audit.web;

import dev.baton.audit.ActorNames;
import dev.baton.audit.AuditEvent;
import dev.baton.audit.AuditLog;
import dev.baton.audit.AuditReaders;
import dev.baton.audit.AuditTrail;
import dev.baton.shared.AccountIds;
import dev.baton.shared.Dates;
import dev.baton.shared.KnownParametersOnly;
import dev.baton.shared.PageLinks;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The raw audit trail, one click from an account's timeline: for admins all of it, for managers
 * their own and their line's events ({@link AuditReaders#actorsFor}). Each event's
 * action in words ({@link AuditEvent#getActionLabel}) and who did it by full name ({@link ActorNames}).
 */
@Controller
@RequestMapping("/audit")
class AuditPages {

    static final int PAGE_SIZE = 50;

    private final AuditTrail trail;

    private final Dates dates;

    private final AccountIds accounts;

    /** Absent only where the people module is not part of the application (a module test). */
    private final ObjectProvider<ActorNames> actorNames;

    private final AuditReaders readers;

    AuditPages(
            AuditTrail trail,
            Dates dates,
            AccountIds accounts,
            ObjectProvider<ActorNames> actorNames,
            AuditReaders readers) {
        this.trail = trail;
        this.readers = readers;
        this.dates = dates;
        this.accounts = accounts;
        this.actorNames = actorNames;
    }

    @GetMapping
    @PreAuthorize("@auditReaders.may(authentication)")
    @KnownParametersOnly // a misspelt filter typed into the address would show every event
    // page and size as GET /api/audit takes them: the page refused size=abc naming size, yet did not list it
    String list(
            AuditParams params,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PAGE_SIZE) int size,
            Authentication reader,
            HttpServletRequest request,
            Model model) {
        model.addAttribute("params", params);
        Optional<Set<String>> readable = readers.actorsFor(reader);
        Page<AuditEvent> events = trail.find(params.toFilter(dates.zone(), accounts), readable, page, size);
        ActorNames names = actorNames.getIfAvailable();
        model.addAttribute("events", events);
        model.addAttribute(
                "names",
                names == null
                        ? Map.of()
                        : names.fullNames(events.map(AuditEvent::getActor).getContent()));
        model.addAttribute("actors", actors(names, readable, params.actor()));
        model.addAttribute("query", PageLinks.filters(request));
        return "audit/list";
    }

    /**
     * The "Who" choice: user name (what the filter matches) to the label a reader knows, everyone by
     * full name ({@link ActorNames#everyone}), then Baton's own work; for a manager only those whose
     * events they read ({@code readable}: themselves and their line). A value typed into the address
     * that is none of them stays chosen as it is, so the page shows what it filters by.
     */
    private static Map<String, String> actors(ActorNames names, Optional<Set<String>> readable, String chosen) {
        Map<String, String> actors = new LinkedHashMap<>(names == null ? Map.of() : names.everyone());
        actors.put(AuditLog.SYSTEM, "Baton itself (engine and scheduled work)");
        readable.ifPresent(these -> actors.keySet().retainAll(these));
        if (chosen != null && !chosen.isBlank()) {
            actors.putIfAbsent(chosen.strip(), chosen.strip());
        }
        return actors;
    }
}
