package dev.baton.imports.web;

import dev.baton.imports.ImportKind;
import dev.baton.imports.ImportService;
import dev.baton.imports.ImportSource;
import dev.baton.imports.ImportView;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/imports")
@PreAuthorize("@capabilities.granted(authentication, 'IMPORT_RECORDS')")
@Tag(
        name = "Imports",
        description = "Admins and revenue ops import a team's book from CSV files (Baton's template, Salesforce or "
                + "HubSpot exports): one file per kind (teams, people, accounts, contacts, interactions,"
                + " commitments, leads), a dry run first, then all-or-nothing. Teams and people (which create"
                + " sign-in users and give roles) are imported by admins only: 403 for revenue ops.")
class ImportApi {

    private final ImportService imports;

    ImportApi(ImportService imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Start an import of one CSV file (UTF-8, ',' or ';'); 400 names what is wrong with the file as a "
                    + "whole, 202 otherwise: follow Location for progress (rowsDone of rowsTotal) and, once done, every row error. "
                    + "dryRun (default true) only checks; a real import writes every row or, when any row is bad, none")
    ResponseEntity<ImportView> start(
            @RequestPart(required = false) MultipartFile file,
            @RequestParam(required = false) ImportKind kind,
            @RequestParam(defaultValue = "BATON") ImportSource source,
            @RequestParam(defaultValue = "true") boolean dryRun,
            Principal me)
            throws IOException {
        if (file == null) {
            throw new BadRequestException("file", "attach the CSV file as the multipart part 'file'");
        }
        ImportView started =
                imports.submit(kind, source, dryRun, file.getOriginalFilename(), file.getInputStream(), me.getName());
        return ResponseEntity.accepted()
                .location(URI.create("/api/imports/" + started.id()))
                .body(started);
    }

    @GetMapping
    @Operation(summary = "Imports of the kinds the caller may import, newest first")
    PageResponse<ImportView> list(
            @PageableDefault(
                            sort = {"createdAt", "id"},
                            direction = Sort.Direction.DESC)
                    Pageable pageable,
            Principal me) {
        return PageResponse.of(imports.find(pageable, me.getName()));
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "One import: status, progress, counts, row errors (row, column, value, problem) and notices"
                    + " (the same, with link: the page of the lead or account a notice names, else null);"
                    + " for people, in runsThatWillStop, each row that deactivates someone active with the running"
                    + " playbook runs they launched, which stop at their next building block (as"
                    + " POST /api/people/{id}/deactivate answers)")
    ImportView get(@PathVariable Long id, Principal me) {
        return imports.get(id, me.getName());
    }

    @GetMapping(value = "/templates/{kind}.csv", produces = "text/csv")
    @Operation(summary = "Baton's own template for one kind: the header row, required columns first")
    ResponseEntity<String> template(@PathVariable ImportKind kind) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .body(ImportTemplates.header(kind));
    }
}
