package dev.baton.commitment;

import dev.baton.audit.AuditEvent;
import dev.baton.audit.AuditEvents;
import dev.baton.people.TimeZones;
import dev.baton.people.TimeZones.Todays;
import dev.baton.shared.NotFoundException;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The register's read side beyond the list: counts, export, and each commitment's history. */
@Service
public class CommitmentRegister {

    static final int EXPORT_PAGE = 1000;

    private final Commitments commitments;
    private final AuditEvents audit;
    private final CommitmentService service;
    private final RegisterQuery query;
    private final TimeZones zones;

    CommitmentRegister(
            Commitments commitments,
            AuditEvents audit,
            CommitmentService service,
            RegisterQuery query,
            TimeZones zones) {
        this.commitments = commitments;
        this.audit = audit;
        this.service = service;
        this.query = query;
        this.zones = zones;
    }

    @Transactional(readOnly = true)
    public CommitmentSummary summary(CommitmentFilter filter) {
        Todays today = zones.todays();
        CommitmentFilter scope = filter.scope();
        return new CommitmentSummary(
                count(scope.openRest(), today),
                count(scope.with(null, true, false), today),
                count(scope.with(null, false, true), today),
                count(scope.with(CommitmentStatus.REJECTED, false, false), today),
                count(scope.with(CommitmentStatus.DELIVERED, false, false), today));
    }

    /** Every matching commitment by due date, a page at a time, for the CSV export. */
    @Transactional(readOnly = true)
    public void forEach(CommitmentFilter filter, Consumer<CommitmentView> row) {
        Page<CommitmentView> page;
        int number = 0;
        do {
            page = service.find(filter, PageRequest.of(number++, EXPORT_PAGE, Sort.by("dueDate", "id")));
            page.forEach(row);
        } while (page.hasNext());
    }

    @Transactional(readOnly = true)
    public List<CommitmentHistoryEntry> history(Long id) {
        if (!commitments.existsById(id)) {
            throw new NotFoundException("commitment", id);
        }
        return audit.findByEntityTypeAndEntityIdOrderByAt("commitment", id).stream()
                .map(CommitmentRegister::entry)
                .toList();
    }

    private static CommitmentHistoryEntry entry(AuditEvent e) {
        return new CommitmentHistoryEntry(
                e.getEntityId(), e.getAt(), e.getActor(), e.getAction(), e.getBeforeState(), e.getAfterState());
    }

    private long count(CommitmentFilter filter, Todays today) {
        return query.count(filter, today, service.inactive(filter));
    }
}
