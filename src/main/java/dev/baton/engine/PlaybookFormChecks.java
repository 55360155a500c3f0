package dev.baton.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.baton.task.FormDefinition;
import dev.baton.task.FormJson;
import java.io.IOException;
import java.util.List;
import org.w3c.dom.Element;

/**
 * The forms of a playbook checked for what Baton's task page and server-side checks cannot handle
 * (see {@link FormDefinition#problems}), so that such a form is refused at upload, naming the form and
 * the component, instead of giving a step nobody can complete.
 */
final class PlaybookFormChecks {

    private PlaybookFormChecks() {}

    /** An uploaded {@code .form} file, already known to have an id and components. */
    static void file(String fileName, JsonNode form, List<PlaybookProblem> problems) {
        String id = form.path("id").asText();
        for (String problem : FormDefinition.problems(form)) {
            problems.add(PlaybookProblem.ofFile(fileName, "form '" + id + "': " + problem));
        }
    }

    /** The forms embedded in the BPMN ({@code zeebe:userTaskForm}), each named by its id. */
    static void embedded(PlaybookXml xml, List<PlaybookProblem> problems) {
        for (Element form : xml.all(PlaybookXml.ZEEBE, "userTaskForm")) {
            String id = form.getAttribute("id");
            JsonNode schema;
            try {
                schema = FormJson.read(form.getTextContent());
            } catch (FormJson.TooDeep e) {
                problems.add(
                        new PlaybookProblem(id, "embedded form", "the form embedded in the BPMN: " + e.getMessage()));
                continue;
            } catch (IOException e) {
                schema = null;
            }
            if (schema == null || !schema.path("components").isArray()) {
                problems.add(new PlaybookProblem(
                        id, "embedded form", "the form embedded in the BPMN is not a Camunda form"));
                continue;
            }
            for (String problem : FormDefinition.problems(schema)) {
                problems.add(new PlaybookProblem(id, "embedded form", "the form embedded in the BPMN: " + problem));
            }
        }
    }
}
