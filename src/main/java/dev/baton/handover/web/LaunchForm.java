package dev.baton.handover.web;

import dev.baton.handover.HandoverReason;
import dev.baton.handover.LaunchRequest;
import dev.baton.handover.SuccessorPlan;
import dev.baton.shared.SaneDate;
import dev.baton.shared.Text;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The wizard as posted, and as shown again (kept on every preview and error). Per-account choices
 * arrive as {@code successors[accountId]} and override the mode's choice in every mode. Their keys are
 * kept as text: Spring binds a map key it cannot convert as an error at a field named "null", which no
 * page can show where it belongs; {@link #unknownAccounts} names such a key instead. The intro opt-outs
 * are text too: Spring refuses a {@code List<Long>} as a whole for one bad value, so the good ids' boxes
 * came back unchecked and a resubmit sent those customers the mail they were spared.
 */
public class LaunchForm {

    private Long departingId;
    private HandoverReason reason = HandoverReason.LEAVING;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @SaneDate
    private LocalDate effectiveDate;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @SaneDate
    private LocalDate endDate;

    private SuccessorPlan.Mode mode = SuccessorPlan.Mode.ONE;
    private Long successorId;
    private Map<String, Long> successors = new HashMap<>();
    private List<String> introOptOut = new ArrayList<>();

    /** The request as the API takes it; the successor and end date only where the mode and reason use them. */
    LaunchRequest toRequest() {
        Map<Long, Long> perAccount = new HashMap<>();
        successors.forEach((account, person) -> {
            if (person != null && accountId(account) != null) { // any other key is refused: unknownAccounts
                perAccount.put(accountId(account), person);
            }
        });
        return new LaunchRequest(
                departingId,
                reason,
                effectiveDate,
                reason == HandoverReason.LEAVE_OF_ABSENCE ? endDate : null,
                new SuccessorPlan(mode, mode == SuccessorPlan.Mode.ONE ? successorId : null, perAccount, null),
                getIntroOptOutIds());
    }

    /**
     * The ids of the accounts ticked for no intro mail, as the page checks their boxes: every value that
     * is an id, whatever else came beside it (blank values are no choice; {@link #unknownAccounts} names
     * the others).
     */
    public List<Long> getIntroOptOutIds() {
        return introOptOut().map(LaunchForm::accountId).filter(Objects::nonNull).toList();
    }

    /**
     * Each {@code successors[key]} whose key is no account id ({@code successors[abc]}), and at {@code
     * introOptOut} each opted-out value that is none ({@code abc}), with why.
     */
    Map<String, String> unknownAccounts() {
        Map<String, String> unknown = new TreeMap<>();
        successors.keySet().stream()
                .filter(key -> accountId(key) == null)
                .forEach(key -> unknown.put("successors[" + Text.clip(key, 60) + "]", "not an account of this book"));
        List<String> notIds = introOptOut()
                .filter(value -> accountId(value) == null)
                .distinct()
                .toList();
        if (!notIds.isEmpty()) { // the first few named: a page of a thousand tampered values helps nobody
            String named = notIds.stream().limit(5).map(v -> Text.clip(v, 60)).collect(Collectors.joining(", "));
            unknown.put(
                    "introOptOut",
                    named + (notIds.size() > 5 ? " and " + (notIds.size() - 5) + " more" : "")
                            + (notIds.size() == 1 ? " is not an account" : " are not accounts")
                            + " of this book");
        }
        return unknown;
    }

    /** The opted-out values given, blank ones (no choice) left out. */
    private Stream<String> introOptOut() {
        return introOptOut == null ? Stream.empty() : introOptOut.stream().filter(v -> v != null && !v.isBlank());
    }

    private static Long accountId(String key) {
        try {
            return Long.valueOf(key);
        } catch (NumberFormatException notAnId) {
            return null;
        }
    }

    public Long getDepartingId() {
        return departingId;
    }

    public void setDepartingId(Long departingId) {
        this.departingId = departingId;
    }

    public HandoverReason getReason() {
        return reason;
    }

    public void setReason(HandoverReason reason) {
        this.reason = reason == null ? HandoverReason.LEAVING : reason;
    }

    public LocalDate getEffectiveDate() {
        return effectiveDate;
    }

    public void setEffectiveDate(LocalDate effectiveDate) {
        this.effectiveDate = effectiveDate;
    }

    public LocalDate getEndDate() {
        return endDate;
    }

    public void setEndDate(LocalDate endDate) {
        this.endDate = endDate;
    }

    public SuccessorPlan.Mode getMode() {
        return mode;
    }

    public void setMode(SuccessorPlan.Mode mode) {
        this.mode = mode == null ? SuccessorPlan.Mode.ONE : mode;
    }

    public Long getSuccessorId() {
        return successorId;
    }

    public void setSuccessorId(Long successorId) {
        this.successorId = successorId;
    }

    public Map<String, Long> getSuccessors() {
        return successors;
    }

    public void setSuccessors(Map<String, Long> successors) {
        this.successors = successors;
    }

    public List<String> getIntroOptOut() {
        return introOptOut;
    }

    public void setIntroOptOut(List<String> introOptOut) {
        this.introOptOut = introOptOut;
    }
}
