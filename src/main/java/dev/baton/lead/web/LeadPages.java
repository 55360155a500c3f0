package dev.baton.lead.web;

import dev.baton.lead.CampaignStatistics;
import dev.baton.lead.DuplicateLead;
import dev.baton.lead.LeadService;
import dev.baton.lead.NewLead;
import dev.baton.shared.BadRequestException;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The leads page (newest leads, a form to add one), one lead with its history, and the campaign figures. */
@Controller
@RequestMapping("/leads")
class LeadPages {

    static final int PAGE_SIZE = 50;

    private final LeadService leads;
    private final CampaignStatistics campaigns;

    LeadPages(LeadService leads, CampaignStatistics campaigns) {
        this.leads = leads;
        this.campaigns = campaigns;
    }

    @GetMapping
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute(
                "leads",
                leads.find(
                        null,
                        null,
                        null,
                        null,
                        PageRequest.of(
                                Math.max(page, 0),
                                PAGE_SIZE,
                                Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")))));
        model.addAttribute("errors", model.asMap().getOrDefault("errors", Map.of()));
        model.addAttribute("form", model.asMap().getOrDefault("form", Map.of()));
        return "lead/list";
    }

    @PostMapping
    String create(@RequestParam Map<String, String> form, Principal me, RedirectAttributes flash) {
        Map<String, String> errors = new LinkedHashMap<>();
        Integer score = null;
        try {
            score = score(form.get("score"));
        } catch (BadRequestException bad) {
            errors.putAll(bad.getFieldErrors());
        }
        NewLead lead = new NewLead(
                form.get("company"),
                form.get("personName"),
                blankToNull(form.get("email")),
                blankToNull(form.get("phone")),
                form.get("source"),
                blankToNull(form.get("campaign")),
                score,
                blankToNull(form.get("territory")),
                blankToNull(form.get("firstTouchSla")));
        // the fields' rules and what the service refuses, in one round (found by a probe: they came in two)
        leads.problems(lead).forEach(errors::putIfAbsent);
        try {
            if (!errors.isEmpty()) {
                throw new BadRequestException(errors);
            }
            var created = leads.create(lead, me.getName());
            flash.addFlashAttribute(
                    "message", "Lead added: " + created.personName() + " at " + created.company() + ".");
            return "redirect:/leads";
        } catch (BadRequestException bad) {
            errors.putAll(bad.getFieldErrors());
        } catch (DuplicateLead duplicate) {
            errors.put("email", duplicate.getMessage());
        }
        flash.addFlashAttribute("error", "Nothing added: please correct the marked fields.");
        flash.addFlashAttribute("errors", errors);
        flash.addFlashAttribute("form", form);
        return "redirect:/leads";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("details", leads.get(id));
        return "lead/detail";
    }

    @GetMapping("/campaigns")
    String campaigns(Model model) {
        model.addAttribute("campaigns", campaigns.campaigns());
        return "lead/campaigns";
    }

    private static Integer score(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException("score", NewLead.SCORE_RULE);
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
