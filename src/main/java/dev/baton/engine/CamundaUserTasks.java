package dev.baton.engine;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Camunda Modeler draws a user task as a Camunda user task ({@code <zeebe:userTask />}), its default
 * implementation since Camunda 8.6; Baton's inbox receives user tasks as jobs ({@link UserTaskJobs}),
 * and the in-process engine has no API to complete a Camunda user task (that is Camunda's REST API,
 * which only a cluster has). So Baton deploys such a task as a job-worker user task: the same step
 * for the same people with the same form, which its inbox then receives. Only the marker element
 * goes; everything else in the file stays byte for byte. What works only on a Camunda user task
 * (task listeners) is refused by {@link PlaybookChecks} with the reason, after this rewrite.
 *
 * <p>Source: Camunda 8.8, "User tasks": "user tasks can be implemented with Job workers by removing
 * the zeebe:userTask extension element".
 */
final class CamundaUserTasks {

    /** {@code xmlns:P="http://camunda.org/schema/zeebe/1.0"}: the prefixes the file gives Zeebe's namespace. */
    private static final Pattern ZEEBE_PREFIX =
            Pattern.compile("xmlns:([A-Za-z_][\\w.-]*)\\s*=\\s*([\"'])" + Pattern.quote(PlaybookXml.ZEEBE) + "\\2");

    private CamundaUserTasks() {}

    /**
     * The files with every {@code <zeebe:userTask />} (empty, as Modeler writes it, under any prefix
     * the file declares for Zeebe's namespace) removed from the BPMN; the same files when there is none,
     * or when the BPMN is not UTF-8 (Modeler saves UTF-8; another encoding is left to the checks, which
     * then name each Camunda user task).
     */
    static PlaybookFiles asJobWorkerTasks(PlaybookFiles files) {
        String xml;
        try {
            xml = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(files.bpmn()))
                    .toString();
        } catch (CharacterCodingException notUtf8) {
            return files;
        }
        String rewritten = xml;
        Matcher prefixes = ZEEBE_PREFIX.matcher(xml);
        while (prefixes.find()) {
            String p = Pattern.quote(prefixes.group(1));
            rewritten = rewritten.replaceAll("<" + p + ":userTask\\s*(?:/>|>\\s*</" + p + ":userTask\\s*>)", "");
        }
        return rewritten.equals(xml)
                ? files
                : new PlaybookFiles(files.bpmnName(), rewritten.getBytes(StandardCharsets.UTF_8), files.forms());
    }
}
