package dev.baton.demo;

import dev.baton.account.Account;
import dev.baton.account.Contact;
import dev.baton.commitment.Commitment;
import dev.baton.commitment.CommitmentStatus;
import dev.baton.commitment.Commitments;
import dev.baton.people.Person;
import dev.baton.people.Team;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Promises made to the demo customers, in every status, reached through the commitment's own
 * guarded transitions. Includes what the commitment register must catch: an overdue one and one
 * that nobody owns.
 */
@Component
class DemoCommitments {

    private static final List<String> PROMISES = List.of(
            "Single sign-on with the customer's Entra ID before go-live",
            "Migrate five years of history from the legacy CRM",
            "Quarterly usage report to the CFO",
            "Extend the pilot to the second site at no extra cost",
            "Price hold for the renewal at this year's rate",
            "Two on-site training days for new hires",
            "Dedicated support contact during the busy season");
    private static final CommitmentStatus[] STATUSES = CommitmentStatus.values();

    private final Commitments commitments;
    private final Clock clock;

    DemoCommitments(Commitments commitments, Clock clock) {
        this.commitments = commitments;
        this.clock = clock;
    }

    /** Zero to two commitments; CS delivers every other one, the selling rep's team the rest. */
    void load(
            int index,
            Account account,
            List<Contact> contacts,
            Person rep,
            Person customerSuccess,
            Team customerSuccessTeam) {
        for (int k = 0; k < index % 3; k++) {
            int n = index * 2 + k;
            boolean byCs = n % 2 == 0;
            LocalDate due = LocalDate.now(clock).plusDays((n * 23L) % 150 - 45);
            Commitment commitment = new Commitment(
                    account,
                    contacts.get(k % contacts.size()),
                    PROMISES.get(n % PROMISES.size()),
                    rep,
                    byCs ? customerSuccess : rep,
                    byCs ? customerSuccessTeam : rep.getTeam(),
                    due);
            advance(commitment, STATUSES[n % STATUSES.length]);
            commitments.save(commitment);
        }
    }

    /** Accepted, owned, and twelve days past its due date. */
    void addOverdue(Account account, Contact contact, Person rep, Person owner, Team team) {
        Commitment overdue = new Commitment(
                account,
                contact,
                "Send the revised SLA proposal with 99.9 % uptime",
                rep,
                owner,
                team,
                LocalDate.now(clock).minusDays(12));
        overdue.accept();
        commitments.save(overdue);
    }

    /** Sales promised it; delivery never heard of it: no owner yet. */
    void addUnowned(Account account, Contact contact, Person rep, Team team) {
        commitments.save(new Commitment(
                account,
                contact,
                "Onboarding workshop for the new finance team",
                rep,
                null,
                team,
                LocalDate.now(clock).plusDays(20)));
    }

    private static void advance(Commitment commitment, CommitmentStatus target) {
        switch (target) {
            case PROPOSED -> {}
            case ACCEPTED -> commitment.accept();
            case DELIVERED -> {
                commitment.accept();
                commitment.deliver("Delivered; confirmation mail from the customer on file");
            }
            case VERIFIED -> {
                commitment.accept();
                commitment.deliver("Go-live sign-off");
                commitment.verify();
            }
            case REJECTED -> commitment.reject("Delivery cannot staff it this quarter: renegotiate the date");
            case BREACHED -> {
                commitment.accept();
                commitment.breach("Missed the date agreed with the customer");
            }
            case CANCELLED -> commitment.cancel("The customer withdrew the request");
        }
    }
}
