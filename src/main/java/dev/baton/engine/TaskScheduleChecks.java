package dev.baton.engine;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * A user task's due date and follow-up date ({@code zeebe:taskSchedule}) that the engine could not
 * use. The engine's rule (Zeebe 8.8, {@code ExpressionProcessor.evaluateDateTimeExpression}, nullable):
 * a date and time, or text that {@link ZonedDateTime#parse} reads (ISO 8601 with an offset:
 * {@code 2026-12-24T17:00:00+01:00}, {@code ...Z}), or null or empty text for none. Anything else
 * stops the run at the step as an incident; a probe's {@code =today() + duration("P2D")} (a date)
 * did at the first launch; one that FEEL makes null on the way ({@code duration("2 days")}) silently
 * gives the step no date (TaskScheduleProcessTests shows each form). A literal is checked by the same
 * rule, which the engine's deployment also applies, in words an author cannot act on ("Expected static
 * value to be a valid DateTime String"); an expression only when its value does not depend on the run
 * ({@link ConstantFeel}: literals and the date and time functions). An expression over variables, or
 * one Baton does not evaluate, is left to the run: only the instance can tell what it gives. A local
 * date and time ({@code date and time("2026-12-24T10:00:00")}) is accepted: the engine takes it in
 * its own zone.
 */
final class TaskScheduleChecks {

    /** A date and time as the engine reads one, for the messages. */
    static final String EXAMPLE = "2026-12-24T17:00:00+01:00";

    private static final String INSTEAD = ": write =now() + duration(\"P2D\") or a date and time such as " + EXAMPLE;

    /** An attribute of {@code zeebe:taskSchedule}, and how a message names it. */
    private record Attribute(String name, String what) {}

    private static final List<Attribute> ATTRIBUTES =
            List.of(new Attribute("dueDate", "due date"), new Attribute("followUpDate", "follow-up date"));

    private TaskScheduleChecks() {}

    /**
     * Adds a problem naming the task, the attribute, the value written and what to write instead for
     * each due date or follow-up date of an executable process's user task that the engine could not
     * use.
     */
    static void check(PlaybookXml xml, Map<String, String> names, List<PlaybookProblem> problems) {
        for (PlaybookXml.UserTaskExtension schedule : xml.userTaskExtensions("taskSchedule")) {
            for (Attribute attribute : ATTRIBUTES) {
                check(schedule.task(), attribute, schedule.extension().getAttribute(attribute.name()), names, problems);
            }
        }
    }

    private static void check(
            Element task,
            Attribute attribute,
            String written,
            Map<String, String> names,
            List<PlaybookProblem> problems) {
        String why =
                ConstantFeel.isExpression(written) ? expression(written, attribute.what()) : literal(written, "is");
        if (why != null) {
            String id = task.getAttribute("id");
            problems.add(new PlaybookProblem(
                    id,
                    names.get(id),
                    UploadChecks.label(id, names) + " has the " + attribute.what() + " "
                            + ReferenceChecks.shown(written)
                            + ", which "
                            + why));
        }
    }

    /** Why the engine could not use the literal, or null when it can. */
    private static String literal(String text, String verb) {
        if (text.isEmpty() || parses(text)) {
            return null;
        }
        String instead = ": write a date and time with its offset, such as " + EXAMPLE + " (Z for UTC)";
        TemporalAccessor local = localDateOrTime(text.strip());
        return switch (local) {
            case LocalDate d -> verb + " a date without a time" + instead;
            case LocalDateTime t ->
                verb + " a date and time without an offset: write " + text.strip() + "+01:00 (your offset) or "
                        + text.strip() + "Z (UTC)";
            case null, default -> verb + " not a date and time the engine reads" + instead;
        };
    }

    /** Why the engine could not use what the expression gives, or null when it can or only the run can tell. */
    private static String expression(String written, String what) {
        String nothing = "gives nothing%s, so the step would have no " + what + INSTEAD;
        return switch (ConstantFeel.evaluate(written)) {
            case ConstantFeel.Failed(String failure) -> nothing.formatted(" (FEEL: " + failure + ")");
            // a function given text it cannot read gives null too, with no failure told
            case ConstantFeel.Constant(Object value)
            when value == null -> "null".equals(written.substring(1).strip()) ? null : nothing.formatted("");
            case ConstantFeel.Constant(Object value) -> {
                String why = value(value, written);
                yield why == null ? null : why + ". The run would stop at this step, as an incident";
            }
            default -> null; // over variables, not evaluated, or unparsable (the engine's deployment says so)
        };
    }

    /** Why the engine could not use the value (not null), or null when it can. */
    private static String value(Object value, String written) {
        return switch (value) {
            case ZonedDateTime t -> null;
            case LocalDateTime t -> null; // taken in the engine's zone
            case String text -> literal(text, "gives the text '" + ReferenceChecks.shown(text) + "', which is");
            case LocalDate d -> "gives a date without a time" + suggestion(written.replace("today()", "now()"));
            case Duration d -> "gives a duration, not a moment" + suggestion("=now() + " + written.substring(1));
            case Period p -> "gives a duration, not a moment" + suggestion("=now() + " + written.substring(1));
            case LocalTime t -> "gives a time without a date" + INSTEAD;
            case OffsetTime t -> "gives a time without a date" + INSTEAD;
            default -> "gives " + value + ", not a date and time" + INSTEAD;
        };
    }

    /** The advice: the expression proposed, when it gives a date and time, else the general one. */
    private static String suggestion(String expression) {
        boolean works = ConstantFeel.evaluate(expression) instanceof ConstantFeel.Constant(Object value)
                && value instanceof ZonedDateTime;
        return works ? ": write " + expression + " or a date and time such as " + EXAMPLE : INSTEAD;
    }

    private static boolean parses(String text) {
        try {
            ZonedDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The text as a date or a date and time without zone, or null when it is neither. */
    private static TemporalAccessor localDateOrTime(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
