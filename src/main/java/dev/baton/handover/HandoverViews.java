package dev.baton.handover;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.baton.lead.LeadTransfers;
import dev.baton.shared.PageResponse;
import dev.baton.shared.Text;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the API and pages show of handovers: records, never entities. */
public final class HandoverViews {

    private HandoverViews() {}

    /**
     * @param departingId the departing person's id (their page, {@code /people/{id}}, for admins)
     * @param accountsDone accounts whose every step is done
     * @param accountsMoved accounts that moved to their successor (their owner changed), done or not: a
     *     cancelled handover's count of what stays with the successors
     * @param leadsMoved the departing person's open leads the handover moved on
     * @param took how long it took from launch to completion or cancellation ("2 days 3 hours"); null
     *     while it is starting or running (found by a probe: a running handover had one)
     */
    public record Summary(
            long id,
            String departing,
            long departingId,
            String departingName,
            HandoverReason reason,
            LocalDate effectiveDate,
            LocalDate endDate,
            HandoverStatus status,
            String launchedBy,
            Instant createdAt,
            Instant completedAt,
            String took,
            Handover.LeaveOutcome leaveOutcome,
            int accounts,
            long accountsDone,
            long accountsMoved,
            int leadsMoved,
            String canceledBy,
            String cancelReason) {

        /** Starting or running: it can still be cancelled or amended. */
        public boolean active() {
            return status.isActive();
        }

        /**
         * {@link #canceledBy} under its old name, which the handover API answered alone until 3 December
         * 2026 (0.1.0): the playbook API and the pages spell it "canceled", so the handover API now does
         * too, and keeps this name beside it so that no client reading it breaks. Read canceledBy.
         *
         * @deprecated since 0.1.0 (3 December 2026); use {@link #canceledBy}
         */
        @Deprecated(since = "0.1.0")
        @JsonProperty("cancelledBy")
        @Schema(
                deprecated = true,
                description = "Deprecated since 0.1.0 (3 December 2026): the same as canceledBy, the spelling the "
                        + "playbook API uses; kept so that clients reading it do not break.")
        public String cancelledBy() {
            return canceledBy;
        }
    }

    /**
     * One account's progress: its step, and the open task (who has it, due when, how late) if any.
     *
     * @param daysLate whole days past the open task's due date; 0 when on time or without a due date
     * @param introSentAt when the introduction mail went out (the outbox's send time), null unless {@code
     *     introMail} is SENT (found by probe 47: it gave the introduction step's time for mails never sent)
     * @param introMail where the customer's introduction mail stands (see {@link IntroMail})
     * @param step where the account stands; {@link HandoverStep#CANCELLED} for an account of a canceled
     *     handover that was not handed over completely (DONE stays DONE)
     * @param transferProblem why the account's transfer failed for good, while it stands (step
     *     TRANSFER_FAILED: its manager chooses another successor or retries it); else null
     * @param stoppedAt the step a canceled handover's account had reached when it was canceled (step
     *     CANCELLED); else null
     */
    public record Item(
            long itemId,
            long accountId,
            String accountName,
            String successor,
            String successorName,
            HandoverStep step,
            String openTask,
            String assignee,
            Instant dueAt,
            long daysLate,
            boolean noteWritten,
            String question,
            String answer,
            Instant acknowledgedAt,

            @Schema(
                    description = "When the customer's introduction mail went out (the mail server took it, also"
                            + " after an admin sent it again); null unless introMail is SENT: none went (NO_CONTACT,"
                            + " OPTED_OUT), or it waits or failed")
            Instant introSentAt,

            boolean introOptOut,
            Instant callHeldAt,
            IntroMail introMail,
            String transferProblem,

            @Schema(
                    description = "The step reached when the handover was canceled, for an item whose step is"
                            + " CANCELLED; null otherwise")
            HandoverStep stoppedAt) {}

    /**
     * Where the customer's introduction mail stands: only SENT counts as introduced. NO_CONTACT: none
     * went (nobody to write to); WAITING: queued or being retried; FAILED: given up, an admin can send
     * it again (Failed mail).
     */
    public enum IntroMail {
        NOT_YET,
        OPTED_OUT,
        NO_CONTACT,
        WAITING,
        SENT,
        FAILED
    }

    /** A handover, one page of its accounts (see {@link HandoverQueries#detail}), and its tasks about no account. */
    public record Detail(Summary handover, PageResponse<Item> items, List<OpenTask> otherTasks) {}

    /**
     * The accounts of a running handover that can still go to another successor (they have one, and have
     * not moved: {@link HandoverChanges#changeSuccessor}'s rule), the first of them by account name, and how
     * many there are: a book of thousands is not one list to scroll.
     *
     * @param accounts at most the limit asked for, by account name
     * @param total how many match, shown or not
     * @param search the part of the account name searched for; null for every account
     */
    public record Amendable(List<AmendableAccount> accounts, long total, String search) {

        /** Whether some that match are not in {@link #accounts}. */
        public boolean more() {
            return total > accounts.size();
        }
    }

    /** An account that can still go to another successor, and who is to get it now. */
    public record AmendableAccount(long accountId, String accountName, String successorName) {}

    /** A task of the handover not about one account (resolving orphans, deciding after a leave). */
    public record OpenTask(long taskId, String name, String assignee, Instant dueAt) {}

    public record Preview(
            long personId,
            String username,
            String fullName,
            List<PreviewAccount> accounts,
            List<PreviewCommitment> openCommitments,
            long openTasks,
            List<LeadTransfers.OpenLead> openLeads,
            List<PreviewContact> staleContacts) {}

    public record PreviewAccount(long id, String name, String territory, String primaryContact) {}

    public record PreviewCommitment(
            long id, long accountId, String accountName, String description, LocalDate dueDate, String status) {}

    public record PreviewContact(
            long id, long accountId, String accountName, String fullName, Instant lastVerifiedAt) {}

    /** "3 days 4 hours", "2 hours 1 minute", "40 seconds": the summary's wording. */
    static String duration(Duration d) {
        if (d.toDays() > 0) {
            return Text.count(d.toDays(), "day") + " " + Text.count(d.toHoursPart(), "hour");
        }
        if (d.toHours() > 0) {
            return Text.count(d.toHours(), "hour") + " " + Text.count(d.toMinutesPart(), "minute");
        }
        return d.toMinutes() > 0 ? Text.count(d.toMinutes(), "minute") : Text.count(d.toSeconds(), "second");
    }
}
