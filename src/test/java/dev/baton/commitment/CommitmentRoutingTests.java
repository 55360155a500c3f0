package dev.baton.commitment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.commitment.CommitmentRouting.Party;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Who the commitment process routes its steps to, from the facts one row gives (CommitmentRoutingQuery). */
class CommitmentRoutingTests {

    static final Party MAKER = new Party(1, "rob", true, "America/Los_Angeles", "maria");
    static final Party SUCCESSOR = new Party(2, "rita", true, null, "mark");

    static CommitmentRouting routing(CommitmentStatus status, Party owner, Party maker, Long accountOwnerId) {
        return new CommitmentRouting(
                7, 3, status, 0, LocalDate.of(2026, 12, 24), null, owner, maker, accountOwnerId, null);
    }

    @Test
    void aRejectedPromiseGoesBackToItsMakerWhileTheAccountStaysWithThem() {
        CommitmentRouting r = routing(CommitmentStatus.REJECTED, SUCCESSOR, MAKER, MAKER.id());
        assertThat(r.stage()).isEqualTo(CommitmentStage.RENEGOTIATE);
        assertThat(r.renegotiator()).isEqualTo("rob");
    }

    @Test
    void afterAHandoverTheSuccessorOwningPromiseAndAccountRenegotiates() {
        CommitmentRouting r = routing(CommitmentStatus.REJECTED, SUCCESSOR, MAKER, SUCCESSOR.id());
        assertThat(r.renegotiator()).isEqualTo("rita");
    }

    @Test
    void aMakerWhoLeftHandsRenegotiationToTheOwnerOrElseUpTheLine() {
        Party gone = new Party(1, "rob", false, null, "maria");
        assertThat(routing(CommitmentStatus.REJECTED, SUCCESSOR, gone, null).renegotiator())
                .isEqualTo("rita");
        Party ownerGone = new Party(2, "rita", false, null, "mark");
        CommitmentRouting nobody = routing(CommitmentStatus.REJECTED, ownerGone, gone, null);
        assertThat(nobody.stage()).as("an inactive owner counts as none").isEqualTo(CommitmentStage.ASSIGN);
        assertThat(nobody.renegotiator()).as("the owner's manager").isEqualTo("mark");
    }

    @Test
    void escalationGoesToTheOwnersManagerElseTheMakersElseTheMaker() {
        assertThat(routing(CommitmentStatus.ACCEPTED, SUCCESSOR, MAKER, null).escalateTo())
                .isEqualTo("mark");
        Party managerless = new Party(2, "rita", true, null, null);
        assertThat(routing(CommitmentStatus.ACCEPTED, managerless, MAKER, null).escalateTo())
                .isEqualTo("maria");
        Party makerAlone = new Party(1, "rob", true, null, null);
        assertThat(routing(CommitmentStatus.ACCEPTED, null, makerAlone, null).escalateTo())
                .isEqualTo("rob");
    }

    @Test
    void theDueDateIsJudgedWhereTheOwnerIsElseWhereTheMakerIs() {
        assertThat(routing(CommitmentStatus.ACCEPTED, SUCCESSOR, MAKER, null).dueZone())
                .as("an owner without a zone of their own: the company's")
                .isNull();
        assertThat(routing(CommitmentStatus.ACCEPTED, null, MAKER, null).dueZone())
                .isEqualTo("America/Los_Angeles");
        assertThat(routing(CommitmentStatus.PROPOSED, null, MAKER, null).stage())
                .isEqualTo(CommitmentStage.ASSIGN);
        assertThat(routing(CommitmentStatus.PROPOSED, SUCCESSOR, MAKER, null).stage())
                .isEqualTo(CommitmentStage.ACCEPT);
    }
}
