package dev.baton.handover;

import dev.baton.account.Account;
import dev.baton.account.AccountService;
import dev.baton.commitment.Commitment;
import dev.baton.commitment.CommitmentService;
import dev.baton.people.Person;
import dev.baton.task.TaskAssignments;
import dev.baton.task.TaskSubject;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moves one account's work from one person to another through the owning features' services
 * (guarded and audited there): the account, its open commitments, the open tasks about it. A
 * commitment's own process moves its waiting step (the change re-routes it), so those tasks are left
 * to it. Only what {@code from} still holds moves, so a repeated call moves nothing twice.
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

    @Transactional(propagation = Propagation.MANDATORY)
    void move(Account account, Person from, Person to) {
        if (account.getOwner() != null && account.getOwner().getId().equals(from.getId())) {
            accounts.handOver(account.getId(), to.getId(), account.getVersion());
        }
        // a commitment's process re-routes its own waiting step to the new owner (commitment-changed)
        Map<Long, TaskSubject> rerouted = new HashMap<>();
        for (Commitment c : book.openCommitments(from, account.getId())) {
            commitments.handOver(c.getId(), to.getId(), c.getVersion());
            if (c.getProcessInstanceKey() != null) {
                rerouted.put(c.getProcessInstanceKey(), c.taskSubject());
            }
        }
        tasks.handOverOpen(from.getUsername(), to.getUsername(), account.getId(), rerouted);
    }
}
