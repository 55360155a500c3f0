package dev.baton.lead;

import dev.baton.account.AccountLookup;
import dev.baton.shared.DeliverableEmail;
import dev.baton.shared.SingleLine;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leads from a CRM file (the import feature's part): matched by the source's external id, so
 * importing a file again updates them; each new one starts its follow-up playbook after the
 * import's transaction commits.
 */
@Service
public class LeadImports {

    /** One row, held to the rules of {@link NewLead}; at least one of e-mail and phone. */
    public record ImportedLead(
            String externalId,
            @NotBlank @Size(max = 255) @SingleLine String company,
            @NotBlank @Size(max = 200) @SingleLine String personName,

            @Email @Size(max = 254) @SingleLine @DeliverableEmail
            String email,

            @Size(max = 60) @SingleLine String phone,
            @NotBlank @Size(max = 60) @SingleLine String source,
            @Size(max = 120) @SingleLine String campaign,

            @Min(value = 0, message = NewLead.SCORE_RULE) @Max(value = 100, message = NewLead.SCORE_RULE)
            Integer score,

            @Size(max = 60) @SingleLine String territory) {}

    /**
     * An existing lead or contact, as an import's report names it.
     *
     * @param type "lead" or "contact"
     * @param name the lead's or contact's person name
     * @param company the lead's company or the contact's account name
     * @param accountId the contact's account (null for a lead)
     * @param details a lead's details as a row gives them, which {@link #upsert} writes (null for a contact)
     */
    public record Existing(String type, long id, String name, String company, Long accountId, ImportedLead details) {

        /**
         * Whether {@link #upsert} would change this lead's details from {@code row} (of its external id): a row that
         * changes none is not written, so the lead keeps its version (session 44: every such row counted "updated").
         */
        public boolean changedBy(ImportedLead row) {
            return !row.equals(details);
        }

        /** As a sentence names it: "the lead Pat Lead at Acme", "the contact Anna de Vries at Quokka BV". */
        public String named() {
            return "the " + type + " " + name + " at " + company;
        }

        /** The page that shows it: the lead's own, or the contact's account's. */
        public String page() {
            return accountId == null ? "/leads/" + id : "/accounts/" + accountId;
        }

        static Existing of(Lead lead) {
            return new Existing(
                    "lead",
                    lead.getId(),
                    lead.getPersonName(),
                    lead.getCompany(),
                    null,
                    new ImportedLead(
                            lead.getExternalId(),
                            lead.getCompany(),
                            lead.getPersonName(),
                            lead.getEmail(),
                            lead.getPhone(),
                            lead.getSource(),
                            lead.getCampaign(),
                            lead.getScore(),
                            lead.getTerritory()));
        }
    }

    private final Leads leads;
    private final AccountLookup lookup;
    private final LeadService service;

    private final EntityManager entities;

    LeadImports(Leads leads, AccountLookup lookup, LeadService service, EntityManager entities) {
        this.entities = entities;
        this.leads = leads;
        this.lookup = lookup;
        this.service = service;
    }

    /** The leads imported before from {@code source}, by external id, as they stand before this import. */
    @Transactional(readOnly = true)
    public Map<String, Existing> leads(String source, Collection<String> externalIds) {
        Map<String, Existing> found = new HashMap<>();
        if (!externalIds.isEmpty()) {
            leads.findByExternalSourceAndExternalIdIn(source, externalIds).forEach(l -> {
                found.put(l.getExternalId(), Existing.of(l));
                entities.detach(l); // upsert reads them again, locked and fresh, in the import's transaction
            });
        }
        return found;
    }

    /** Leads, then contacts, holding these e-mail addresses, keyed by the address in lower case. */
    @Transactional(readOnly = true)
    public Map<String, Existing> withEmails(Collection<String> emails) {
        List<String> lower =
                emails.stream().map(e -> e.toLowerCase(Locale.ROOT)).distinct().toList();
        Map<String, Existing> found = new HashMap<>();
        if (lower.isEmpty()) {
            return found;
        }
        lookup.contactsByEmail(lower)
                .forEach((email, c) -> found.put(
                        email,
                        new Existing("contact", c.contactId(), c.contactName(), c.accountName(), c.accountId(), null)));
        leads.findByLowerEmailIn(lower).forEach(l -> {
            found.put(l.getEmail().toLowerCase(Locale.ROOT), Existing.of(l));
            entities.detach(l); // as in leads(...)
        });
        return found;
    }

    /** Updates the leads imported before (status and owner stay) and creates the others, in the caller's transaction. */
    @Transactional
    public void upsert(String source, List<ImportedLead> rows) {
        Map<String, Lead> existing = new HashMap<>();
        leads.lockByExternalSourceAndExternalIdIn(
                        source, rows.stream().map(ImportedLead::externalId).toList())
                .forEach(l -> existing.put(l.getExternalId(), l));
        for (ImportedLead r : rows) {
            Lead lead = existing.get(r.externalId());
            if (lead != null) {
                lead.changeDetails(
                        r.company(),
                        r.personName(),
                        r.email(),
                        r.phone(),
                        r.source(),
                        r.campaign(),
                        r.score(),
                        r.territory());
                continue;
            }
            lead = new Lead(
                    r.company(),
                    r.personName(),
                    r.email(),
                    r.phone(),
                    r.source(),
                    r.campaign(),
                    r.score(),
                    r.territory(),
                    null);
            lead.importedFrom(source, r.externalId());
            service.created(leads.save(lead), null);
        }
        leads.flush();
    }
}
