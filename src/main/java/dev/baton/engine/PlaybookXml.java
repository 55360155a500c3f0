package dev.baton.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A BPMN file read as plain XML by a hardened parser: a DOCTYPE stops the parse at once, so no
 * entity is expanded and nothing outside the file is ever fetched (Camunda Modeler never writes one).
 */
final class PlaybookXml {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    static final String ZEEBE = "http://camunda.org/schema/zeebe/1.0";
    static final String CAMUNDA_7 = "http://camunda.org/schema/1.0/bpmn";
    static final String MODELER = "http://camunda.org/schema/modeler/1.0";
    static final String LAUNCH_ROLES = "baton:launchRoles";
    static final Set<String> DEFAULT_LAUNCH_ROLES = Set.of("MANAGER", "ADMIN");

    /**
     * A process in the file: what the catalogue shows about it.
     *
     * @param callerNeeds what its own steps need from whoever starts it: an account, the variables only Baton
     *     sets at launch ({@link CallerNeeds#of})
     * @param activities the elements a run can wait in, by id, to their kind ({@link #kind})
     * @param scopes those of the activities inside a subprocess, by id, to the id of the innermost one
     *     ({@link #scopes}); one directly in the process is not in it
     * @param blocks the building blocks among its steps ({@link BlockUse#blocks})
     * @param calls the process ids its call activities call ({@link BlockUse#calls})
     */
    record ProcessInfo(
            String id,
            String name,
            String documentation,
            Set<String> launchRoles,
            CallerNeeds callerNeeds,
            Map<String, String> activities,
            Map<String, String> scopes,
            Set<String> blocks,
            Set<String> calls) {}

    /**
     * Elements a running instance can wait in that a migration may map by id: the activities, and the
     * intermediate catch events (a timer, a message, a signal) and event-based gateways, whose active
     * instances Zeebe 8.8 migrates too; unmapped, a run waiting at one could never move.
     */
    private static final Set<String> WAITS = Set.of(
            "task",
            "userTask",
            "serviceTask",
            "sendTask",
            "receiveTask",
            "scriptTask",
            "businessRuleTask",
            "manualTask",
            "callActivity",
            "subProcess",
            "intermediateCatchEvent",
            "eventBasedGateway");

    /** Thrown for a file with a DOCTYPE, before anything in it is read. */
    static final class DoctypeRefused extends Exception {
        DoctypeRefused(Throwable cause) {
            super(cause);
        }
    }

    final Document document;

    private PlaybookXml(Document document) {
        this.document = document;
    }

    static PlaybookXml parse(byte[] bytes) throws DoctypeRefused, SAXException, IOException {
        try {
            return new PlaybookXml(builder().parse(new ByteArrayInputStream(bytes)));
        } catch (SAXException e) {
            if (String.valueOf(e.getMessage()).contains("DOCTYPE")) {
                throw new DoctypeRefused(e);
            }
            throw e;
        }
    }

    /** The parser's refusal of an element nested deeper than its limit (jdk.xml.maxElementDepth). */
    private static final java.util.regex.Pattern TOO_DEEP = java.util.regex.Pattern.compile(
            "JAXP00010006: .* exceeds the limit \"(\\d+)\" set by \"jdk\\.xml\\.maxElementDepth\"");

    /**
     * The refusal of a file nested deeper than the parser reads, in plain words, or null when {@code
     * failure} is another parse error. The parser's own words (JAXP00010006, a well-formed file called "not
     * well-formed", session 42's probe) named no cause an author could act on; the limit is kept (it guards
     * the parser), and the file's depth and subprocess nesting are counted by a streaming read, which keeps
     * no stack, so no depth harms it.
     */
    static String tooDeep(byte[] bytes, Exception failure) {
        java.util.regex.Matcher limit = TOO_DEEP.matcher(String.valueOf(failure.getMessage()));
        if (!limit.find()) {
            return null;
        }
        int levels = Integer.parseInt(limit.group(1));
        int[] nesting = nesting(bytes);
        String subprocesses = nesting == null
                ? ""
                : " (" + nesting[0] + " levels"
                        + (nesting[1] > 1 ? ", " + nesting[1] + " subprocesses inside each other" : "") + ")";
        return "the file is nested too deeply: Baton reads at most " + levels + " levels of XML elements (about "
                + (levels - 3) + " subprocesses inside each other), and this file goes deeper" + subprocesses
                + ". Draw fewer subprocesses inside each other: move a part into a playbook of its own, and call it"
                + " from this one with a call activity";
    }

