package dev.baton.playbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A playbook's BPMN without the start events the engine triggers by itself (timer and signal start
 * events), their outgoing sequence flows and their shapes in the diagram: what retiring a playbook
 * deploys, since the engine cancels the timers of a process's previous version when a new version is
 * deployed (Camunda 8.8, "Timer events": "Scheduled timers of the previous version of the process ...
 * are canceled"). Its plain start event, and everything else, stay as they were.
 *
 * <p>Each process changed is marked as Baton's copy ({@value #COPY_OF}, an extension attribute BPMN allows on
 * any element, the version copied as its value), so that the version it becomes is told from a version its
 * author made ({@link #copyOf}) wherever Baton knows it, after a restart too (the kept upload carries it):
 * the catalogue labels it, and the upgrade does not offer it as a new version (session 43's probe).
 */
final class TimerlessVersion {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final String BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI";
    static final String BATON = "https://baton.dev/bpmn/retirement";
    static final String COPY_OF = "baton:retirementCopyOf";

    /** The marked start tag of a process: its id and the version it copies, in either order. */
    private static final Pattern PROCESS_TAG = Pattern.compile("<(?:[\\w.-]+:)?process\\b[^>]*>");

    private TimerlessVersion() {}

    /**
     * @param bpmn a deployed playbook's BPMN file (UTF-8)
     * @param version the version it is, which the file marks as copied ({@link #copyOf})
     * @return the file without its processes' timer and signal start events, or null when it has none
     * @throws IllegalArgumentException when the file cannot be read as XML (a deployed one always can)
     */
    static byte[] of(byte[] bpmn, int version) {
        try {
            Document doc = parse(bpmn);
            Set<String> removed = new HashSet<>();
            for (Element process : elements(doc.getElementsByTagNameNS(BPMN, "process"))) {
                for (Element start : children(process, "startEvent")) {
                    if (!children(start, "timerEventDefinition").isEmpty()
                            || !children(start, "signalEventDefinition").isEmpty()) {
                        removed.add(start.getAttribute("id"));
                        process.removeChild(start);
                        process.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:baton", BATON);
                        process.setAttributeNS(BATON, COPY_OF, String.valueOf(version));
                    }
                }
            }
            if (removed.isEmpty()) {
                return null;
            }
            for (Element flow : elements(doc.getElementsByTagNameNS(BPMN, "sequenceFlow"))) {
                if (removed.contains(flow.getAttribute("sourceRef"))) {
                    removed.add(flow.getAttribute("id"));
                    flow.getParentNode().removeChild(flow);
                }
            }
            for (Element incoming : elements(doc.getElementsByTagNameNS(BPMN, "incoming"))) {
                if (removed.contains(incoming.getTextContent().strip())) {
                    incoming.getParentNode().removeChild(incoming);
                }
            }
            for (String kind : List.of("BPMNShape", "BPMNEdge")) {
                for (Element di : elements(doc.getElementsByTagNameNS(BPMNDI, kind))) {
                    if (removed.contains(di.getAttribute("bpmnElement"))) {
                        di.getParentNode().removeChild(di);
                    }
                }
            }
            return utf8(doc);
        } catch (Exception e) {
            throw new IllegalArgumentException("the playbook's BPMN cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * A person's upload without the mark of Baton's copy: an author who downloads a copy's file, edits it in
     * Modeler and uploads it makes a version of their own, which must not pass for Baton's copy (session 44's
     * probe: it was labelled a copy, runs were not offered the move to it, and the upgrade skipped it). Only
     * {@link #of}'s files, deployed by the retirement itself, carry it. Every attribute that {@link #copyOf}
     * would read as the mark ({@value #COPY_OF}, whatever namespace that prefix is bound to) or that is in
     * Baton's namespace under another prefix is removed, on any element.
     *
     * @param bpmn an uploaded BPMN file, in the encoding its declaration says
     * @return the file as UTF-8 without the mark, with the elements that carried it; null when nothing carried
     *     it, or when the file is no XML Baton can read (the upload's checks refuse it then)
     */
    static Unmarked unmarked(byte[] bpmn) {
        Document doc;
        try {
            doc = parse(bpmn);
        } catch (Exception | StackOverflowError e) {
            return null;
        }
        Map<String, String> marked = new LinkedHashMap<>();
        for (Element e : elements(doc.getElementsByTagNameNS("*", "*"))) {
            List<org.w3c.dom.Attr> marks = new ArrayList<>();
            var attributes = e.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                var a = (org.w3c.dom.Attr) attributes.item(i);
                if (COPY_OF.equals(a.getName())
                        || (BATON.equals(a.getNamespaceURI()) && "retirementCopyOf".equals(a.getLocalName()))) {
                    marks.add(a);
                }
            }
            marks.forEach(e::removeAttributeNode);
            if (!marks.isEmpty()) {
                marked.put(e.getAttribute("id"), e.hasAttribute("name") ? e.getAttribute("name") : null);
            }
        }
        if (marked.isEmpty()) {
            return null;
        }
        try {
            return new Unmarked(utf8(doc), marked);
        } catch (Exception | StackOverflowError e) {
            return null; // the serializer recurses per level: a file nested that deep is refused by the checks
        }
    }

    /**
     * @param bpmn the file as UTF-8, unmarked
     * @param marked the id of each element (a process) that carried the mark, to its name or null
     */
    record Unmarked(byte[] bpmn, Map<String, String> marked) {}

    private static Document parse(byte[] bpmn) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bpmn));
    }

    private static byte[] utf8(Document doc) throws Exception {
        var transformer = TransformerFactory.newInstance().newTransformer();
        transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transformer.transform(new DOMSource(doc), new StreamResult(out));
        return out.toByteArray();
    }

    /**
     * The version of which this version of {@code processId} is Baton's copy without its timer and signal start
     * events, deployed on retiring the playbook ({@link #of}); null for a version its author made.
     *
     * @param xml the version's BPMN file as deployed
     */
    static Integer copyOf(String xml, String processId) {
        if (xml == null || !xml.contains(COPY_OF)) {
            return null;
        }
        Matcher tag = PROCESS_TAG.matcher(xml);
        while (tag.find()) {
            String start = tag.group();
            if (start.contains(" id=\"" + processId + "\"")) {
                Matcher copied = Pattern.compile(COPY_OF + "=\"(\\d{1,9})\"").matcher(start);
                return copied.find() ? Integer.valueOf(copied.group(1)) : null;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && BPMN.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                found.add(e);
            }
        }
        return found;
    }

    private static List<Element> elements(NodeList nodes) {
        List<Element> list = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            list.add((Element) nodes.item(i));
        }
        return list;
    }
}
