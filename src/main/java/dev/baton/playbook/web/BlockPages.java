package dev.baton.playbook.web;

import dev.baton.blocks.Blocks;
import dev.baton.blocks.Blocks.Block;
import dev.baton.blocks.ElementTemplates;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The building blocks in the catalogue: a page for people drawing playbooks (each block's inputs
 * and outputs, the assignment expressions), the same as JSON, and the Modeler element templates.
 */
@Controller
@Tag(name = "Playbooks")
class BlockPages {

    @GetMapping("/playbooks/blocks")
    String page(Model model) {
        model.addAttribute("blocks", Blocks.ALL);
        return "playbook/blocks";
    }

    @Operation(summary = "The building blocks: job type, inputs (required or not, choices) and output variables")
    @GetMapping("/api/playbooks/blocks")
    @ResponseBody
    List<Block> blocks() {
        return Blocks.ALL;
    }

    @Operation(
            summary = "The building blocks as Camunda Modeler element templates (save into Modeler's"
                    + " resources/element-templates folder)")
    @GetMapping("/playbooks/blocks/element-templates.json")
    @ResponseBody
    ResponseEntity<List<Map<String, Object>>> elementTemplates() {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"baton-blocks.json\"")
                .body(ElementTemplates.all());
    }
}
