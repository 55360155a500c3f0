package dev.baton.handover.web;

import dev.baton.handover.HandoverReason;
import dev.baton.handover.LaunchRequest;
import dev.baton.handover.SuccessorPlan;
import dev.baton.shared.SaneDate;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;

/** The wizard's plan step as posted; per-account successors arrive as {@code successors[accountId]}. */
class LaunchForm {

    private Long departingId;
    private HandoverReason reason;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @SaneDate
    private LocalDate effectiveDate;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @SaneDate
    private LocalDate endDate;

    private SuccessorPlan.Mode mode = SuccessorPlan.Mode.ONE;
    private Long successorId;
    private Map<Long, Long> successors = new HashMap<>();
    private List<Long> introOptOut = List.of();

    LaunchRequest toRequest() {
        Map<Long, Long> perAccount = new HashMap<>();
        successors.forEach((account, person) -> {
            if (person != null) {
                perAccount.put(account, person);
            }
        });
        return new LaunchRequest(
                departingId,
                reason,
                effectiveDate,
                endDate,
                new SuccessorPlan(mode, successorId, perAccount, null),
                new HashSet<>(introOptOut));
    }

    public Long getDepartingId() {
        return departingId;
    }

    public void setDepartingId(Long departingId) {
        this.departingId = departingId;
    }

    public void setReason(HandoverReason reason) {
        this.reason = reason;
    }

    public void setEffectiveDate(LocalDate effectiveDate) {
        this.effectiveDate = effectiveDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public void setMode(SuccessorPlan.Mode mode) {
        this.mode = mode;
    }

    public void setSuccessorId(Long successorId) {
        this.successorId = successorId;
    }

    public Map<Long, Long> getSuccessors() {
        return successors;
    }

    public void setSuccessors(Map<Long, Long> successors) {
        this.successors = successors;
    }

    public void setIntroOptOut(List<Long> introOptOut) {
        this.introOptOut = introOptOut;
    }
}
