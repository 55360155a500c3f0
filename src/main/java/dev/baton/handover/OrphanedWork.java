package dev.baton.handover;

import dev.baton.account.Account;
import dev.baton.commitment.Commitment;
import dev.baton.lead.LeadTransfers.OpenLead;
import dev.baton.people.Person;
import dev.baton.task.Task;
import dev.baton.task.TaskSubjectSource.Context;
import dev.baton.task.TaskSubjectSource.Link;
import dev.baton.task.TaskTransfers;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * What the "Resolve orphaned work" step is about, in words: each account, open commitment, open
 * lead and open task still in the departing person's name (what the orphan check counts), with a
 * link to its page, so the manager sees what to move instead of an empty text box.
 */
@Component
class OrphanedWork {

    /** The form key of the manager's step (bpmn/forms/handover-resolve-orphans.form). */
    static final String FORM_KEY = "handover-resolve-orphans";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private final Book book;
    private final TaskTransfers tasks;

    OrphanedWork(Book book, TaskTransfers tasks) {
        this.book = book;
        this.tasks = tasks;
    }

    /** The step's context: one piece listing what is left (or saying nothing is, once it was moved). */
    Context of(Handover h) {
        Person departing = h.getDeparting();
        String owner = departing.getFullName();
        List<Link> left = new ArrayList<>();
        book.accounts(departing).forEach(a -> left.add(account(a, owner)));
        book.openCommitments(departing).forEach(c -> left.add(commitment(c, owner)));
        book.openLeads(departing).forEach(l -> left.add(lead(l)));
        tasks.openOf(departing.getUsername()).forEach(t -> left.add(task(t, owner)));
        String text = left.isEmpty()
                ? "Nothing is left in " + owner + "'s name any more: complete this step and Baton checks again."
                : left.size() + (left.size() == 1 ? " thing is" : " things are") + " still in " + owner
                        + "'s name. Give each to someone (on its page), then complete this step: Baton checks again.";
        return new Context("Still in " + owner + "'s name", text, null, false, left);
    }

    static Link account(Account a, String owner) {
        return new Link("Account: " + a.getName() + ", owned by " + owner, "/accounts/" + a.getId());
    }

    static Link commitment(Commitment c, String owner) {
        return new Link(
                "Commitment: " + c.getDescription() + " (" + c.getAccount().getName() + ") — "
                        + c.getStatus().name().toLowerCase(Locale.ROOT) + due(c.getDueDate()) + ", owned by " + owner,
                "/commitments/" + c.getId());
    }

    /** "Lead: Jane Doe (Acme) — First touch, owned by Rob Miller". */
    static Link lead(OpenLead l) {
        return new Link(
                "Lead: " + l.personName() + " (" + l.company() + ") — " + l.step() + ", owned by " + l.ownerName(),
                l.link());
    }

    static Link task(Task t, String owner) {
        return new Link(
                "Task: " + t.getName() + " — assigned to " + owner
                        + (t.getDueAt() == null
                                ? ""
                                : ", due " + DAY.format(t.getDueAt().atZone(ZoneOffset.UTC))),
                "/tasks/" + t.getId());
    }

    private static String due(LocalDate day) {
        return day == null ? "" : ", due " + DAY.format(day);
    }
}
