package dev.baton.engine;

import dev.baton.blocks.Blocks;
import java.util.List;
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

    private AccountUse() {}

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
