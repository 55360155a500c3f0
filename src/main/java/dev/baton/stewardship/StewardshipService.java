package dev.baton.stewardship;

import dev.baton.account.Account;
import dev.baton.account.Contact;
import dev.baton.account.ContactDetails;
import dev.baton.account.ContactService;
import dev.baton.account.InteractionKind;
import dev.baton.account.InteractionService;
import dev.baton.account.NewInteraction;
import dev.baton.people.PeopleService;
import dev.baton.people.Person;
import dev.baton.people.Role;
import dev.baton.people.TimeZones;
import dev.baton.shared.BadRequestException;
import dev.baton.shared.ConflictException;
import dev.baton.shared.DateLimits;
import dev.baton.shared.NotFoundException;
import dev.baton.stewardship.StewardshipContact.Outcome;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contact stewardship: per owner and period, one review of their contacts not verified within the
 * window; an outcome per contact (verified, changed, left the company); when a primary contact or a
 * champion left, the owner names a successor and plans an introduction. Periods are judged in the
 * owner's time zone.
 */
@Service
public class StewardshipService {

    /** What the process starts with. */
    public record Launch(long reviewId, String ownerUsername, Instant dueAt) {}

    /** A contact as the review lists it; {@code outcome} null until answered. */
    public record Line(
            long contactId,
            long accountId,
            String accountName,
            String fullName,
            String title,
            String email,
            String phone,
            boolean primary,
            boolean champion,
            Instant lastVerifiedAt,
            Outcome outcome,
            long version) {}

    /** A review as its page shows it: {@code ownerName} is the owner's full name, for people to read. */
    public record ReviewView(
            long id, String ownerUsername, String ownerName, Instant openedAt, Instant closedAt, List<Line> contacts) {
        long unanswered() {
            return contacts.stream().filter(c -> c.outcome() == null).count();
        }
    }

    /** A contact who left while being the account's primary contact or champion: a successor is needed. */
    public record FollowUp(long accountId, long contactId) {}

    /** The owner's answer to a follow-up: an existing contact, or a new one's details; and the introduction. */
    public record Successor(Long contactId, ContactDetails newContact, String plan, LocalDate introductionOn) {}

    private final dev.baton.account.AccountService accounts;
    private final StewardshipReviews reviews;
    private final StewardshipContacts lines;
    private final ContactService contacts;
    private final InteractionService interactions;
    private final PeopleService people;
    private final TimeZones zones;
    private final ApplicationEventPublisher events;
    private final StewardshipSettings settings;
    private final Clock clock;

