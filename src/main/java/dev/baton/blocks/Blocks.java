package dev.baton.blocks;

import java.util.List;
import java.util.Optional;

/**
 * The building blocks: service-task types revenue ops may use in Camunda Modeler, each served by a
 * thin Baton job worker. One definition, read by the workers (types, inputs to fetch), the upload
 * checks (required inputs), the catalogue page and the Modeler element templates.
 *
 * <p>A block reads each input from the task's input mappings (local variables, {@code
 * zeebe:input target="..."}) or else from its task headers ({@code zeebe:header key="..."}); every
 * block acts on the process variable {@code accountId} (a Baton account id), which the catalogue's
 * launch sets and a later step may change, for the person who launched the playbook ({@link
 * #LAUNCHED_BY}): it asks them the API's rule for that account when it runs (ADR 014).
 */
public final class Blocks {

    private Blocks() {}

    public static final String SEND_EMAIL = "baton.send-email";
    public static final String RECORD_INTERACTION = "baton.record-interaction";
    public static final String RECORD_COMMITMENT = "baton.record-commitment";
    public static final String CHECK_COMMITMENTS = "baton.check-commitments";
    public static final String REASSIGN_OWNER = "baton.reassign-owner";
    public static final String UPDATE_ACCOUNT = "baton.update-account";

    /** Variables Baton sets when a playbook is launched on an account (and reassign-owner updates). */
    public static final String ACCOUNT_ID = "accountId";

    public static final String ACCOUNT_OWNER = "accountOwner";
    public static final String OWNER_MANAGER = "ownerManager";

    /**
     * The user name of the person who launched the playbook from the catalogue, set by the launch (a
     * caller may not set it): every block acts with that person's rights on the account and in their
     * name on the audit trail (ADR 014).
     */
    public static final String LAUNCHED_BY = "launchedBy";

    /**
     * The variables only Baton sets ({@link #ACCOUNT_OWNER}, {@link #OWNER_MANAGER}, {@link
     * #LAUNCHED_BY}): they route steps to people and give blocks the rights they act with, so neither
     * a launch request nor the playbook itself (a form field, a mapping, a script's result) may set
     * them: a step's answer could otherwise name who "launched" it and act with their rights.
     */
    public static final List<String> RESERVED = List.of(ACCOUNT_OWNER, OWNER_MANAGER, LAUNCHED_BY);

    /** Why a playbook may not set the reserved variable {@code name}, in plain words. */
    public static String setByBaton(String name) {
        String also = name.equals(LAUNCHED_BY) ? "" : " (from the account; " + REASSIGN_OWNER + " updates it)";
        return name + " is set by Baton when the playbook is launched" + also + "; a playbook cannot set it";
    }

    /** Recipient roles of {@code baton.send-email}'s {@code to}. */
    public static final String TO_ACCOUNT_OWNER = "account-owner";

    public static final String TO_OWNER_MANAGER = "owner-manager";
    public static final String TO_PRIMARY_CONTACT = "primary-contact";
    public static final String TO_TEAM = "team";

    public static final List<String> RECIPIENT_ROLES =
            List.of(TO_ACCOUNT_OWNER, TO_OWNER_MANAGER, TO_PRIMARY_CONTACT, TO_TEAM);

    /**
     * One input of a block.
     *
     * @param choices the values it may take (empty: free), checked at upload when written as a static value
     * @param todayOrLater a date the block takes from the run's day on (an ISO date or a period from today,
     *     read by {@link BlockInputs#date}), checked at upload when written as a static value
     */
    public record Input(String name, boolean required, String description, List<String> choices, boolean todayOrLater) {
        static Input required(String name, String description, String... choices) {
            return new Input(name, true, description, List.of(choices), false);
        }

        static Input optional(String name, String description, String... choices) {
            return new Input(name, false, description, List.of(choices), false);
        }

        /** This input as a date the block takes from the run's day on. */
        Input fromToday() {
            return new Input(name, required, description, choices, true);
        }
    }

    /** An output variable a block sets. */
    public record Output(String name, String description) {}

    /**
     * A block: its job type, what it does, its inputs and its outputs; {@code oneOf} names optional
     * inputs of which at least one must be given (empty: no such rule).
     */
    public record Block(
            String type, String title, String summary, List<Input> inputs, List<Output> outputs, List<String> oneOf) {

        Block(String type, String title, String summary, List<Input> inputs, List<Output> outputs) {
            this(type, title, summary, inputs, outputs, List.of());
        }

        /** Names of the variables the worker fetches: its inputs and {@code accountId}. */
        public List<String> fetched() {
            return java.util.stream.Stream.concat(
                            java.util.stream.Stream.of(ACCOUNT_ID),
                            inputs.stream().map(Input::name))
                    .toList();
        }
    }

