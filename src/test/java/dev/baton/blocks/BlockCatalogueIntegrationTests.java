package dev.baton.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.baton.engine.EngineIntegrationTest;
import dev.baton.support.SignedIn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The blocks offered in the catalogue: the page, the JSON list and the Modeler element templates. */
@SuppressWarnings({"rawtypes", "unchecked"})
class BlockCatalogueIntegrationTests extends EngineIntegrationTest {

    static final List<String> TYPES = List.of(
            "baton.send-email",
            "baton.record-interaction",
            "baton.record-commitment",
            "baton.check-commitments",
            "baton.reassign-owner",
            "baton.update-account");

    @Test
    void theCataloguePageLinksToTheBlocksPageWhichDocumentsEachBlockAndTheAssignmentExpressions() {
        String catalogue = SignedIn.as(http, "rob").getForObject("/playbooks", String.class);
        String page = SignedIn.as(http, "rob").getForObject("/playbooks/blocks", String.class);

        assertThat(catalogue).contains("href=\"/playbooks/blocks\"");
        assertThat(page).contains("=accountOwner", "=ownerManager", "Candidate groups", "element-templates.json");
        TYPES.forEach(type -> assertThat(page).contains("id=\"block-" + type + "\""));
        assertThat(page).contains("openCommitments", "overdueCommitments", "breachedCommitments");
    }

    @Test
    void theApiListsEveryBlockWithItsInputsAndWorkersServeEachType() {
        ResponseEntity<List> blocks = as("rob").getForEntity("/api/playbooks/blocks", List.class);

        assertThat(blocks.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<Map<String, Object>> all = blocks.getBody();
        assertThat(all.stream().map(b -> b.get("type"))).containsExactlyElementsOf(TYPES);
        assertThat((List<Map<String, Object>>) all.getFirst().get("inputs"))
                .anySatisfy(i -> assertThat(i)
                        .containsEntry("name", "to")
                        .containsEntry("required", true)
                        .containsEntry(
                                "choices", List.of("account-owner", "owner-manager", "primary-contact", "team")));
    }

    @Test
    void theElementTemplatesSetEachBlocksJobTypeAndBindItsInputsAsInputMappings() {
        ResponseEntity<List> templates =
                SignedIn.as(http, "rob").getForEntity("/playbooks/blocks/element-templates.json", List.class);

        assertThat(templates.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION))
                .contains("baton-blocks.json");
        List<Map<String, Object>> all = templates.getBody();
        assertThat(all)
                .hasSize(TYPES.size())
                .allSatisfy(t -> assertThat(t)
                        .containsEntry("$schema", ElementTemplates.SCHEMA)
                        .containsEntry("appliesTo", List.of("bpmn:Task"))
                        .containsEntry("elementType", Map.of("value", "bpmn:ServiceTask")));
        Map<String, Object> sendEmail = all.getFirst();
        List<Map<String, Object>> properties = (List<Map<String, Object>>) sendEmail.get("properties");
        assertThat(properties.getFirst())
                .containsEntry("type", "Hidden")
                .containsEntry("value", "baton.send-email")
                .containsEntry("binding", Map.of("type", "zeebe:taskDefinition", "property", "type"));
        assertThat(properties)
                .anySatisfy(p -> assertThat(p)
                        .containsEntry("type", "Dropdown")
                        .containsEntry("binding", Map.of("type", "zeebe:input", "name", "template"))
                        .containsEntry("constraints", Map.of("notEmpty", true)))
                .anySatisfy(p -> assertThat(p)
                        .containsEntry("type", "String")
                        .containsEntry("optional", true)
                        .containsEntry("binding", Map.of("type", "zeebe:input", "name", "message")));
    }
}
