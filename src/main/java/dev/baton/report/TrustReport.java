package dev.baton.report;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The trust report over [{@code from}, {@code to}] as of {@code asOf}: everyone in scope, per team
 * and per rep, and contact freshness by month (overall and per team key). {@code leads} is everyone's
 * lead first-touch figure in one sentence (the numbers are in each row's {@link Figures}).
 */
public record TrustReport(
        LocalDate from,
        LocalDate to,
        LocalDate asOf,
        long freshnessWindowDays,
        Figures total,
        List<Row> teams,
        List<Row> reps,
        List<Month> freshnessTrend,
        String leads) {

    /** A team (id, key, name) or a rep (id, username, full name; {@code active} false: has left). Id null: none. */
    public record Row(Long id, String key, String name, boolean active, Figures figures) {}

    /** Contact freshness at the end of a month (or as of now for the running month). */
    public record Month(LocalDate month, long contacts, Double freshPct, Map<String, Double> freshPctByTeam) {}
}