    StewardshipService(
            dev.baton.account.AccountService accounts,
            StewardshipReviews reviews,
            StewardshipContacts lines,
            ContactService contacts,
            InteractionService interactions,
            PeopleService people,
            TimeZones zones,
            ApplicationEventPublisher events,
            StewardshipSettings settings,
            Clock clock) {
        this.accounts = accounts;
        this.reviews = reviews;
        this.lines = lines;
        this.contacts = contacts;
        this.interactions = interactions;
        this.people = people;
        this.zones = zones;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Opens the owner's review when they have contacts not verified within the window, none is open and
     * none was opened within the period (a second run, instance or restart finds it and does nothing).
     * Publishes {@link StewardshipEvents.Opened}.
     *
     * @return the new review's id, or empty
     */
    @Transactional
    public Optional<Long> open(long ownerId) {
        Person owner = people.referenced(ownerId, "ownerId");
        ZoneId zone = zones.of(owner);
        Instant now = clock.instant();
        Instant periodStart =
                now.atZone(zone).minus(settings.every()).plusDays(1).toInstant();
        Instant verifiedSince = now.atZone(zone).minus(settings.window()).toInstant();
        List<Contact> stale = contacts.ofAccountsOwnedBy(owner).stream()
                .filter(c -> !c.isRetired())
                .filter(c ->
                        c.getLastVerifiedAt() == null || c.getLastVerifiedAt().isBefore(verifiedSince))
                .toList();
        if (stale.isEmpty()
                || reviews.existsByOwnerIdAndOpenedAtAfter(ownerId, periodStart)
                || reviews.open(ownerId, now) == 0) {
            return Optional.empty();
        }
        long reviewId =
                reviews.findByOwnerIdAndClosedAtIsNull(ownerId).orElseThrow().getId();
        stale.forEach(c -> lines.save(new StewardshipContact(reviewId, c.getId())));
        events.publishEvent(new StewardshipEvents.Opened(reviewId));
        return Optional.of(reviewId);
    }

    @Transactional(readOnly = true)
    public Launch launch(long reviewId) {
        StewardshipReview review = review(reviewId);
        Person owner = people.referenced(review.getOwnerId(), "ownerId");
        Instant due = review.getOpenedAt()
                .atZone(zones.of(owner))
                .plus(settings.reviewDueIn())
                .toInstant();
        return new Launch(reviewId, owner.getUsername(), due);
    }

    /** The review with its contacts, by account then name; unknown is 404. */
    @Transactional(readOnly = true)
    public ReviewView view(long reviewId) {
        StewardshipReview review = review(reviewId);
        Person owner = people.referenced(review.getOwnerId(), "ownerId");
        Map<Long, StewardshipContact> outcomes = lines.findByReviewIdOrderById(reviewId).stream()
                .collect(Collectors.toMap(StewardshipContact::getContactId, Function.identity()));
        List<Line> listed = contacts.byIds(outcomes.keySet()).stream()
                .filter(c -> outcomes.containsKey(c.getId()))
                .map(c -> line(c, outcomes.get(c.getId()).getOutcome()))
                .toList();
        return new ReviewView(
                reviewId, owner.getUsername(), owner.getFullName(), review.getOpenedAt(), review.getClosedAt(), listed);
    }

    /**
     * Records the owner's outcome for one listed contact: verified sets its verification date, changed
     * updates its details (checked by the caller as {@link ContactDetails}) and verifies it, left retires
     * it. The same outcome twice changes nothing.
     *
     * @throws AccessDeniedException unless {@code actor} is the review's owner or an admin
     * @throws BadRequestException naming {@code details} when a change comes without them, or another
     *     outcome with them
     * @throws ConflictException when the contact already has another outcome (said in words, with the
     *     contact's name), or the review is closed
     * @throws NotFoundException when the review does not list the contact
     */
    @Transactional
    public ReviewView record(long reviewId, long contactId, Outcome outcome, ContactDetails details, String actor) {
        StewardshipReview review = review(reviewId);
        requireOwnerOrAdmin(review, actor);
        if (details != null && outcome != Outcome.CHANGED) {
            // refused rather than dropped without a word (probe 45, F9), as any field a request does not use
            throw new BadRequestException(
                    "details",
                    "only for the outcome changed: verified and left keep the contact's details as they are");
        }
        StewardshipContact line = lines.findByReviewIdAndContactId(reviewId, contactId)
                .orElseThrow(() -> NotFoundException.notPartOf("contact", contactId, "stewardship review", reviewId));
        if (line.getOutcome() == outcome) {
            return view(reviewId);
        }
        var before = contacts.get(contactId);
        if (line.getOutcome() != null) {
            throw new ConflictException(before.fullName() + " already has an outcome: " + inWords(line.getOutcome()));
        }
        if (review.getClosedAt() != null) {
            throw new ConflictException("this review is closed: " + before.fullName() + " gets no outcome here");
        }
        switch (outcome) {
            case VERIFIED -> contacts.verify(contactId);
            case CHANGED -> {
                if (details == null) {
                    throw new BadRequestException("details", "a change needs the contact's new details");
                }
                contacts.update(contactId, details);
                contacts.verify(contactId);
            }
            case LEFT -> contacts.retire(contactId);
        }
        line.decide(outcome, before.primary(), before.champion(), actor, clock.instant());
        return view(reviewId);
    }

    /** @throws BadRequestException naming {@code reviewed} while a listed contact has no outcome */
    @Transactional(readOnly = true)
    public void requireAllAnswered(long reviewId) {
        ReviewView view = view(reviewId);
        if (view.unanswered() > 0) {
            throw new BadRequestException(
                    "reviewed",
                    view.unanswered() + " of " + view.contacts().size()
                            + " contacts have no outcome yet: record verified, changed or left for each");
        }
    }

    /** Closes the review (again: no change); returns the contacts who left as primary contact or champion. */
    @Transactional
    public List<FollowUp> close(long reviewId) {
        review(reviewId).close(clock.instant());
        return view(reviewId).contacts().stream()
                .filter(c -> c.outcome() == Outcome.LEFT)
                .filter(c -> {
                    StewardshipContact line = lines.findByReviewIdAndContactId(reviewId, c.contactId())
                            .orElseThrow();
                    return line.isWasPrimary() || line.isWasChampion();
                })
                .map(c -> new FollowUp(c.accountId(), c.contactId()))
                .toList();
    }

    /**
     * The owner names who follows a contact that left: an existing contact of the account (not retired)
     * or a new one, made primary contact and/or champion as the one who left was; the planned
     * introduction is logged on the account's timeline as a note by {@code actor}.
     *
     * @throws BadRequestException naming {@code successorContactId} / {@code successorFullName} /
     *     {@code introductionPlan} when the answer does not name a usable contact or plan, {@code
     *     introductionOn} when the introduction is planned before today in {@code actor}'s time zone (the
     *     timeline would announce a plan for a day gone by) or more than 50 years ahead ({@link
     *     DateLimits}); nothing changes then
     */
    @Transactional
    public long nameSuccessor(long leftContactId, Successor answer, String actor) {
        Contact left = contacts.byIds(List.of(leftContactId)).stream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException("contact", leftContactId));
        Account account = left.getAccount();
        StewardshipContact roles = lines.findFirstByContactIdAndOutcomeOrderByIdDesc(leftContactId, Outcome.LEFT)
                .orElseThrow(
                        () -> new BadRequestException("successorContactId", left.getFullName() + " did not leave"));
        LocalDate today = zones.today(zones.ofUsername(actor));
        DateLimits.requireTodayOrLater("introductionOn", answer.introductionOn(), today);
        long successorId;
        if (answer.contactId() != null) {
            Contact named = contacts.referenced(answer.contactId(), account, "successorContactId");
            if (named.isRetired()) {
                throw new BadRequestException("successorContactId", named.getFullName() + " left the company too");
            }
            successorId = named.getId();
        } else if (answer.newContact() != null) {
            successorId = contacts.create(account.getId(), answer.newContact()).id();
        } else {
            throw new BadRequestException(
                    "successorContactId", "name an existing contact, or give a new contact's full name");
        }
        if (answer.plan() == null || answer.plan().isBlank()) {
            throw new BadRequestException("introductionPlan", "say how and when you will be introduced");
        }
        var successor = contacts.appoint(successorId, roles.isWasPrimary(), roles.isWasChampion());
        String role = roles.isWasPrimary() && roles.isWasChampion()
                ? "primary contact and champion"
                : roles.isWasPrimary() ? "primary contact" : "champion";
        String when = answer.introductionOn() == null ? "" : " on " + answer.introductionOn();
        interactions.log(
                account.getId(),
                new NewInteraction(
                        InteractionKind.NOTE,
                        successor.fullName() + " follows " + left.getFullName() + " as " + role
                                + "; introduction planned" + when + ": "
                                + answer.plan().trim(),
                        successorId,
                        null),
                actor);
        return successorId;
    }

