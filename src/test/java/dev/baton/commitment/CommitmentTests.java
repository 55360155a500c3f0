package dev.baton.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.baton.account.Account;
import dev.baton.people.Person;
import dev.baton.people.Role;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommitmentTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    final Person rob = new Person("rob", "Rob", "rob@example.com", "x", Set.of(Role.REP));
    final Account acme = new Account("Acme", rob, null, null, null);

    Commitment proposed(Person owner) {
        return new Commitment(acme, null, "SSO guide", rob, owner, null, TODAY.plusDays(5));
    }

    /** A commitment brought to {@code status} along the usual path. */
    Commitment in(CommitmentStatus status) {
        Commitment c = proposed(rob);
        switch (status) {
            case PROPOSED -> {}
            case ACCEPTED -> c.accept();
            case DELIVERED -> {
                c.accept();
                c.deliver("sent");
            }
            case VERIFIED -> {
                c.accept();
                c.deliver("sent");
                c.verify();
            }
            case REJECTED -> c.reject("out of scope");
            case BREACHED -> c.breach("missed");
            case CANCELLED -> c.cancel("withdrawn");
        }
        return c;
    }

    static void apply(Commitment c, String change) {
        switch (change) {
            case "accept" -> c.accept();
            case "reject" -> c.reject("reason");
            case "deliver" -> c.deliver("evidence");
            case "verify" -> c.verify();
            case "reopen" -> c.reopen("reason");
            case "breach" -> c.breach("reason");
            case "cancel" -> c.cancel("reason");
            case "renegotiate" -> c.renegotiate("new terms", TODAY.plusDays(30));
            default -> throw new IllegalArgumentException(change);
        }
    }

    @ParameterizedTest(name = "{0} --{1}--> {2}")
    @CsvSource({
        "PROPOSED, accept, ACCEPTED", "PROPOSED, reject, REJECTED", "PROPOSED, breach, BREACHED",
        "PROPOSED, cancel, CANCELLED", "ACCEPTED, deliver, DELIVERED", "ACCEPTED, breach, BREACHED",
        "ACCEPTED, cancel, CANCELLED", "DELIVERED, verify, VERIFIED", "DELIVERED, reopen, ACCEPTED",
        "REJECTED, renegotiate, PROPOSED", "REJECTED, cancel, CANCELLED"
    })
    void allowsEveryTransitionOfItsLife(CommitmentStatus from, String change, CommitmentStatus to) {
        Commitment c = in(from);
        apply(c, change);
        assertThat(c.getStatus()).isEqualTo(to);
    }

    /** The refusal says the status in words, as the pages do (Words): "is canceled", not "is CANCELLED". */
    @ParameterizedTest(name = "{0} cannot {1}")
    @CsvSource({
        "PROPOSED, deliver, proposed", "PROPOSED, verify, proposed", "PROPOSED, reopen, proposed",
        "ACCEPTED, accept, accepted", "ACCEPTED, verify, accepted", "DELIVERED, cancel, delivered",
        "DELIVERED, breach, delivered", "VERIFIED, reopen, verified", "VERIFIED, cancel, verified",
        "REJECTED, accept, rejected", "BREACHED, deliver, breached", "CANCELLED, accept, canceled",
        "CANCELLED, renegotiate, canceled"
    })
    void refusesTransitionsItsStatusDoesNotAllowAndStaysPut(CommitmentStatus from, String change, String inWords) {
        Commitment c = in(from);
        assertThatThrownBy(() -> apply(c, change))
                .isInstanceOf(IllegalCommitmentTransition.class)
                .hasMessageContaining("is " + inWords + " and cannot");
        assertThat(c.getStatus()).isEqualTo(from);
    }

    /** Found by a probe: "commitment 5 is canceled" named the promise by an id nobody sees on the pages. */
    @Test
    void aRefusedTransitionNamesThePromiseByItsWordsAndAccount() {
        Commitment c = in(CommitmentStatus.CANCELLED);
        assertThatThrownBy(c::accept)
                .hasMessage("the commitment \"SSO guide\" to Acme is canceled and cannot be accepted");
    }

    @Test
    void cannotBeAcceptedWithoutAnOwner() {
        Commitment c = proposed(null);
        assertThatThrownBy(c::accept).isInstanceOf(IllegalCommitmentTransition.class);
    }

    @Test
    void refusesAnInactiveOwner() {
        Person gone = new Person("gone", "Gone", "gone@example.com", "x", Set.of(Role.REP));
        gone.deactivate();
        assertThatThrownBy(() -> proposed(gone))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inactive");
        Commitment c = proposed(rob);
        assertThatThrownBy(() -> c.assignTo(gone)).isInstanceOf(IllegalArgumentException.class);
        assertThat(c.getOwner()).isSameAs(rob);
    }

    @Test
    void aFinishedCommitmentCannotBeReassigned() {
        Commitment c = in(CommitmentStatus.VERIFIED);
        assertThatThrownBy(() -> c.assignTo(rob)).isInstanceOf(IllegalCommitmentTransition.class);
    }

    @Test
    void isOverdueOnlyWhilePastDueAndNotYetDelivered() {
        LocalDate later = TODAY.plusDays(6);
        assertThat(in(CommitmentStatus.PROPOSED).isOverdue(later)).isTrue();
        assertThat(in(CommitmentStatus.ACCEPTED).isOverdue(later)).isTrue();
        assertThat(in(CommitmentStatus.ACCEPTED).isOverdue(TODAY.plusDays(5))).isFalse();
        assertThat(in(CommitmentStatus.DELIVERED).isOverdue(later)).isFalse();
        assertThat(in(CommitmentStatus.CANCELLED).isOverdue(later)).isFalse();
    }

    @Test
    void aRejectedCommitmentWaitsForRenegotiationAndFirstForAnActiveOwnerWhenItsOwnerLeft() {
        Commitment rejected = in(CommitmentStatus.REJECTED);
        assertThat(rejected.getStatus().isOpen()).isTrue();
        assertThat(rejected.stage()).isEqualTo(CommitmentStage.RENEGOTIATE);

        rob.deactivate();

        assertThat(rejected.stage()).isEqualTo(CommitmentStage.ASSIGN);
    }

    @Test
    void theRepositorysOpenStatusListNamesExactlyTheOpenStatuses() {
        Set<CommitmentStatus> listed = java.util.Arrays.stream(
                        Commitments.OPEN_STATUSES.replaceAll("[()\\s]", "").split(","))
                .map(s -> CommitmentStatus.valueOf(s.substring(s.lastIndexOf('.') + 1)))
                .collect(java.util.stream.Collectors.toSet());

        assertThat(listed).isEqualTo(CommitmentStatus.OPEN);
    }
}
