package dev.baton.quality;

import dev.baton.account.AccountQuality;
import dev.baton.account.AccountService;
import dev.baton.account.ContactService;
import dev.baton.account.ContactView;
import dev.baton.commitment.CommitmentFilter;
import dev.baton.commitment.CommitmentService;
import dev.baton.commitment.CommitmentView;
import dev.baton.people.PeopleService;
import dev.baton.people.PersonView;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The data-quality findings and their one-click fixes, each audited by the service that makes the change. */
@Service
public class QualityService {

    private static final CommitmentFilter UNOWNED = new CommitmentFilter(null, null, null, null, false, true);

    private final AccountQuality accountQuality;
    private final AccountService accounts;
    private final ContactService contacts;
    private final CommitmentService commitments;
    private final PeopleService people;
    private final QualitySettings settings;
    private final Clock clock;

    QualityService(
            AccountQuality accountQuality,
            AccountService accounts,
            ContactService contacts,
            CommitmentService commitments,
            PeopleService people,
            QualitySettings settings,
            Clock clock) {
        this.accountQuality = accountQuality;
        this.accounts = accounts;
        this.contacts = contacts;
        this.commitments = commitments;
        this.people = people;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public QualitySummary summary() {
        Map<QualityKind, Long> totals = new EnumMap<>(QualityKind.class);
        List<QualitySummary.OwnerCounts> owners = new ArrayList<>();
        Map<Long, String> names = people.find(null, null, null, Pageable.unpaged(Sort.by("id"))).stream()
                .collect(java.util.stream.Collectors.toMap(PersonView::id, PersonView::fullName));
        accountQuality.countsByOwner(staleBefore()).forEach((ownerId, counts) -> {
            Map<QualityKind, Long> byKind = new EnumMap<>(QualityKind.class);
            counts.forEach((kind, n) -> byKind.put(QualityKind.valueOf(kind), n));
            byKind.forEach((kind, n) -> totals.merge(kind, n, Long::sum));
            owners.add(new QualitySummary.OwnerCounts(ownerId, ownerId == null ? null : names.get(ownerId), byKind));
        });
        long unowned = commitments.find(UNOWNED, PageRequest.of(0, 1)).getTotalElements();
        if (unowned > 0) {
            totals.put(QualityKind.COMMITMENT_WITHOUT_ACTIVE_OWNER, unowned);
        }
        owners.sort(Comparator.comparing(
                QualitySummary.OwnerCounts::ownerName, Comparator.nullsFirst(Comparator.naturalOrder())));
        return new QualitySummary(settings.staleAfter().toDays(), totals, owners);
    }

    /** One page of findings of {@code kind}, of one owner's accounts when {@code ownerId} is given, by account. */
    @Transactional(readOnly = true)
    public Page<QualityFinding> findings(QualityKind kind, Long ownerId, Pageable pageable) {
        if (kind == QualityKind.COMMITMENT_WITHOUT_ACTIVE_OWNER) {
            return commitments
                    .find(
                            UNOWNED,
                            PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by("dueDate", "id")))
                    .map(QualityService::finding);
        }
        List<QualityFinding> page = accountQuality
                .findings(kind.name(), staleBefore(), ownerId, pageable.getPageSize() + 1, pageable.getOffset())
                .stream()
                .map(f -> finding(kind, f))
                .toList();
        boolean more = page.size() > pageable.getPageSize();
        List<QualityFinding> content = more ? page.subList(0, pageable.getPageSize()) : page;
        // the total is known exactly from the summary; here only "is there another page"
        return new PageImpl<>(content, pageable, pageable.getOffset() + content.size() + (more ? 1 : 0));
    }

    /** Fix: the contact's details were checked with the customer (audited as contact.verified). */
    @Transactional
    public ContactView verify(Long contactId) {
        return contacts.verify(contactId);
    }

    /** Fix: merges a duplicate into another contact at the same account, keeping its interactions and commitments. */
    @Transactional
    public ContactView merge(Long duplicateId, Long intoId) {
        contacts.get(duplicateId);
        contacts.get(intoId);
        commitments.moveContact(duplicateId, intoId);
        return contacts.merge(duplicateId, intoId);
    }

    /** Fix: gives an account to an active person (audited as account.transferred). */
    @Transactional
    public void assignAccount(Long accountId, Long ownerId) {
        accounts.transfer(accountId, ownerId, null);
    }

    /** Fix: gives an open commitment to an active person (audited as commitment.reassigned). */
    @Transactional
    public CommitmentView assignCommitment(Long commitmentId, Long ownerId) {
        return commitments.reassign(commitmentId, ownerId, null);
    }

    private Instant staleBefore() {
        return clock.instant().minus(settings.staleAfter());
    }

    private static QualityFinding finding(QualityKind kind, AccountQuality.Finding f) {
        boolean contact = f.contactId() != null;
        return new QualityFinding(
                kind,
                f.accountId(),
                f.accountName(),
                f.ownerId(),
                f.ownerName(),
                contact ? "contact" : "account",
                contact ? f.contactId() : f.accountId(),
                contact ? f.contactName() : f.accountName(),
                f.otherContactId(),
                f.otherContactName(),
                f.detail());
    }

    private static QualityFinding finding(CommitmentView c) {
        return new QualityFinding(
                QualityKind.COMMITMENT_WITHOUT_ACTIVE_OWNER,
                c.accountId(),
                c.accountName(),
                c.ownerId(),
                c.ownerUsername(),
                "commitment",
                c.id(),
                c.description(),
                null,
                null,
                (c.ownerUsername() == null ? "no owner" : c.ownerUsername() + " has left") + ", due " + c.dueDate());
    }
}
