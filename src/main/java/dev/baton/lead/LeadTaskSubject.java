package dev.baton.lead;

import dev.baton.task.TaskSubjectSource;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Describes a lead for the inbox: the lead-follow-up playbook's tasks are about one lead. */
@Component
class LeadTaskSubject implements TaskSubjectSource {

    /** The {@code baton:subjectType} of the lead playbook's user tasks. */
    static final String SUBJECT_TYPE = "lead";

    private final Leads leads;

    LeadTaskSubject(Leads leads) {
        this.leads = leads;
    }

    @Override
    public String type() {
        return SUBJECT_TYPE;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Summary> describe(long id, Long accountId) {
        return leads.findById(id).map(l -> new Summary(SUBJECT_TYPE, id, "Lead", named(l), "/leads/" + id));
    }

    /** As the inbox names it, "Pat Lead at Acme": a lead has no account for the mail to name. */
    @Override
    @Transactional(readOnly = true)
    public Optional<String> mailName(long id) {
        return leads.findById(id).map(LeadTaskSubject::named);
    }

    private static String named(Lead lead) {
        return lead.getPersonName() + " at " + lead.getCompany();
    }
}