    public static final List<Block> ALL = List.of(
            new Block(
                    SEND_EMAIL,
                    "Send e-mail",
                    "Queues a mail from one of Baton's block templates to a recipient role, sent through"
                            + " Baton's outbox (once per step, even if the job arrives twice)",
                    List.of(
                            Input.required(
                                    "template",
                                    "the mail template: " + String.join(", ", BlockMailTemplates.NAMES),
                                    BlockMailTemplates.NAMES.toArray(String[]::new)),
                            Input.required(
                                    "to",
                                    "who receives it: account-owner, owner-manager, primary-contact (the account's"
                                            + " primary contact), team (every active member of the team named in 'team')",
                                    RECIPIENT_ROLES.toArray(String[]::new)),
                            Input.optional("team", "the team key when 'to' is team, e.g. customer-success"),
                            Input.optional("message", "a paragraph of text the template includes")),
                    List.of(new Output("emailRecipients", "how many people the mail was queued for"))),
            new Block(
                    RECORD_INTERACTION,
                    "Record interaction",
                    "Logs a call, meeting, e-mail or note on the account's timeline",
                    List.of(
                            Input.required("kind", "CALL, MEETING, EMAIL or NOTE", "CALL", "MEETING", "EMAIL", "NOTE"),
                            Input.required("summary", "what happened, in words"),
                            Input.optional(
                                    "by",
                                    "who logs it (user name or e-mail): the launcher, the account's owner or someone"
                                            + " the launcher may act for; the account's owner if not given")),
                    List.of(new Output("interactionId", "the logged interaction's id"))),
            new Block(
                    RECORD_COMMITMENT,
                    "Record commitment",
                    "Records a promise made to the customer, for the person who launched the playbook:"
                            + " they must be allowed to record it for that owner, as in the API, else it is an"
                            + " incident; its own commitment process starts as for any commitment (owner"
                            + " assignment, reminders, escalation)",
                    List.of(
                            Input.required("description", "what was promised"),
                            Input.required(
                                            "dueDate",
                                            "when it is due: an ISO date (2026-12-01) or a period from today (P14D)")
                                    .fromToday(),
                            Input.optional("owner", "who owns it (user name or e-mail); unassigned if not given"),
                            Input.optional("deliveringTeam", "the delivering team's key"),
                            Input.optional(
                                    "madeBy",
                                    "who made it (user name or e-mail): the launcher, the account's owner or someone"
                                            + " the launcher may act for; the account's owner if not given")),
                    List.of(new Output("commitmentId", "the recorded commitment's id"))),
            new Block(
                    CHECK_COMMITMENTS,
                    "Check commitments",
                    "Counts the account's commitments, for a gateway (e.g. =overdueCommitments > 0)",
                    List.of(),
                    List.of(
                            new Output("openCommitments", "open: proposed, accepted, delivered or rejected"),
                            new Output("overdueCommitments", "open, not yet delivered, and past their due date"),
                            new Output("breachedCommitments", "breached"))),
            new Block(
                    REASSIGN_OWNER,
                    "Reassign owner",
                    "Makes an active person the account's owner (its open commitments and tasks stay"
                            + " with their owners), for the person who launched the playbook: they must be"
                            + " allowed to move the account to them, as in the API, else it is an incident",
                    List.of(Input.required("newOwner", "the new owner (user name or e-mail); must be active")),
                    List.of(
                            new Output("previousOwner", "the former owner's user name"),
                            new Output(ACCOUNT_OWNER, "the new owner's user name (later steps follow it)"),
                            new Output(OWNER_MANAGER, "the new owner's manager's user name"))),
            new Block(
                    UPDATE_ACCOUNT,
                    "Update account",
                    "Sets the account's segment, territory and/or renewal date (at least one), for the person"
                            + " who launched the playbook: they must be allowed to edit the account, as in the API,"
                            + " else it is an incident",
                    List.of(
                            Input.optional("segment", "the new segment"),
                            Input.optional("territory", "the new territory"),
                            Input.optional("renewalDate", "the new renewal date, ISO (2027-03-31), today or later")
                                    .fromToday()),
                    List.of(new Output("accountVersion", "the account's version after the change")),
                    List.of("segment", "territory", "renewalDate")));

    public static Optional<Block> byType(String type) {
        return ALL.stream().filter(b -> b.type().equals(type)).findFirst();
    }

    /** {@code byType} for a block the caller knows exists. */
    public static Block of(String type) {
        return byType(type).orElseThrow();
    }
}