    /** Active people who own accounts, by id; {@code only} limits them (null: all). */
    @Transactional(readOnly = true)
    public List<Long> owners(java.util.Collection<Long> only) {
        return accounts.activeOwnerIds().stream()
                .filter(id -> only == null || only.contains(id))
                .toList();
    }

    /** An outcome as the review's page offers it. */
    private static String inWords(Outcome outcome) {
        return switch (outcome) {
            case VERIFIED -> "verified (still right)";
            case CHANGED -> "details changed";
            case LEFT -> "left the company";
        };
    }

    private Line line(Contact c, Outcome outcome) {
        return new Line(
                c.getId(),
                c.getAccount().getId(),
                c.getAccount().getName(),
                c.getFullName(),
                c.getTitle(),
                c.getEmail(),
                c.getPhone(),
                c.isPrimary(),
                c.isChampion(),
                c.getLastVerifiedAt(),
                outcome,
                c.getVersion());
    }

    private void requireOwnerOrAdmin(StewardshipReview review, String actor) {
        Person person = people.signedIn(actor);
        if (!person.getId().equals(review.getOwnerId()) && !person.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("only the review's owner or an admin records its outcomes");
        }
    }

    StewardshipReview review(long id) {
        return reviews.findById(id).orElseThrow(() -> new NotFoundException("stewardship review", id));
    }
}
