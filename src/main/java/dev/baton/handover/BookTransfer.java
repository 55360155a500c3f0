package dev.baton.handover;

import dev.baton.account.Account;
import dev.baton.account.AccountService;
import dev.baton.commitment.Commitment;
import dev.baton.commitment.CommitmentService;
import dev.baton.people.Person;
import dev.baton.task.TaskAssignments;
import dev.baton.task.TaskSubject;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves one account's work from one person to another through the owning features' services
 * (guarded and audited there): the account, its open commitments, the open tasks about it. A
 * commitment's waiting step moves with them where {@link CommitmentService#ownerStepCanMove} allows;
 * else its own process moves it (the change re-routes it), so that task is left to it. Only what
 * {@code from} still holds moves, so a repeated call moves nothing twice.
 *
 * <p>A successor taking the account over is not mailed per commitment and task: their "You are taking
 * over" mail named the account and said the departing person's commitments and tasks on it come with
 * it (a book of a thousand accounts used to send them a thousand "Commitment assigned" mails). A book
 * going back to the departing person after their leave is mailed per commitment and task, as they had
 * no such mail.
 */
@Component
class BookTransfer {

    private final AccountService accounts;
    private final CommitmentService commitments;
    private final TaskAssignments tasks;
    private final Book book;

    BookTransfer(AccountService accounts, CommitmentService commitments, TaskAssignments tasks, Book book) {
        this.accounts = accounts;
        this.commitments = commitments;
        this.tasks = tasks;
        this.book = book;
    }

    /** The account goes to the handover's successor, who was told of it ({@link HandoverMails#takingOver}). */
    @Transactional(propagation = Propagation.MANDATORY)
    void handOver(Account account, Person from, Person successor) {
        move(account, from, successor, true);
    }

    /** The account goes back to the departing person from the successor: each moved item is mailed. */
    @Transactional(propagation = Propagation.MANDATORY)
    void giveBack(Account account, Person successor, Person departing) {
        move(account, successor, departing, false);
    }

    private void move(Account account, Person from, Person to, boolean toldOfTheBook) {
        if (account.getOwner() != null && account.getOwner().getId().equals(from.getId())) {
            accounts.handOver(account.getId(), to.getId(), account.getVersion());
        }
        List<Commitment> open = book.openCommitments(from, account.getId());
        // a commitment's step its owner acts on changes hands here with the account's other tasks, quietly:
        // the commitment's own "assigned" mail, or the book's one mail, tells the new owner. Any other step
        // its process re-routes (commitment-changed), so those tasks are left to it
        Set<TaskSubject> ownerSteps = new HashSet<>();
        Map<Long, TaskSubject> rerouted = new HashMap<>();
        for (Commitment c : open) {
            if (commitments.ownerStepCanMove(c, to)) {
                ownerSteps.add(c.taskSubject());
            } else if (c.getProcessInstanceKey() != null) {
                rerouted.put(c.getProcessInstanceKey(), c.taskSubject());
            }
        }
        Set<TaskSubject> moved = tasks.handOverOpen(
                from.getUsername(), to.getUsername(), account.getId(), rerouted, ownerSteps, toldOfTheBook);
        for (Commitment c : open) {
            // a step not found with the departing rep (not yet in the inbox, or elsewhere) is re-routed
            commitments.handOver(c.getId(), to.getId(), c.getVersion(), moved.contains(c.taskSubject()), toldOfTheBook);
        }
    }
}
