package dev.baton.blocks;

import dev.baton.blocks.Blocks.Block;
import dev.baton.blocks.Blocks.Input;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The blocks as Camunda Modeler element templates (Camunda 8 schema): saved as a {@code .json}
 * file in Modeler's {@code resources/element-templates} folder, each block appears under "Select
 * template" on a task, with its inputs as fields (written as input mappings) and its job type set.
 */
public final class ElementTemplates {

    static final String SCHEMA = "https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json";

    private ElementTemplates() {}

    /** One template per block, as JSON-ready maps. */
    public static List<Map<String, Object>> all() {
        return Blocks.ALL.stream().map(ElementTemplates::template).toList();
    }

    private static Map<String, Object> template(Block block) {
        List<Map<String, Object>> properties = new ArrayList<>();
        properties.add(Map.of(
                "type", "Hidden",
                "value", block.type(),
                "binding", Map.of("type", "zeebe:taskDefinition", "property", "type")));
        block.inputs().forEach(input -> properties.add(property(input)));
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("$schema", SCHEMA);
        template.put("name", "Baton: " + block.title());
        template.put("id", "dev." + block.type());
        template.put("description", block.summary());
        template.put("version", 1);
        template.put("appliesTo", List.of("bpmn:Task"));
        template.put("elementType", Map.of("value", "bpmn:ServiceTask"));
        template.put("properties", properties);
        return template;
    }

    private static Map<String, Object> property(Input input) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("label", input.name());
        p.put("description", input.description());
        if (input.choices().isEmpty()) {
            p.put("type", "String");
            p.put("feel", "optional");
        } else {
            p.put("type", "Dropdown");
            p.put(
                    "choices",
                    input.choices().stream()
                            .map(c -> Map.of("name", c, "value", c))
                            .toList());
            p.put("value", input.choices().getFirst());
        }
        if (input.required()) {
            p.put("constraints", Map.of("notEmpty", true));
        } else {
            p.put("optional", true);
        }
        p.put("binding", Map.of("type", "zeebe:input", "name", input.name()));
        return p;
    }
}
