package dev.baton.engine;

import java.util.List;
import java.util.stream.Stream;

/**
 * Due and follow-up dates as authors write them, sorted by what the engine makes of each: {@link
 * TaskScheduleProcessTests} proves the sorting on the engine, and {@link PlaybookChecksTests} holds
 * the upload's check ({@link TaskScheduleChecks}) to it, so that the check refuses exactly what the
 * engine cannot use.
 */
final class TaskDates {

    /** Literals the engine refuses at deployment (no offset, no time, no date). */
    static final List<String> REFUSED_LITERALS =
            List.of("2026-12-24", "2026-12-24T10:00:00", "next week", "2026-12-24T17:00:00[Europe/Berlin]");

    /** Expressions that give something other than a date and time whatever the run: an incident at the step. */
    static final List<String> INCIDENTS = List.of(
            "=today() + duration(\"P2D\")",
            "=today()",
            "=date(\"2026-12-24\")",
            "=@\"2026-12-24\"",
            "=date(\"2026-12-24\") + duration(\"PT17H\")",
            "=duration(\"P2D\")",
            "=\"2026-12-24\"",
            "=\"2026-12-24T10:00:00\"",
            "=time(\"10:00:00\")",
            "=42");

    /** Expressions whose failure FEEL suppresses: the step silently gets no date at all. */
    static final List<String> NO_DATE = List.of("=now() + duration(\"2 days\")", "=date and time(\"next week\")");

    /**
     * What the engine takes as a date and time (a local one in its own zone), or as none; {@code
     * =dueAt} reads a variable, left to the run (the process test sets it to a date and time).
     */
    static final List<String> ACCEPTED = List.of(
            "2026-12-24T17:00:00+01:00",
            "2026-12-24T17:00:00Z",
            "2026-12-24T17:00:00+01:00[Europe/Berlin]",
            "=now() + duration(\"P2D\")",
            "=now() - duration(\"P2D\")",
            "=now() + duration(\"P1M\")",
            "=date and time(\"2026-12-24T17:00:00+01:00\")",
            "=date and time(\"2026-12-24T10:00:00\")",
            "=date and time(date(\"2026-12-24\"), time(\"17:00:00\"))",
            "=date and time(today(), time(\"17:00:00@Europe/Berlin\"))",
            "=\"2026-12-24T17:00:00+01:00\"",
            "=null",
            "=\"\"",
            "=dueAt");

    static final List<String> ATTRIBUTES = List.of("dueDate", "followUpDate");

    private TaskDates() {}

    static Stream<String> all() {
        return Stream.of(REFUSED_LITERALS, INCIDENTS, NO_DATE, ACCEPTED).flatMap(List::stream);
    }

    /** A user task for rob with that attribute of its zeebe:taskSchedule, the value escaped for XML. */
    static String userTask(String id, String name, String attribute, String value) {
        return "<bpmn:userTask id=\"" + id + "\" name=\"" + name + "\"><bpmn:extensionElements>"
                + "<zeebe:assignmentDefinition assignee=\"rob\" /><zeebe:taskSchedule " + attribute + "=\""
                + value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;") + "\" />"
                + "</bpmn:extensionElements></bpmn:userTask>";
    }
}