    /** The file's deepest element level and its deepest nesting of subprocesses, or null if it cannot be read. */
    private static int[] nesting(byte[] bytes) {
        try {
            javax.xml.stream.XMLInputFactory factory = javax.xml.stream.XMLInputFactory.newFactory();
            factory.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            factory.setProperty("jdk.xml.maxElementDepth", "0"); // streamed: no depth is kept on a stack
            javax.xml.stream.XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
            java.util.BitSet subprocessAt = new java.util.BitSet();
            int depth = 0;
            int deepest = 0;
            int subprocesses = 0;
            int mostSubprocesses = 0;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    deepest = Math.max(deepest, depth);
                    boolean subprocess =
                            BPMN.equals(reader.getNamespaceURI()) && PARSED_SCOPES.contains(reader.getLocalName());
                    subprocessAt.set(depth, subprocess);
                    if (subprocess) {
                        mostSubprocesses = Math.max(mostSubprocesses, ++subprocesses);
                    }
                } else if (event == javax.xml.stream.XMLStreamConstants.END_ELEMENT) {
                    if (subprocessAt.get(depth)) {
                        subprocesses--;
                    }
                    depth--;
                }
            }
            return new int[] {deepest, mostSubprocesses};
        } catch (javax.xml.stream.XMLStreamException | RuntimeException e) {
            return null;
        }
    }

    private static final Set<String> PARSED_SCOPES = Set.of("subProcess", "adHocSubProcess", "transaction");

    private static DocumentBuilder builder() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null); // errors are thrown, not printed
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be hardened", e);
        }
    }

    boolean isBpmn() {
        Element root = document.getDocumentElement();
        return BPMN.equals(root.getNamespaceURI()) && "definitions".equals(root.getLocalName());
    }

    /** Elements (of any namespace) with that local name in namespace {@code ns}. */
    List<Element> all(String ns, String localName) {
        NodeList nodes = document.getElementsByTagNameNS(ns, localName);
        List<Element> out = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /** Every element with an id, by id, to its {@code name} (or null). */
    Map<String, String> namesById() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Element e : all("*", "*")) {
            if (e.hasAttribute("id")) {
                names.putIfAbsent(e.getAttribute("id"), e.hasAttribute("name") ? e.getAttribute("name") : null);
            }
        }
        return names;
    }

    /** The flow element an extension element belongs to (the parent of its extensionElements). */
    static Element owner(Element extension) {
        Element parent = (Element) extension.getParentNode();
        // a listener sits one level deeper: extensionElements > zeebe:executionListeners > zeebe:executionListener
        while (ZEEBE.equals(parent.getNamespaceURI()) && parent.getParentNode() instanceof Element up) {
            parent = up;
        }
        return "extensionElements".equals(parent.getLocalName()) ? (Element) parent.getParentNode() : parent;
    }

    /**
     * Whether the engine deploys and runs the process: its {@code isExecutable} is "true", read as the
     * engine's model reads it ({@code Boolean.parseBoolean}). Without the attribute the engine takes
     * the BPMN default, not executable (a probe's file without it got the engine's "Must contain at least
     * one executable process" while Baton's checks took it as executable).
     */
    static boolean executable(Element process) {
        return Boolean.parseBoolean(process.getAttribute("isExecutable"));
    }

    /**
     * The executable processes' names ({@link #executable}), by id in file order; null for one with no
     * name. Empty when the file is not XML (a kept file was read before, to be checked).
     */
    static Map<String, String> processNames(String bpmn) {
        Map<String, String> names = new LinkedHashMap<>();
        try {
            parse(bpmn.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .processes()
                    .forEach(p -> names.put(p.id(), p.name()));
        } catch (DoctypeRefused | SAXException | IOException e) {
            return Map.of();
        }
        return names;
    }

    /** The executable processes ({@link #executable}) of the file, in file order. */
    List<ProcessInfo> processes() {
        List<ProcessInfo> out = new ArrayList<>();
        for (Element process : all(BPMN, "process")) {
            if (executable(process)) {
                out.add(new ProcessInfo(
                        process.getAttribute("id"),
                        blankToNull(process.getAttribute("name")),
                        documentation(process),
                        launchRoles(process),
                        CallerNeeds.of(process),
                        activities(process),
                        scopes(process),
                        BlockUse.blocks(process),
                        BlockUse.calls(process)));
            }
        }
        return out;
    }

    private static Map<String, String> activities(Element process) {
        Map<String, String> kinds = new LinkedHashMap<>();
        NodeList nodes = process.getElementsByTagNameNS(BPMN, "*");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (WAITS.contains(e.getLocalName()) && e.hasAttribute("id")) {
                kinds.putIfAbsent(e.getAttribute("id"), kind(e));
            }
        }
        return java.util.Collections.unmodifiableMap(kinds);
    }

    /** The elements that are a flow scope of their own for the engine: its subprocesses of every kind. */
    private static final Set<String> SCOPES = Set.of("subProcess", "adHocSubProcess", "transaction");

    /**
     * The elements a run can wait in that sit inside a subprocess (embedded, event or ad-hoc), by id, to the
     * id of the innermost one: the engine's flow scope of the element. The engine moves a waiting element
     * only within its flow scope (Zeebe 8.8: "The flow scope of an element cannot be changed during
     * migration yet"), so a step moved into or out of a subprocess in a new version cannot be moved to it
     * (session 36's probe, where the preview said it could).
     */
    static Map<String, String> scopes(Element process) {
        Map<String, String> scopes = new LinkedHashMap<>();
        NodeList nodes = process.getElementsByTagNameNS(BPMN, "*");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (WAITS.contains(e.getLocalName()) && e.hasAttribute("id") && !scopes.containsKey(e.getAttribute("id"))) {
                for (org.w3c.dom.Node up = e.getParentNode();
                        up instanceof Element parent && parent != process;
                        up = parent.getParentNode()) {
                    if (BPMN.equals(parent.getNamespaceURI()) && SCOPES.contains(parent.getLocalName())) {
                        scopes.put(e.getAttribute("id"), parent.getAttribute("id"));
                        break;
                    }
                }
            }
        }
        return java.util.Collections.unmodifiableMap(scopes);
    }

    /**
     * The kind of element a run waits in, in words, as the engine tells kinds apart when it moves a run
     * to another version (it refuses to map a waiting element to one of another kind): "user task",
     * "subprocess", "event subprocess", "timer catch event", "parallel multi-instance user task", ...
     */
    static String kind(Element e) {
        String name = e.getLocalName();
        String kind = switch (name) {
            case "subProcess" -> "true".equals(e.getAttribute("triggeredByEvent")) ? "event subprocess" : "subprocess";
            case "callActivity" -> "call activity";
            case "eventBasedGateway" -> "event-based gateway";
            case "intermediateCatchEvent" -> {
                String trigger = trigger(e);
                yield trigger == null ? "catch event" : trigger + " catch event";
            }
            case "task" -> "plain task";
            default -> name.replaceAll("([A-Z])", " $1").toLowerCase(java.util.Locale.ROOT);
        };
        for (Element loop : children(e, BPMN, "multiInstanceLoopCharacteristics")) {
            return ("true".equals(loop.getAttribute("isSequential")) ? "sequential" : "parallel") + " multi-instance "
                    + kind;
        }
        return kind;
    }

    private static String documentation(Element process) {
        for (Element child : children(process, BPMN, "documentation")) {
            return blankToNull(child.getTextContent().strip());
        }
        return null;
    }

    /**
     * Who may start it from the catalogue: nobody when it has no plain (none) start event (Baton starts
     * it by message, e.g. a handover or a commitment) or says {@code baton:launchRoles=none} (Baton
     * starts it with its own checks, e.g. the per-account handover, the sales-to-CS handoff).
     */
    private static Set<String> launchRoles(Element process) {
        boolean noneStart = children(process, BPMN, "startEvent").stream().anyMatch(start -> trigger(start) == null);
        if (!noneStart) {
            return Set.of();
        }
        String value = launchRolesProperty(process);
        if (value == null) {
            return DEFAULT_LAUNCH_ROLES;
        }
        if ("none".equalsIgnoreCase(value.strip())) {
            return Set.of();
        }
        Set<String> roles = Arrays.stream(value.split(","))
                .map(r -> r.strip().toUpperCase())
                .filter(r -> !r.isEmpty())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        return roles.isEmpty() ? DEFAULT_LAUNCH_ROLES : roles;
    }

    /** The process's {@code baton:launchRoles} property as written, or null when it has none. */
    static String launchRolesProperty(Element process) {
        for (Element ext : children(process, BPMN, "extensionElements")) {
            for (Element properties : children(ext, ZEEBE, "properties")) {
                for (Element property : children(properties, ZEEBE, "property")) {
                    if (LAUNCH_ROLES.equals(property.getAttribute("name"))) {
                        return property.getAttribute("value");
                    }
                }
            }
        }
        return null;
    }

    /**
     * What starts a start event ({@code message}, {@code timer}, {@code signal}, ...: its event
     * definition's kind), or null for a plain (none) start event, which people launch.
     */
    static String trigger(Element start) {
        NodeList nodes = start.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e
                    && BPMN.equals(e.getNamespaceURI())
                    && e.getLocalName().endsWith("EventDefinition")) {
                return e.getLocalName().substring(0, e.getLocalName().length() - "EventDefinition".length());
            }
        }
        return null;
    }

    /** Each message's name (its {@code bpmn:message} element) by the message's id; null for one with no name. */
    Map<String, String> messageNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (Element message : all(BPMN, "message")) {
            names.put(message.getAttribute("id"), blankToNull(message.getAttribute("name")));
        }
        return names;
    }

    /** The names of the signals the file's signal throw and end events throw (named signals only). */
    Set<String> thrownSignals() {
        Map<String, String> byId = new LinkedHashMap<>();
        for (Element signal : all(BPMN, "signal")) {
            byId.put(signal.getAttribute("id"), blankToNull(signal.getAttribute("name")));
        }
        Set<String> thrown = new LinkedHashSet<>();
        for (Element definition : all(BPMN, "signalEventDefinition")) {
            String owner = ((Element) definition.getParentNode()).getLocalName();
            String name = byId.get(definition.getAttribute("signalRef"));
            if (name != null && ("intermediateThrowEvent".equals(owner) || "endEvent".equals(owner))) {
                thrown.add(name);
            }
        }
        return thrown;
    }

    /** Form ids and form keys the user tasks reference (embedded {@code camunda-forms:bpmn:} keys left out). */
    Set<String> referencedForms() {
        Set<String> refs = new LinkedHashSet<>();
        for (Element form : all(ZEEBE, "formDefinition")) {
            for (String attribute : List.of("formKey", "formId")) {
                String value = form.getAttribute(attribute);
                if (!value.isBlank() && !value.startsWith("camunda-forms:bpmn:")) {
                    refs.add(value);
                }
            }
        }
        return refs;
    }

    /**
     * Each Zeebe extension element of that kind ({@code assignmentDefinition}, {@code taskSchedule})
     * on a user task of an executable process, in model order: a process not executable is not deployed.
     */
    List<UserTaskExtension> userTaskExtensions(String zeebeLocalName) {
        List<UserTaskExtension> out = new ArrayList<>();
        for (Element process : all(BPMN, "process")) {
            if (!executable(process)) {
                continue;
            }
            NodeList tasks = process.getElementsByTagNameNS(BPMN, "userTask");
            for (int i = 0; i < tasks.getLength(); i++) {
                Element task = (Element) tasks.item(i);
                for (Element ext : children(task, BPMN, "extensionElements")) {
                    children(ext, ZEEBE, zeebeLocalName).forEach(e -> out.add(new UserTaskExtension(task, e)));
                }
            }
        }
        return out;
    }

    /** A user task and one of its Zeebe extension elements. */
    record UserTaskExtension(Element task, Element extension) {}

    static List<Element> children(Element parent, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element e
                    && ns.equals(e.getNamespaceURI())
                    && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
