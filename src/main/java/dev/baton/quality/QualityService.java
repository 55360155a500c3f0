package dev.baton.quality;

import dev.baton.account.AccountAccess;
import dev.baton.account.AccountQuality;
import dev.baton.account.AccountService;
import dev.baton.account.ContactService;
import dev.baton.account.ContactView;
import dev.baton.commitment.CommitmentAccess;
import dev.baton.commitment.CommitmentQuality;
import dev.baton.commitment.CommitmentService;
import dev.baton.commitment.CommitmentView;
import dev.baton.people.PeopleDirectory;
import dev.baton.shared.LockClashes;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The data-quality findings and their one-click fixes, each audited by the service that makes the
 * change. Every finding is listed under the owner of its account; a viewer sees the findings of the
 * accounts owned by people in their line ({@link PeopleDirectory#visibleTo}), an admin all of them
 * (also accounts without an owner). A fix is checked like the same change anywhere else in Baton.
 */
@Service
public class QualityService {

    private final AccountQuality accountQuality;
    private final CommitmentQuality commitmentQuality;
    private final AccountService accounts;
    private final AccountAccess accountAccess;
    private final ContactService contacts;
    private final CommitmentService commitments;
    private final CommitmentAccess commitmentAccess;
    private final PeopleDirectory directory;
    private final QualitySettings settings;
    private final Clock clock;
    private final TransactionTemplate tx;
    /** Runs the summary's aggregates beside its contact pass; when both threads are busy the caller runs them. */
    private final ThreadPoolTaskExecutor threads;

    private final Executor aside;

    QualityService(
            AccountQuality accountQuality,
            CommitmentQuality commitmentQuality,
            AccountService accounts,
            AccountAccess accountAccess,
            ContactService contacts,
            CommitmentService commitments,
            CommitmentAccess commitmentAccess,
            PeopleDirectory directory,
            QualitySettings settings,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.accountQuality = accountQuality;
        this.commitmentQuality = commitmentQuality;
        this.accounts = accounts;
        this.accountAccess = accountAccess;
        this.contacts = contacts;
        this.commitments = commitments;
        this.commitmentAccess = commitmentAccess;
        this.directory = directory;
        this.settings = settings;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.threads = new ThreadPoolTaskExecutor();
        threads.setCorePoolSize(2);
        threads.setMaxPoolSize(2);
        threads.setQueueCapacity(0);
        threads.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
        threads.setThreadNamePrefix("data-quality-");
        threads.initialize();
        this.aside = threads;
    }

    /**
     * How many findings of each kind {@code viewer} sees, in all and per account owner (by name).
     *
     * <p>The pass over every contact (the duplicate check is Java's work) and the account and
     * commitment aggregates (the database's) are independent, so the two aggregates run beside the
     * pass, each in a read-only transaction of its own: the summary takes about as long as the pass
     * alone. Not one transaction, so the three parts may see the data a moment apart; and this thread
     * holds no connection while it waits for the other two, so a full pool cannot deadlock them.
     */
    public QualitySummary summary(String viewer) {
        Set<Long> scope = directory.visibleTo(viewer);
        CompletableFuture<Map<Long, Map<String, Long>>> accountCounts =
                CompletableFuture.supplyAsync(() -> accountQuality.accountCountsByOwner(scope), aside);
        CompletableFuture<Map<Long, Long>> commitmentCounts =
                CompletableFuture.supplyAsync(() -> commitmentQuality.countsByAccountOwner(scope), aside);
        Map<Long, Map<String, Long>> contactCounts = accountQuality.contactCountsByOwner(staleBefore(), scope);
        Map<Long, Map<QualityKind, Long>> byOwner = new HashMap<>();
        for (Map<Long, Map<String, Long>> part : List.of(contactCounts, done(accountCounts))) {
            part.forEach((ownerId, counts) ->
                    counts.forEach((kind, n) -> byOwner.computeIfAbsent(ownerId, o -> new EnumMap<>(QualityKind.class))
                            .put(QualityKind.valueOf(kind), n)));
        }
        done(commitmentCounts)
                .forEach((ownerId, n) -> byOwner.computeIfAbsent(ownerId, o -> new EnumMap<>(QualityKind.class))
                        .put(QualityKind.COMMITMENT_WITHOUT_ACTIVE_OWNER, n));
        Map<Long, String> names = directory.everyone().stream()
                .collect(Collectors.toMap(PeopleDirectory.Entry::id, PeopleDirectory.Entry::fullName));
        Map<QualityKind, Long> totals = new EnumMap<>(QualityKind.class);
        List<QualitySummary.OwnerCounts> owners = new ArrayList<>();
        byOwner.forEach((ownerId, counts) -> {
            counts.forEach((kind, n) -> totals.merge(kind, n, Long::sum));
            owners.add(new QualitySummary.OwnerCounts(ownerId, ownerId == null ? null : names.get(ownerId), counts));
        });
        owners.sort(Comparator.comparing(
                        QualitySummary.OwnerCounts::ownerName, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(QualitySummary.OwnerCounts::ownerId, Comparator.nullsFirst(Comparator.naturalOrder())));
        return new QualitySummary(settings.staleAfter().toDays(), totals, owners);
    }

    /** The part's result; its own exception when it failed. */
    private static <T> T done(CompletableFuture<T> part) {
        try {
            return part.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @PreDestroy
    void stop() {
        threads.shutdown();
    }

    /**
     * One page of the findings of {@code kind} that {@code viewer} sees, of one owner's accounts when
     * {@code ownerId} is given; by account (commitments: by due date), then subject.
     */
    @Transactional(readOnly = true)
    public Page<QualityFinding> findings(QualityKind kind, Long ownerId, String viewer, Pageable pageable) {
        Set<Long> scope = directory.visibleTo(viewer);
        int limit = pageable.getPageSize() + 1;
        List<QualityFinding> page = kind == QualityKind.COMMITMENT_WITHOUT_ACTIVE_OWNER
                ? commitmentQuality.findings(ownerId, scope, limit, pageable.getOffset()).stream()
                        .map(QualityService::finding)
                        .toList()
                : accountQuality
                        .findings(kind.name(), staleBefore(), ownerId, scope, limit, pageable.getOffset())
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
    public ContactView verify(Long contactId, String viewer) {
        accountAccess.requireMayChangeContact(contactId, viewer);
        return contacts.verify(contactId);
    }

    /**
     * Fix: merges a duplicate into another contact at the same account, keeping its interactions and
     * commitments. In a transaction of its own, tried again after a deadlock with other work on the rows
     * it moves ({@link LockClashes}: a lead's assignment, in CI).
     */
    public ContactView merge(Long duplicateId, Long intoId, String viewer) {
        return LockClashes.retried(tx, status -> {
            accountAccess.requireMayChangeContact(duplicateId, viewer);
            return contacts.merge(duplicateId, intoId);
        });
    }

    /** Fix: gives an account to an active person (audited as account.transferred). */
    @Transactional
    public void assignAccount(Long accountId, Long ownerId, String viewer) {
        accounts.get(accountId);
        accountAccess.requireMayReassign(accountId, ownerId, viewer);
        accounts.transfer(accountId, ownerId, null);
    }

    /** Fix: gives an open commitment to an active person (audited as commitment.reassigned). */
    @Transactional
    public CommitmentView assignCommitment(Long commitmentId, Long ownerId, String viewer) {
        commitments.get(commitmentId);
        commitmentAccess.requireMayReassign(commitmentId, ownerId, viewer);
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

    private static QualityFinding finding(CommitmentQuality.Finding c) {
        return new QualityFinding(
                QualityKind.COMMITMENT_WITHOUT_ACTIVE_OWNER,
                c.accountId(),
                c.accountName(),
                c.accountOwnerId(),
                c.accountOwnerName(),
                "commitment",
                c.commitmentId(),
                c.description(),
                null,
                null,
                (c.ownerName() == null ? "no owner" : c.ownerName() + " has left") + ", due " + c.dueDate());
    }
}
