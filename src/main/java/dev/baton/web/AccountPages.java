package dev.baton.web;

import dev.baton.account.AccountSearch;
import dev.baton.account.AccountService;
import dev.baton.account.AccountView;
import dev.baton.account.ContactService;
import dev.baton.account.HandoverNotes;
import dev.baton.account.InteractionKind;
import dev.baton.account.InteractionService;
import dev.baton.account.Timeline;
import dev.baton.commitment.CommitmentFilter;
import dev.baton.commitment.CommitmentService;
import dev.baton.commitment.CommitmentStatus;
import dev.baton.people.PeopleService;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The accounts pages: a searchable list, and one account's story with a form to add to it. */
@Controller
@RequestMapping("/accounts")
class AccountPages {

    private static final int PAGE_SIZE = 20;
    private static final Map<CommitmentStatus, String> BADGES = Map.of(
            CommitmentStatus.PROPOSED,
            "text-bg-secondary",
            CommitmentStatus.ACCEPTED,
            "text-bg-primary",
            CommitmentStatus.DELIVERED,
            "text-bg-info",
            CommitmentStatus.VERIFIED,
            "text-bg-success",
            CommitmentStatus.REJECTED,
            "text-bg-warning",
            CommitmentStatus.BREACHED,
            "text-bg-danger",
            CommitmentStatus.CANCELLED,
            "text-bg-light");

    private final AccountService accounts;
    private final ContactService contacts;
    private final InteractionService interactions;
    private final CommitmentService commitments;
    private final PeopleService people;
    private final Timeline timeline;
    private final ObjectProvider<HandoverNotes> notes;

    AccountPages(
            AccountService accounts,
            ContactService contacts,
            InteractionService interactions,
            CommitmentService commitments,
            PeopleService people,
            Timeline timeline,
            ObjectProvider<HandoverNotes> notes) {
        this.notes = notes;
        this.accounts = accounts;
        this.contacts = contacts;
        this.interactions = interactions;
        this.commitments = commitments;
        this.people = people;
        this.timeline = timeline;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Long owner,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        Page<AccountView> result = accounts.find(
                new AccountSearch(owner, q, null, null),
                PageRequest.of(Math.max(page, 0), PAGE_SIZE, Sort.by("name", "id")));
        model.addAttribute("accounts", result);
        model.addAttribute(
                "overdue", commitments.overdueCounts(result.map(AccountView::id).getContent()));
        model.addAttribute(
                "owners",
                people.find(null, null, true, Pageable.unpaged(Sort.by("fullName")))
                        .getContent());
        model.addAttribute("q", q);
        model.addAttribute("owner", owner);
        return "account/list";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable Long id, @RequestParam(defaultValue = "0") int timelinePage, Model model) {
        model.addAttribute("form", new InteractionForm());
        return detailPage(id, Math.max(timelinePage, 0), model);
    }

    /** Bad input re-renders the page with the reasons and the typed text kept; nothing is saved. */
    @PostMapping("/{id}/interactions")
    String logInteraction(
            @PathVariable Long id,
            @Valid @ModelAttribute("form") InteractionForm form,
            BindingResult binding,
            Principal me,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        if (!binding.hasErrors()) {
            try {
                interactions.log(id, form.toNewInteraction(), me.getName());
                redirect.addFlashAttribute("message", "Interaction logged.");
                return "redirect:/accounts/" + id;
            } catch (BadRequestException e) {
                binding.reject("invalid", e.getMessage());
            }
        }
        model.addAttribute(
                "error",
                "The interaction was not saved: "
                        + binding.getAllErrors().stream()
                                .map(e -> e.getDefaultMessage())
                                .collect(Collectors.joining("; ")));
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return detailPage(id, 0, model);
    }

    @ExceptionHandler(NotFoundException.class)
    void notFound(NotFoundException e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND, e.getMessage());
    }

    /** The account with one page of its timeline ({@link Timeline#RECENT} entries a page, newest first). */
    private String detailPage(Long id, int timelinePage, Model model) {
        model.addAttribute("account", accounts.get(id));
        model.addAttribute("timeline", timeline.page(id, PageRequest.of(timelinePage, Timeline.RECENT)));
        HandoverNotes source = notes.getIfAvailable();
        model.addAttribute("handoverNotes", source == null ? List.of() : source.of(id));
        model.addAttribute("contacts", contacts.forAccount(id, null));
        model.addAttribute(
                "commitments",
                commitments
                        .find(CommitmentFilter.ofAccount(id), Pageable.unpaged(Sort.by("dueDate", "id")))
                        .getContent());
        model.addAttribute("kinds", InteractionKind.values());
        model.addAttribute("badges", BADGES);
        return "account/detail";
    }
}
