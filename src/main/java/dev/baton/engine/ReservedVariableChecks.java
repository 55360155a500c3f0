package dev.baton.engine;

import dev.baton.blocks.Blocks;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * A playbook may not write the variables Baton sets when it is launched ({@link Blocks#RESERVED}):
 * {@code launchedBy} gives blocks the launcher's rights, {@code accountOwner} and {@code ownerManager}
 * route steps to people. Every place in a model that names a variable the engine writes is checked:
 * input mappings (a local variable shadows the launch's for the blocks that read it), output
 * mappings, a script's or decision's result, a multi-instance element or output collection, an
 * ad-hoc sub-process's output collection. A call activity's input mapping that passes one on unchanged
 * ({@code accountOwner = =accountOwner}) writes nothing new: the called process gets what Baton set, which a
 * call with "Propagate all parent variables" off must do for a process that reads it ({@link
 * ReferenceChecks}). Forms are checked with the form ({@link
 * dev.baton.task.FormDefinition}). Baton's own files write none of them, so the rule holds for them too.
 */
final class ReservedVariableChecks {

    /** A model attribute naming a variable the engine writes, and how a message names it. */
    private record Writer(String element, String attribute, String what) {}

    private static final List<Writer> WRITERS = List.of(
            new Writer("input", "target", "an input mapping (Inputs) writes"),
            new Writer("output", "target", "an output mapping (Outputs) writes"),
            new Writer("script", "resultVariable", "the script's result variable is"),
            new Writer("calledDecision", "resultVariable", "the decision's result variable is"),
            new Writer("loopCharacteristics", "inputElement", "the multi-instance input element is"),
            new Writer("loopCharacteristics", "outputCollection", "the multi-instance output collection is"),
            new Writer("adHoc", "outputCollection", "the ad-hoc sub-process's output collection is"));

    private ReservedVariableChecks() {}

    static void check(PlaybookXml xml, Map<String, String> names, List<PlaybookProblem> problems) {
        for (Writer writer : WRITERS) {
            for (Element e : xml.all(PlaybookXml.ZEEBE, writer.element())) {
                String variable = variable(e.getAttribute(writer.attribute()));
                if (Blocks.RESERVED.contains(variable) && !passedOn(e, variable)) {
                    String id = flowElement(e).getAttribute("id");
                    problems.add(new PlaybookProblem(
                            id,
                            names.get(id),
                            writer.what() + " " + variable + ": " + Blocks.setByBaton(variable)
                                    + ". Use another variable name"));
                }
            }
        }
    }

    /** Whether the element is a call activity's input mapping of the variable from itself, as it is. */
    private static boolean passedOn(Element e, String variable) {
        return "input".equals(e.getLocalName())
                && "callActivity".equals(flowElement(e).getLocalName())
                && variable.equals(e.getAttribute("target").strip())
                && e.getAttribute("source").replaceAll("\\s+", "").equals("=" + variable);
    }

    /** The variable a target writes: a path ({@code launchedBy.name}) writes its first name. */
    private static String variable(String target) {
        int dot = target.indexOf('.');
        return (dot < 0 ? target : target.substring(0, dot)).strip();
    }

    /** The BPMN element the extension belongs to (a mapping sits in ioMapping, a loop in its characteristics). */
    private static Element flowElement(Element extension) {
        Element e = extension;
        while (e.getParentNode() instanceof Element parent) {
            e = parent;
            if (PlaybookXml.BPMN.equals(e.getNamespaceURI())
                    && e.hasAttribute("id")
                    && !"multiInstanceLoopCharacteristics".equals(e.getLocalName())) {
                return e;
            }
        }
        return extension;
    }
}
