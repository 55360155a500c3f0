package dev.baton.report;

import dev.baton.account.AccountStatistics.Freshness;
import dev.baton.commitment.CommitmentStatistics.OwnerFigures;
import dev.baton.handover.HandoverStatistics.Items;
import dev.baton.lead.LeadStatistics.FirstTouches;
import dev.baton.task.TaskStatistics.Done;
import java.util.ArrayList;
import java.util.List;

/** Adds up the raw counts of one or more people; {@link #figures()} turns them into percentages and a median. */
final class Tally {

    long due, settled, onTime, undated, overdue, breached, unowned, rejected;
    final List<Double> handoverHours = new ArrayList<>();
    long departed, withNote, received, acknowledgedFirst, callsInTime;
    long contacts, fresh;
    long tasksDone, tasksOnTime;
    long leadsDue, leadsJudged, leadsInTime;

    void add(OwnerFigures c) {
        due += c.due();
        settled += c.settled();
        onTime += c.deliveredOnTime();
        undated += c.undated();
        overdue += c.overdue();
        breached += c.breached();
        unowned += c.unowned();
        rejected += c.rejected();
    }

    void add(Items i) {
        departed += i.departed();
        withNote += i.withNote();
        received += i.received();
        acknowledgedFirst += i.acknowledgedFirst();
        callsInTime += i.callsHeldInTime();
    }

    void add(Freshness f) {
        contacts += f.contacts();
        fresh += f.fresh();
    }

    void add(Done d) {
        tasksDone += d.done();
        tasksOnTime += d.onTime();
    }

    void add(FirstTouches l) {
        leadsDue += l.due();
        leadsJudged += l.judged();
        leadsInTime += l.touchedWithinSla();
    }

    void add(Tally other) {
        due += other.due;
        settled += other.settled;
        onTime += other.onTime;
        undated += other.undated;
        overdue += other.overdue;
        breached += other.breached;
        unowned += other.unowned;
        rejected += other.rejected;
        handoverHours.addAll(other.handoverHours);
        departed += other.departed;
        withNote += other.withNote;
        received += other.received;
        acknowledgedFirst += other.acknowledgedFirst;
        callsInTime += other.callsInTime;
        contacts += other.contacts;
        fresh += other.fresh;
        tasksDone += other.tasksDone;
        tasksOnTime += other.tasksOnTime;
        leadsDue += other.leadsDue;
        leadsJudged += other.leadsJudged;
        leadsInTime += other.leadsInTime;
    }

    Figures figures() {
        return new Figures(
                due,
                settled,
                onTime,
                // settled without a known delivery time: neither on time nor late, so not in the share
                pct(onTime, settled - undated),
                undated,
                overdue,
                breached,
                unowned,
                rejected,
                handoverHours.size(),
                median(handoverHours),
                departed,
                pct(withNote, departed),
                received,
                pct(acknowledgedFirst, received),
                pct(callsInTime, received),
                contacts,
                pct(fresh, contacts),
                tasksDone,
                pct(tasksOnTime, tasksDone),
                leadsDue,
                leadsJudged,
                leadsInTime,
                pct(leadsInTime, leadsJudged));
    }

    /** A percentage to one decimal, or null when there is nothing to divide by. */
    static Double pct(long part, long whole) {
        return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
    }

    static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int mid = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        return Math.round(median * 10) / 10.0;
    }
}
