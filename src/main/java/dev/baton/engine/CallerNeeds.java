package dev.baton.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * What a process needs from whoever starts it, a launch from the catalogue or a call: an account
 * ({@code accountId}), and the variables only Baton sets at launch ({@code accountOwner}, {@code
 * ownerManager}, {@code launchedBy}), each with why in words. Read once per process from its own steps
 * when it is deployed ({@link #of}); what the processes it calls need comes on top where a caller is
 * judged ({@link DeployedPlaybooks#callerNeeds}).
 *
 * @param accountNeededBy why it runs only on an account ({@link AccountUse#neededBy}, e.g. "step 'Record
 *     review' (task_record_review) reads accountId"), or null when it does not
 * @param launchVariablesNeededBy why it needs each variable only Baton sets ({@link
 *     AccountUse#launchVariablesNeededBy}), by variable in {@link dev.baton.blocks.Blocks#RESERVED} order;
 *     empty when it needs none
 */
public record CallerNeeds(String accountNeededBy, Map<String, String> launchVariablesNeededBy) {

    /** A process that needs neither an account nor any variable Baton sets at launch. */
    public static final CallerNeeds NONE = new CallerNeeds(null, Map.of());

    public CallerNeeds {
        launchVariablesNeededBy = Collections.unmodifiableMap(new LinkedHashMap<>(launchVariablesNeededBy));
    }

    /** What the process's own steps need (subprocesses included; not what the processes it calls need). */
    static CallerNeeds of(Element process) {
        return new CallerNeeds(AccountUse.neededBy(process), AccountUse.launchVariablesNeededBy(process));
    }
}
