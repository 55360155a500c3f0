package dev.baton.imports;

import dev.baton.lead.LeadImports;
import dev.baton.lead.LeadImports.Existing;
import dev.baton.lead.LeadImports.ImportedLead;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Lead rows: an external id, a company, a person, and an e-mail or a phone. A row whose e-mail an
 * existing lead or contact has (or an earlier row of the file) is reported and skipped, not imported
 * twice; a row imported before from the same source updates its lead.
 */
@Component
class LeadRows implements RowHandler {

    private final LeadImports leads;

    LeadRows(LeadImports leads) {
        this.leads = leads;
    }

    @Override
    public void handle(List<ImportRow> chunk, ImportRun run) {
        List<ImportRow> rows = new ArrayList<>();
        List<ImportedLead> valid = new ArrayList<>();
        List<Long> firsts = new ArrayList<>();
        for (ImportRow row : chunk) {
            ImportedLead lead = read(row, run);
            // the file's first row with this e-mail, refused or not: a later row with it is skipped either way
            long first = lead.email() == null ? row.number() : run.firstWithEmail(lead.email(), row.number());
            if (run.accepted(row)) {
                rows.add(row);
                valid.add(lead);
                firsts.add(first);
            } else if (first != row.number()) {
                repeatsEmail(row, first, run);
            }
        }
        Map<String, Existing> imported = leads.leads(
                run.source.name(), valid.stream().map(ImportedLead::externalId).toList());
        Map<String, Existing> withEmail = leads.withEmails(
                valid.stream().map(ImportedLead::email).filter(Objects::nonNull).toList());
        List<ImportedLead> written = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            ImportedLead lead = valid.get(i);
            Existing before = imported.get(lead.externalId());
            String email = lead.email() == null ? null : lead.email().toLowerCase(Locale.ROOT);
            Existing same = email == null ? null : withEmail.get(email);
            if (same != null && !(same.type().equals("lead") && before != null && same.id() == before.id())) {
                run.notice(
                        rows.get(i),
                        "email",
                        "duplicates " + same.named() + " (same e-mail): skipped, not imported twice",
                        same.page());
                continue;
            }
            if (firsts.get(i) != rows.get(i).number()) {
                repeatsEmail(rows.get(i), firsts.get(i), run);
                continue;
            }
            boolean changes = before == null || before.changedBy(lead);
            run.matched(
                    rows.get(i),
                    before == null ? null : before.named(),
                    before == null ? null : before.page(),
                    changes);
            if (changes) {
                written.add(lead);
            }
        }
        if (run.writing() && !written.isEmpty()) {
            leads.upsert(run.source.name(), written);
        }
    }

    private static void repeatsEmail(ImportRow row, long first, ImportRun run) {
        run.repeatNotice(row, "email", first, of -> "repeats the e-mail of " + of + ": skipped, not imported twice");
    }

    private static ImportedLead read(ImportRow row, ImportRun run) {
        String externalId = run.externalId(row, "external_id");
        String company = run.required(row, "company");
        if (company != null && company.length() > 255) {
            run.error(row, "company", "is longer than 255 characters");
        }
        String name = row.get("full_name");
        if (name == null) {
            name = String.join(
                    " ",
                    Stream.of(row.get("first_name"), row.get("last_name"))
                            .filter(Objects::nonNull)
                            .toList());
        }
        if (name.isBlank()) {
            run.error(row, "full_name", "is required (or a first and last name)");
        } else if (name.length() > 200) {
            run.error(row, "full_name", "is longer than 200 characters");
        }
        String email = run.text(row, "email", 254);
        if (email != null && !Values.email(email)) {
            run.error(row, "email", "is not an e-mail address");
        }
        String phone = run.text(row, "phone", 60);
        if (row.get("email") == null && row.get("phone") == null) {
            run.error(row, "email", "a lead needs a way to reach the person: give an e-mail or a phone");
        }
        Integer score = null;
        String scoreText = row.get("score");
        if (scoreText != null) {
            // a CRM's score may be a fraction (55.5 is 56); "NaN", "Infinity" and "1e400" are no score (found by
            // a probe: NaN was imported as 0)
            BigDecimal value = decimal(scoreText);
            if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.valueOf(100)) > 0) {
                run.error(row, "score", "must be a number from 0 to 100 (a fraction is rounded)");
            } else {
                // doubleValue, not setScale: 1e-99999999 is in range, and its scale would be a 10^99999999 division
                score = (int) Math.round(value.doubleValue());
            }
        }
        String source = run.text(row, "source", 60);
        ImportedLead lead = new ImportedLead(
                externalId,
                company,
                name,
                email,
                phone,
                source == null ? "import" : source,
                run.text(row, "campaign", 120),
                score,
                run.text(row, "territory", 60));
        run.check(row, lead, Map.of("personName", "full_name"));
        return lead;
    }

    /** The cell as a decimal number (digits, a point, an exponent), or null when it is none. */
    private static BigDecimal decimal(String text) {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}
