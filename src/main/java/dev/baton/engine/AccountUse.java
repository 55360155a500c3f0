package dev.baton.engine;

import dev.baton.blocks.Blocks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Whether a process runs only on an account: a building block acts on {@code accountId}, and an
 * expression reading {@code accountId}, {@code accountOwner} or {@code ownerManager} (which the
 * catalogue's launch sets from the account) stops the instance with an incident when there is none,
 * e.g. a step assigned to {@code =accountOwner}. Read from the model at deployment, so that a launch
 * without an account is refused before anything starts.
 */
final class AccountUse {

    private static final List<String> VARIABLES =
            List.of(Blocks.ACCOUNT_ID, Blocks.ACCOUNT_OWNER, Blocks.OWNER_MANAGER);

    /** One of the variables as a name of its own (not a part of a longer name, nor a path's member). */
    private static final Pattern VARIABLE = Pattern.compile("(?<![\\w.])(" + String.join("|", VARIABLES) + ")(?!\\w)");

    /** FEEL string literals, whose text names no variable. */
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    /** One of the variables only Baton sets ({@link Blocks#RESERVED}) as a name of its own. */
    private static final Pattern LAUNCH_VARIABLE =
            Pattern.compile("(?<![\\w.])(" + String.join("|", Blocks.RESERVED) + ")(?!\\w)");

    private AccountUse() {}

    /**
     * The variables only Baton sets at launch ({@link Blocks#RESERVED}: {@code accountOwner}, {@code
     * ownerManager}, {@code launchedBy}) that the process's steps need, each with the first step that does
     * and how ("step 'Call' (task_call) reads accountOwner"): an expression reading one (a step assigned to
     * {@code =accountOwner} stops at an incident without it), and for {@code launchedBy} a building block
     * too, which acts with the rights of the person who launched the run (without it a block checks nobody's
     * rights). A call with "Propagate all parent variables" off must pass them on ({@link ReferenceChecks}).
     *
     * @return by variable, in {@link Blocks#RESERVED} order; empty when the process needs none
     */
    static Map<String, String> launchVariablesNeededBy(Element process) {
        Map<String, String> found = new LinkedHashMap<>();
        NodeList nodes = process.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (PlaybookXml.ZEEBE.equals(e.getNamespaceURI()) && "taskDefinition".equals(e.getLocalName())) {
                BlockUse.block(e)
                        .ifPresent(block -> found.putIfAbsent(
                                Blocks.LAUNCHED_BY,
                                step(e) + " is the building block " + block + ", which acts with the rights of the"
                                        + " person who launched the run"));
            }
            NamedNodeMap attributes = e.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                readLaunchVariables(attributes.item(a).getNodeValue(), e, found);
            }
            for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                    readLaunchVariables(child.getNodeValue(), e, found);
                }
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        Blocks.RESERVED.stream().filter(found::containsKey).forEach(v -> ordered.put(v, found.get(v)));
        return ordered;
    }

    private static void readLaunchVariables(String value, Element e, Map<String, String> found) {
        if (value == null || !ConstantFeel.isExpression(value)) {
            return;
        }
        Matcher variable = LAUNCH_VARIABLE.matcher(STRING.matcher(value).replaceAll("\"\""));
        while (variable.find()) {
            found.putIfAbsent(variable.group(1), step(e) + " reads " + variable.group(1));
        }
    }

    /** Why the process needs an account (the first step that does, and how), or null when it does not. */
    static String neededBy(Element process) {
        NodeList nodes = process.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            String reason = reason(e);
            if (reason != null) {
                return step(e) + " " + reason;
            }
        }
        return null;
    }

    private static String reason(Element e) {
        if (PlaybookXml.ZEEBE.equals(e.getNamespaceURI()) && "taskDefinition".equals(e.getLocalName())) {
            Optional<String> block = BlockUse.block(e);
            if (block.isPresent()) {
                return "is the building block " + block.get() + ", which acts on the account";
            }
        }
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            String variable = read(attributes.item(i).getNodeValue());
            if (variable != null) {
                return "reads " + variable;
            }
        }
        for (Node child = e.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                String variable = read(child.getNodeValue());
                if (variable != null) {
                    return "reads " + variable;
                }
            }
        }
        return null;
    }

    /** The account variable a FEEL expression ({@code =...}) reads, or null. */
    private static String read(String value) {
        if (value == null || !ConstantFeel.isExpression(value)) {
            return null;
        }
        Matcher variable = VARIABLE.matcher(STRING.matcher(value).replaceAll("\"\""));
        return variable.find() ? variable.group(1) : null;
    }

    /** The flow element the node belongs to, as the catalogue names it: "step 'Call' (task_call)". */
    private static String step(Element e) {
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            if (PlaybookXml.BPMN.equals(el.getNamespaceURI())
                    && el.hasAttribute("id")
                    && !el.getLocalName().endsWith("EventDefinition")) {
                String id = el.getAttribute("id");
                return el.hasAttribute("name") ? "step '" + el.getAttribute("name") + "' (" + id + ")" : "step " + id;
            }
        }
        return "a step";
    }
}
