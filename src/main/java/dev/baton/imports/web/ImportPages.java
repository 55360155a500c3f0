package dev.baton.imports.web;

import dev.baton.imports.ImportKind;
import dev.baton.imports.ImportService;
import dev.baton.imports.ImportSource;
import dev.baton.imports.ImportView;
import dev.baton.people.PeopleLookup;
import dev.baton.shared.BadRequestException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The import page: upload a file (dry run by default), then watch its progress and read its errors. */
@Controller
@RequestMapping("/imports")
@PreAuthorize("@capabilities.granted(authentication, 'IMPORT_RECORDS')")
class ImportPages {

    /** What the form is sent with: a refused file brings the form back with the same choices. */
    record Choice(ImportKind kind, ImportSource source, boolean dryRun) {}

    private final ImportService imports;
    private final PeopleLookup people;

    ImportPages(ImportService imports, PeopleLookup people) {
        this.imports = imports;
        this.people = people;
    }

    @GetMapping
    String list(Principal me, Model model) {
        List<ImportKind> kinds = imports.kindsFor(me.getName());
        model.addAttribute("kinds", kinds);
        model.addAttribute("sources", ImportSource.values());
        if (!model.containsAttribute("choice")) {
            model.addAttribute("choice", new Choice(kinds.get(0), ImportSource.BATON, true));
        }
        List<ImportView> recent = imports.find(
                        PageRequest.of(0, 20, Sort.by(Sort.Direction.DESC, "createdAt", "id")), me.getName())
                .getContent();
        model.addAttribute("imports", recent);
        model.addAttribute(
                "names",
                people.fullNames(recent.stream().map(ImportView::createdBy).toList()));
        return "imports/list";
    }

    @PostMapping
    String start(
            @RequestParam MultipartFile file,
            @RequestParam ImportKind kind,
            @RequestParam ImportSource source,
            @RequestParam(defaultValue = "false") boolean dryRun,
            Principal me,
            RedirectAttributes redirect)
            throws IOException {
        try {
            ImportView started = imports.submit(
                    kind, source, dryRun, file.getOriginalFilename(), file.getInputStream(), me.getName());
            return "redirect:/imports/" + started.id();
        } catch (BadRequestException e) {
            redirect.addFlashAttribute("error", e.getFieldErrors().getOrDefault("file", e.getMessage()));
            redirect.addFlashAttribute("choice", new Choice(kind, source, dryRun));
            return "redirect:/imports";
        }
    }

    @GetMapping(value = "/templates/{kind}.csv", produces = "text/csv; charset=UTF-8")
    @ResponseBody
    String template(@PathVariable ImportKind kind, HttpServletResponse response) {
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"" + kind.name().toLowerCase() + ".csv\"");
        return ImportTemplates.header(kind);
    }

    @GetMapping("/{id}")
    String detail(@PathVariable Long id, Principal me, Model model) {
        model.addAttribute("job", imports.get(id, me.getName()));
        return "imports/detail";
    }
}
