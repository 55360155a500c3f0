package dev.baton.report;

import dev.baton.account.AccountStatistics;
import dev.baton.account.AccountStatistics.Freshness;
import dev.baton.commitment.CommitmentStatistics;
import dev.baton.handover.HandoverStatistics;
import dev.baton.lead.LeadStatistics;
import dev.baton.people.PeopleDirectory;
import dev.baton.people.PeopleDirectory.Entry;
import dev.baton.people.PeopleService;
import dev.baton.shared.BadRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether the team keeps its promises. Commitments: those due in the period (not cancelled), under
 * their owner, each day the owner's ({@link CommitmentStatistics}); delivered on time as a share of those
 * settled (due before today, or delivered) whose delivery time is known (one delivered with no audited
 * delivery, e.g. imported so, is counted apart).
 * Handovers completed in the period: under the departing rep (count, median hours from launch to
 * completion, accounts with a note); their accounts under the successor (acknowledged before the
 * customer was contacted, introduction call within its due date). Contacts: under the account's
 * owner, verified within the window at the end of the period (or now). Tasks with a due date
 * completed in the period: under who completed them. Leads whose first touch fell due in the period
 * (the due time of their first assignment, in the owner's working hours): under their owner, touched
 * by that time as a share of those touched or past it. A team adds up its current members; an admin or
 * revenue ops sees everyone (and commitments or leads without an owner), a manager the people in their line.
 */
@Service
public class TrustReportService {

    private final CommitmentStatistics commitments;
    private final HandoverStatistics handovers;
    private final AccountStatistics accounts;
    private final dev.baton.task.TaskStatistics tasks;
    private final LeadStatistics leads;
    private final PeopleService people;
    private final PeopleDirectory directory;
    private final Duration freshnessWindow;
    private final Clock clock;
    /** The company's zone ({@code baton.company-time-zone}), whose days the period's dates are. */
    private final ZoneId company;

    TrustReportService(
            CommitmentStatistics commitments,
            HandoverStatistics handovers,
            AccountStatistics accounts,
            dev.baton.task.TaskStatistics tasks,
            LeadStatistics leads,
            PeopleService people,
            PeopleDirectory directory,
            dev.baton.quality.QualitySettings quality,
            dev.baton.people.TimeZones zones,
            Clock clock) {
        this.commitments = commitments;
        this.handovers = handovers;
        this.accounts = accounts;
        this.tasks = tasks;
        this.leads = leads;
        this.people = people;
        this.directory = directory;
        this.freshnessWindow = quality.staleAfter();
        this.clock = clock;
        this.company = zones.company();
    }

    /** Today in the company's zone ({@code baton.company-time-zone}): the last day of a report by default. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), company);
    }

    /**
     * The report for [{@code from}, {@code to}] (inclusive dates in the company's time zone) as seen by
     * {@code viewer}: all people when {@code companyWide} (admins and revenue ops: {@link dev.baton.people.Capability#READ_COMPANY_REPORTS}), else those in the viewer's line. Throws
     * {@link BadRequestException} when {@code to} is before {@code from} or the period exceeds 3 years.
     */
    @Transactional(readOnly = true)
    public TrustReport report(LocalDate from, LocalDate to, String viewer, boolean companyWide) {
        if (to.isBefore(from) || to.isAfter(from.plusYears(3))) {
            throw new BadRequestException("to", "must be on or after 'from', and within 3 years of it");
        }
        LocalDate today = today();
        Instant start = from.atStartOfDay(company).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(company).toInstant();
        List<Entry> everyone = directory.everyone();
        Set<Long> line = companyWide ? null : people.lineOf(viewer);
        Map<Long, Entry> visible = everyone.stream()
                .filter(p -> line == null || line.contains(p.id()))
                .collect(Collectors.toMap(Entry::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, Long> byUsername = everyone.stream().collect(Collectors.toMap(Entry::username, Entry::id));

        Map<Long, Tally> reps = new LinkedHashMap<>();
        Tally noOwner = new Tally();
        Function<Long, Tally> rep = id -> id == null
                ? (companyWide ? noOwner : null)
                : visible.containsKey(id) ? reps.computeIfAbsent(id, k -> new Tally()) : null;
        commitments.byOwner(from, to).forEach(c -> with(rep.apply(c.ownerId()), t -> t.add(c)));
        handovers
                .completed(start, end)
                .forEach(h -> with(rep.apply(h.departingId()), t -> t.handoverHours.add(h.hours())));
        handovers.items(start, end).forEach(i -> with(rep.apply(i.personId()), t -> t.add(i)));
        tasks.done(start, end).forEach(d -> with(rep.apply(byUsername.get(d.username())), t -> t.add(d)));
        leads.firstTouches(start, end, clock.instant()).forEach(l -> with(rep.apply(l.ownerId()), t -> t.add(l)));
        List<Freshness> freshness = accounts.freshness(from, to, freshnessWindow, clock.instant(), company);
        LocalDate lastMonth = freshness.stream()
                .map(Freshness::month)
                .max(Comparator.naturalOrder())
                .orElse(null);
        freshness.stream()
                .filter(f -> f.month().equals(lastMonth))
                .forEach(f -> with(rep.apply(f.ownerId()), t -> t.add(f)));

        List<TrustReport.Row> repRows = new ArrayList<>();
        Map<Long, Tally> teamTallies = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        Tally total = new Tally();
        reps.forEach((id, tally) -> {
            Entry p = visible.get(id);
            repRows.add(new TrustReport.Row(id, p.username(), p.fullName(), p.active(), tally.figures()));
            teamTallies.computeIfAbsent(p.teamId(), k -> new Tally()).add(tally);
            total.add(tally);
        });
        repRows.sort(Comparator.comparing(TrustReport.Row::name).thenComparing(TrustReport.Row::id));
        if (companyWide && (noOwner.due > 0 || noOwner.leadsDue > 0)) {
            repRows.add(new TrustReport.Row(null, null, "no owner", true, noOwner.figures()));
            total.add(noOwner);
        }
        // a team is named by any of its members' entries
        Map<Long, Entry> teamViews = everyone.stream()
                .filter(p -> p.teamId() != null)
                .collect(Collectors.toMap(Entry::teamId, Function.identity(), (a, b) -> a));
        List<TrustReport.Row> teamRows = new ArrayList<>();
        teamTallies.forEach((id, tally) -> teamRows.add(
                id == null
                        ? new TrustReport.Row(null, null, "no team", true, tally.figures())
                        : new TrustReport.Row(
                                id,
                                teamViews.get(id).teamKey(),
                                teamViews.get(id).teamName(),
                                true,
                                tally.figures())));
        Figures all = total.figures();
        return new TrustReport(
                from,
                to,
                today,
                freshnessWindow.toDays(),
                all,
                teamRows,
                repRows,
                trend(freshness, visible, companyWide, teamViews),
                leadsInWords(all));
    }

    /** The first-touch figure of everyone in the report, in one sentence. */
    static String leadsInWords(Figures f) {
        String figure = "Lead first touch within SLA: ";
        if (f.leadsDue() == 0) {
            return figure + "no lead's first touch fell due in the period.";
        }
        String due = f.leadsDue() + (f.leadsDue() == 1 ? " lead" : " leads") + " due a first touch in the period";
        return f.leadsJudged() == 0
                ? figure + due + ", none touched yet and none past its SLA."
                : figure + f.leadsTouchedInTimePct() + " % (" + f.leadsTouchedInTime() + " of " + f.leadsJudged()
                        + " touched or past their SLA; " + due + ").";
    }

    private static List<TrustReport.Month> trend(
            List<Freshness> freshness, Map<Long, Entry> visible, boolean companyWide, Map<Long, Entry> teamViews) {
        Map<LocalDate, long[]> totals = new TreeMap<>();
        Map<LocalDate, Map<String, long[]>> byTeam = new TreeMap<>();
        for (Freshness f : freshness) {
            Entry owner = f.ownerId() == null ? null : visible.get(f.ownerId());
            if (owner == null && !(companyWide && f.ownerId() == null)) {
                continue;
            }
            add(totals.computeIfAbsent(f.month(), m -> new long[2]), f);
            String team = owner == null || owner.teamId() == null ? "no team" : owner.teamKey();
            add(byTeam.computeIfAbsent(f.month(), m -> new TreeMap<>()).computeIfAbsent(team, t -> new long[2]), f);
        }
        List<TrustReport.Month> months = new ArrayList<>();
        totals.forEach((month, n) -> {
            Map<String, Double> teams = new LinkedHashMap<>();
            byTeam.get(month).forEach((team, t) -> teams.put(team, Tally.pct(t[1], t[0])));
            months.add(new TrustReport.Month(month, n[0], Tally.pct(n[1], n[0]), teams));
        });
        return months;
    }

    private static void add(long[] counts, Freshness f) {
        counts[0] += f.contacts();
        counts[1] += f.fresh();
    }

    private static void with(Tally tally, java.util.function.Consumer<Tally> change) {
        if (tally != null) {
            change.accept(tally);
        }
    }
}
