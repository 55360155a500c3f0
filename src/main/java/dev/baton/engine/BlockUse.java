package dev.baton.engine;

import dev.baton.blocks.Blocks;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Which building blocks a process's steps are, and which processes it calls, read from the model at
 * deployment: a block acts with the rights of the person who launched the run ({@code launchedBy}),
 * so these tell whose leaving stops which runs ({@link DeployedPlaybooks#mayReachBlocks}).
 */
final class BlockUse {

    private BlockUse() {}

    /**
     * The building block a task definition names, written as a plain name or as a FEEL expression
     * that gives one constant name (as the engine would read it); empty for any other job type.
     */
    static Optional<String> block(Element taskDefinition) {
        String type = taskDefinition.getAttribute("type").strip();
        Object name = ConstantFeel.isExpression(type)
                        && ConstantFeel.evaluate(type) instanceof ConstantFeel.Constant(Object value)
                ? value
                : type;
        return name instanceof String block ? Blocks.byType(block.strip()).map(Blocks.Block::type) : Optional.empty();
    }

    /** The building blocks among the process's steps (subprocesses included), in model order. */
    static Set<String> blocks(Element process) {
        Set<String> blocks = new LinkedHashSet<>();
        NodeList nodes = process.getElementsByTagNameNS(PlaybookXml.ZEEBE, "taskDefinition");
        for (int i = 0; i < nodes.getLength(); i++) {
            block((Element) nodes.item(i)).ifPresent(blocks::add);
        }
        return blocks;
    }

    /**
     * The process ids its call activities call: a constant name as written (or as its expression
     * gives it); an expression that only the running instance can evaluate kept as written, with its
     * leading {@code =}, so that a reader knows the call may go anywhere.
     */
    static Set<String> calls(Element process) {
        Set<String> calls = new LinkedHashSet<>();
        NodeList nodes = process.getElementsByTagNameNS(PlaybookXml.ZEEBE, "calledElement");
        for (int i = 0; i < nodes.getLength(); i++) {
            String written = ((Element) nodes.item(i)).getAttribute("processId");
            if (ConstantFeel.isExpression(written)) {
                calls.add(
                        ConstantFeel.evaluate(written) instanceof ConstantFeel.Constant(Object value)
                                        && value instanceof String id
                                ? id
                                : written);
            } else if (!written.isBlank()) {
                calls.add(written);
            }
        }
        return calls;
    }
}
