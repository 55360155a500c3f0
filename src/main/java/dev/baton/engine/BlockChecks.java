package dev.baton.engine;

import dev.baton.blocks.BlockInputError;
import dev.baton.blocks.BlockInputs;
import dev.baton.blocks.Blocks;
import dev.baton.blocks.Blocks.Block;
import dev.baton.blocks.Blocks.Input;
import dev.baton.shared.Text;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * The upload's static checks of building-block steps ({@link Blocks}): each required input is given
 * as an input mapping or a task header, at least one of a {@code oneOf} group is, and an input with
 * fixed choices written as a plain value (not a FEEL {@code =expression}) is one of them, and a date
 * the block takes from the run's day on, written as a plain value, is a date or a period and not already
 * past (session 39's probe: {@code renewalDate} 2020-01-01 passed the upload and stopped every run), and no
 * input is written so that it comes out empty on every run (an empty value, {@code =null}, {@code ="  "}: the
 * block refuses an input given empty rather than act as if it were left out; session 40's probe). What
 * only the running instance knows (an expression's value, {@code accountId}) is the worker's to refuse.
 */
final class BlockChecks {

    private BlockChecks() {}

    /** @param today the day the upload is checked, in Baton's clock's zone, as the block reads it */
    static void check(PlaybookXml xml, Map<String, String> names, LocalDate today, List<PlaybookProblem> problems) {
        for (Element definition : xml.all(PlaybookXml.ZEEBE, "taskDefinition")) {
            Block block = Blocks.byType(definition.getAttribute("type")).orElse(null);
            if (block == null) {
                continue;
            }
            Element ext = (Element) definition.getParentNode();
            String id = PlaybookXml.owner(definition).getAttribute("id");
            Map<String, String> given = given(ext);
            for (Input input : block.inputs()) {
                String value = given.get(input.name());
                String empty = value == null ? null : empty(value);
                if (empty != null) {
                    problems.add(new PlaybookProblem(
                            id,
                            names.get(id),
                            "the input '" + input.name() + "' of " + block.type() + " " + empty + ": the block"
                                    + " refuses an input given empty (it is not the same as leaving the input out),"
                                    + " so every run would stop at this step. Write the value meant, or remove the"
                                    + " input"));
                } else if (input.required() && value == null) {
                    problems.add(new PlaybookProblem(
                            id,
                            names.get(id),
                            block.type() + " needs the input '" + input.name() + "' (" + input.description()
                                    + "): add it under Inputs (local variable name " + input.name()
                                    + ") or Headers"));
                } else if (value != null && input.todayOrLater() && isPlain(value)) {
                    String past = past(input.name(), value, today);
                    if (past != null) {
                        problems.add(new PlaybookProblem(
                                id,
                                names.get(id),
                                "the input '" + input.name() + "' of " + block.type() + " " + past + ": the block"
                                        + " refuses it, so every run would stop at this step. Write a date from today on"
                                        + " (e.g. " + today.plusDays(30) + "), a period from the run's day (e.g."
                                        + " P30D), or an expression (=...)"));
                    }
                } else if (value != null && !input.choices().isEmpty() && isPlain(value)) {
                    String plain = value.strip();
                    if (input.choices().stream().noneMatch(plain::equalsIgnoreCase)) {
                        problems.add(new PlaybookProblem(
                                id,
                                names.get(id),
                                "the input '" + input.name() + "' of " + block.type() + " is '" + plain
                                        + "', which is none of: " + String.join(", ", input.choices())));
                    }
                }
            }
            if (!block.oneOf().isEmpty() && block.oneOf().stream().noneMatch(given::containsKey)) {
                problems.add(new PlaybookProblem(
                        id,
                        names.get(id),
                        block.type() + " needs at least one of the inputs " + String.join(", ", block.oneOf())));
            }
        }
    }

    /** Input mapping targets and header keys with their written values (input mappings win, as at run time). */
    private static Map<String, String> given(Element ext) {
        Map<String, String> given = new LinkedHashMap<>();
        for (Element headers : PlaybookXml.children(ext, PlaybookXml.ZEEBE, "taskHeaders")) {
            PlaybookXml.children(headers, PlaybookXml.ZEEBE, "header")
                    .forEach(h -> given.put(h.getAttribute("key"), h.getAttribute("value")));
        }
        for (Element io : PlaybookXml.children(ext, PlaybookXml.ZEEBE, "ioMapping")) {
            PlaybookXml.children(io, PlaybookXml.ZEEBE, "input")
                    .forEach(i -> given.put(i.getAttribute("target"), i.getAttribute("source")));
        }
        return given;
    }

    /**
     * Why the block would refuse a date written as it is on every run, read as the block reads it ({@link
     * BlockInputs#date}), or null when it takes it on the upload's day (a later day may still be past).
     */
    private static String past(String name, String value, LocalDate today) {
        LocalDate date;
        try {
            date = new BlockInputs(Map.of(), Map.of(name, value))
                    .date(name, today)
                    .orElse(null);
        } catch (BlockInputError e) {
            return "is '" + value.strip() + "', which is neither a date (e.g. " + today + ") nor a period from the"
                    + " run's day (e.g. P14D)";
        }
        return date != null && date.isBefore(today)
                ? "is '" + value.strip() + "', which is in the past (today is " + today + ")"
                : null;
    }

    /**
     * How the value written for an input comes out empty on every run, as the block reads it ({@link
     * BlockInputs#text}: null, blank, a yes/no value, a list or a map), or null when it does not or only
     * the run can tell: a plain value is read as written; an expression only when it is made of literals
     * ({@link ConstantFeel}), so {@code ="  "}, {@code =null} and {@code ="a" + 1} are caught here and
     * one over variables, or calling a function, is the worker's to refuse.
     */
    private static String empty(String value) {
        if (!ConstantFeel.isExpression(value)) {
            return Text.normalise(value).isEmpty() ? "is empty" : null;
        }
        String written = "is the expression '" + ReferenceChecks.shown(value) + "', which gives ";
        return switch (ConstantFeel.evaluate(value)) {
            case ConstantFeel.Constant(Object v) when v == null -> written + "nothing (null)";
            case ConstantFeel.Constant(Object v)
            when v instanceof Boolean -> written + v + ", a yes/no value, not text";
            case ConstantFeel.Constant(Object v)
            when v instanceof Map<?, ?> || v instanceof Collection<?> ->
                written + "a list or a context, not a single value";
            case ConstantFeel.Constant(Object v)
            when v instanceof String text && Text.normalise(text).isEmpty() -> written + "blank text";
            case ConstantFeel.Failed(String failure) -> written + "nothing (FEEL: " + failure + ")";
            default -> null;
        };
    }

    /** A value written as it is; {@code =...} is a FEEL expression only the running instance can evaluate. */
    private static boolean isPlain(String value) {
        return !value.strip().startsWith("=");
    }
}
