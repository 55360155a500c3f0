package dev.baton.task;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Task forms by form key: the Camunda Forms files deployed with the playbooks ({@code
 * bpmn/forms/<formKey>.form}), read from the classpath once. A task whose form was linked by form
 * id or embedded in its BPMN carries the form's JSON itself. A task without a form gets {@link
 * FormDefinition#NONE}: it completes with no values.
 */
@Component
public class Forms {

    private final ObjectMapper json;
    private final Map<String, FormDefinition> cache = new ConcurrentHashMap<>();

    Forms(ObjectMapper json) {
        this.json = json;
    }

    /** The task's own form JSON if it has one, else its form by key. */
    public FormDefinition of(Task task) {
        if (task.getFormSchema() == null) {
            return forKey(task.getFormKey());
        }
        try {
            return FormDefinition.parse(FormJson.read(task.getFormSchema()));
        } catch (FormJson.TooDeep e) {
            return FormDefinition.unusable("its form cannot be read: " + e.getMessage());
        } catch (IOException e) {
            // deployed past Baton's upload checks (e.g. straight to a cluster): the task still opens, and says why
            return FormDefinition.unusable("its form is not JSON");
        }
    }

    public FormDefinition forKey(String formKey) {
        if (formKey == null || !formKey.matches("[A-Za-z0-9_-]+")) {
            return FormDefinition.NONE;
        }
        return cache.computeIfAbsent(formKey, this::read);
    }

    private FormDefinition read(String formKey) {
        ClassPathResource file = new ClassPathResource("bpmn/forms/" + formKey + ".form");
        if (!file.exists()) {
            return FormDefinition.NONE;
        }
        try (InputStream in = file.getInputStream()) {
            return FormDefinition.parse(json.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read form " + formKey, e);
        }
    }
}
