package dev.baton.engine;

import java.util.Map;

/**
 * One playbook as deployed together: a BPMN file and the Camunda forms it uses.
 *
 * @param bpmnName the BPMN file's name, e.g. {@code renewal.bpmn} (the engine's resource name)
 * @param bpmn the file's bytes
 * @param forms form file name ({@code renewal-call.form}) to its bytes; may be empty
 */
public record PlaybookFiles(String bpmnName, byte[] bpmn, Map<String, byte[]> forms) {

    public PlaybookFiles {
        forms = Map.copyOf(forms);
    }
}
