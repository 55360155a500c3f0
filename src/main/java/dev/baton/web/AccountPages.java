package dev.baton.web;

import dev.baton.account.AccountAccess;
import dev.baton.account.AccountSearch;
import dev.baton.account.AccountService;
import dev.baton.account.AccountView;
import dev.baton.account.ContactService;
import dev.baton.account.HandoverNotes;
import dev.baton.account.InteractionKind;
import dev.baton.account.InteractionService;
import dev.baton.account.Timeline;
import dev.baton.commitment.CommitmentAccess;
import dev.baton.commitment.CommitmentFilter;
import dev.baton.commitment.CommitmentService;
import dev.baton.commitment.CommitmentStatus;
import dev.baton.commitment.CommitmentView;
import dev.baton.commitment.CommitmentWaitingSteps;
import dev.baton.commitment.NewCommitment;
import dev.baton.commitment.SalesHandoff;
import dev.baton.people.PeopleService;
import dev.baton.people.PersonView;
import dev.baton.people.TeamService;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import dev.baton.shared.EngineUnavailableException;
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
import org.springframework.security.access.AccessDeniedException;
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

/**
 * The accounts pages: a searchable list, and one account's story with forms to add to it (an
 * interaction, a promise), to mark a contact verified and to start the sales-to-CS handoff.
 */
@Controller
@RequestMapping("/accounts")
class AccountPages {

    private static final int PAGE_SIZE = 20;

    /** The timeline's first page, {@link Timeline#RECENT} entries, as a form refused on the page shows it. */
    private static final PageRequest FIRST = PageRequest.of(0, Timeline.RECENT);

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
    private final CommitmentAccess commitmentAccess;
    private final AccountAccess accountAccess;
    private final SalesHandoff handoff;
    private final TeamService teams;
    private final CommitmentWaitingSteps waitingSteps;

    AccountPages(
            AccountService accounts,
            ContactService contacts,
            InteractionService interactions,
            CommitmentService commitments,
            PeopleService people,
            Timeline timeline,
            ObjectProvider<HandoverNotes> notes,
            CommitmentAccess commitmentAccess,
            AccountAccess accountAccess,
            SalesHandoff handoff,
            TeamService teams,
            CommitmentWaitingSteps waitingSteps) {
        this.waitingSteps = waitingSteps;
        this.commitmentAccess = commitmentAccess;
        this.accountAccess = accountAccess;
        this.handoff = handoff;
        this.teams = teams;
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
        model.addAttribute("owners", activePeople());
        model.addAttribute("q", q);
        model.addAttribute("owner", owner);
        return "account/list";
    }

