package dev.baton.renewal.web;

import dev.baton.renewal.RenewalRuns;
import dev.baton.renewal.RenewalSettings;
import java.security.Principal;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The renewals a manager watches: which accounts renew, at which step, with whom since when; how ended ones ended. */
@Controller
@RequestMapping("/renewals")
@PreAuthorize("hasAnyRole('ADMIN', 'MANAGER')")
class RenewalPages {

    static final int PAGE_SIZE = 20;

    private final RenewalRuns runs;
    private final RenewalSettings settings;

    RenewalPages(RenewalRuns runs, RenewalSettings settings) {
        this.runs = runs;
        this.settings = settings;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Principal me, Model model) {
        model.addAttribute("daysAhead", settings.daysAhead());
        model.addAttribute("renewals", runs.list(me.getName(), PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        return "renewal/list";
    }
}
