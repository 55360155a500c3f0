package dev.baton.report;

/**
 * The trust figures of one rep, one team or everyone in a period. A percentage is null when there is
 * nothing to divide by. See {@link TrustReportService} for what each counts. {@code deliveredOnTimePct}
 * is {@code deliveredOnTime} of {@code commitmentsSettled} less {@code settledWithoutDeliveryDate}
 * (delivered with no known delivery time: not counted either way). Leads: {@code leadsDue} had their
 * first touch due in the period, {@code leadsJudged} of them were touched or are past their due time,
 * {@code leadsTouchedInTime} were touched by it; {@code leadsTouchedInTimePct} is the last of the
 * judged (a lead still within its SLA and untouched is not counted either way).
 */
public record Figures(
        long commitmentsDue,
        long commitmentsSettled,
        long deliveredOnTime,
        Double deliveredOnTimePct,
        long settledWithoutDeliveryDate,
        long overdue,
        long breached,
        long unowned,
        long rejectedNotRenegotiated,
        long handoversCompleted,
        Double medianHandoverHours,
        long accountsHandedOver,
        Double withNotePct,
        long accountsReceived,
        Double acknowledgedBeforeContactPct,
        Double introCallsInTimePct,
        long contacts,
        Double contactsFreshPct,
        long tasksDone,
        Double tasksOnTimePct,
        long leadsDue,
        long leadsJudged,
        long leadsTouchedInTime,
        Double leadsTouchedInTimePct) {}