    /**
     * The account; {@code page} and {@code size} page its timeline, as they page {@code GET
     * /api/accounts/{id}/timeline} (each checked by {@code PageLimits}: a bad one is a 400 naming it).
     * The page took {@code timelinePage} and refused {@code page=-1} while {@code page=999} and
     * {@code size=5} changed nothing (probe 47).
     */
    @GetMapping("/{id}")
    String detail(
            @PathVariable Long id,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + Timeline.RECENT) int size,
            Principal me,
            Model model) {
        model.addAttribute("form", new InteractionForm());
        return detailPage(id, PageRequest.of(page, size), me, model);
    }

    /**
     * Records a promise made on a call through the register's own checks and service, so its process
     * starts as for the API; bad input re-renders the page with the reasons at their fields. Someone who
     * may not record promises on the account at all (the API's 403) is told so plainly, as a 403, with
     * no field marked: the page does not offer them the form in the first place.
     */
    @PostMapping("/{id}/commitments")
    String recordPromise(
            @PathVariable Long id,
            @Valid @ModelAttribute("promise") PromiseForm promise,
            BindingResult binding,
            Principal me,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            commitmentAccess.requireMayRecordOn(id, me.getName());
        } catch (AccessDeniedException e) {
            model.addAttribute("form", new InteractionForm());
            model.addAttribute("error", "The promise was not recorded: " + e.getMessage());
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return detailPage(id, FIRST, me, model);
        }
        if (!binding.hasErrors()) {
            try {
                NewCommitment n = promise.toNewCommitment(id);
                commitmentAccess.requireMayRecord(n, me.getName());
                commitments.create(n, me.getName());
                redirect.addFlashAttribute("message", "Promise recorded: \"" + promise.getDescription() + "\".");
                return "redirect:/accounts/" + id;
            } catch (BadRequestException e) {
                e.getFieldErrors().forEach((field, message) -> binding.rejectValue(field, "invalid", message));
                if (e.getFieldErrors().isEmpty()) {
                    binding.reject("invalid", e.getMessage());
                }
            } catch (AccessDeniedException e) {
                // the account passed above: what is left is giving the work to this owner
                binding.rejectValue("ownerId", "denied", e.getMessage());
            }
        }
        model.addAttribute("form", new InteractionForm());
        model.addAttribute("error", "The promise was not recorded: see the marked fields.");
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return detailPage(id, FIRST, me, model);
    }

    /** The contact's details were checked with them just now: a write on the account, as in the API. */
    @PostMapping("/{id}/contacts/{contactId}/verify")
    String verifyContact(
            @PathVariable Long id, @PathVariable Long contactId, Principal me, RedirectAttributes redirect) {
        if (!id.equals(contacts.get(contactId).accountId())) {
            throw NotFoundException.notPartOf("contact", contactId, "account", id);
        }
        try {
            accountAccess.requireMayChangeContact(contactId, me.getName());
            redirect.addFlashAttribute(
                    "message", contacts.verify(contactId).fullName() + "'s details are marked as verified today.");
        } catch (AccessDeniedException e) {
            redirect.addFlashAttribute("error", "The contact was not marked as verified: " + e.getMessage());
        }
        return "redirect:/accounts/" + id;
    }

    /** A won deal: starts the sales-to-customer-success handoff, as the API does. */
    @PostMapping("/{id}/handoff-to-cs")
    String startHandoff(@PathVariable Long id, Principal me, RedirectAttributes redirect) {
        try {
            accountAccess.requireMayActOn(id, me.getName());
            handoff.start(id);
            redirect.addFlashAttribute(
                    "message",
                    "The sales-to-CS handoff has started: the owner lists the sale's promises, each team accepts"
                            + " them, then customer success takes the account.");
        } catch (BadRequestException | ConflictException | AccessDeniedException | EngineUnavailableException e) {
            redirect.addFlashAttribute(
                    "error",
                    "The handoff did not start: "
                            + (e instanceof BadRequestException bad
                                            && !bad.getFieldErrors().isEmpty()
                                    ? String.join("; ", bad.getFieldErrors().values())
                                    : e.getMessage()));
        }
        return "redirect:/accounts/" + id;
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
        return detailPage(id, FIRST, me, model);
    }

    /** Active people by name: the owner filter's choices. */
    private List<PersonView> activePeople() {
        return people.find(null, null, true, Pageable.unpaged(Sort.by("fullName")))
                .getContent();
    }

    @ExceptionHandler(NotFoundException.class)
    void notFound(NotFoundException e, HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_NOT_FOUND, e.getMessage());
    }

    /** The account with one page of its timeline (newest first). */
    private String detailPage(Long id, PageRequest timelinePage, Principal me, Model model) {
        model.addAttribute("account", accounts.get(id));
        // offered only when none runs or ran: it hands the account to customer success once
        model.addAttribute("handoff", handoff.latestOf(id).orElse(null));
        model.addAttribute("mayRecordPromise", commitmentAccess.mayRecordOn(id, me.getName()));
        // the actions on the account itself (verifying a contact, starting the handoff) only to who may act on it
        model.addAttribute("mayAct", accountAccess.mayActOn(id, me.getName()));
        model.addAttribute("timeline", timeline.page(id, timelinePage));
        HandoverNotes source = notes.getIfAvailable();
        model.addAttribute("handoverNotes", source == null ? List.of() : source.of(id));
        model.addAttribute("contacts", contacts.forAccount(id, null));
        List<CommitmentView> onAccount = commitments
                .find(CommitmentFilter.ofAccount(id), Pageable.unpaged(Sort.by("dueDate", "id")))
                .getContent();
        model.addAttribute("commitments", onAccount);
        // who renegotiates each rejected promise: a maker who still speaks for it keeps the step when the account
        // moves to a new owner, who reads here whom to ask (until session 41 nothing said so)
        model.addAttribute(
                "waitingSteps",
                waitingSteps.of(onAccount.stream()
                        .filter(c -> c.status() == CommitmentStatus.REJECTED)
                        .map(CommitmentView::id)
                        .toList()));
        model.addAttribute("kinds", InteractionKind.values());
        if (!model.containsAttribute("promise")) {
            model.addAttribute("promise", new PromiseForm());
        }
        // "Who delivers it": only those the viewer may give a new commitment to, so none offered is then refused;
        // those they may give it to only as members of the delivering team are offered once that team is chosen
        model.addAttribute("people", people.newOwnersFor(me.getName()));
        model.addAttribute(
                "teams", teams.find(Pageable.unpaged(Sort.by("name"))).getContent());
        model.addAttribute("badges", BADGES);
        return "account/detail";
    }
}
