package dev.baton.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.CamundaFuture;
import io.camunda.client.api.response.DeleteResourceResponse;
import io.camunda.client.api.response.DeploymentEvent;
import io.camunda.client.api.response.Form;
import io.camunda.client.api.response.Process;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;

/**
 * A deployment made inside the transaction that keeps the playbook: when that transaction commits,
 * the catalogue learns the new versions; when it does not (the commit failed, or its outcome is
 * unknown), what the deployment made is deleted from the engine again, so that the engine keeps no
 * version Baton does not know (a call activity's default binding, "latest", would run it).
 *
 * <p>Best effort: each resource the deployment created (process definitions, forms) is deleted by
 * its key, on the thread that ended the transaction, so the upload answers once the engine is clean.
 * One the engine already had (an unchanged file comes back with its old key) is left: a kept version
 * depends on it. A deletion the engine refuses or does not confirm within {@link #TIMEOUT} is logged
 * at ERROR with its key, for an operator to check and delete by hand. On an unknown outcome the
 * upload may have been kept after all: then the next start deploys it again, which is better than a
 * version nobody knows. The engine does not hand out a deleted version's number again: the next
 * upload after a deleted version 2 becomes version 3, and the catalogue shows 1 and 3.
 *
 * <p>Zeebe Process Test 8.8 (the in-memory engine) carries out a DeleteResource command but never
 * answers it (its {@code GrpcResponseMapper} maps no DeleteResource response): there every deletion
 * ends unconfirmed after the timeout, and the engine's records show it done.
 */
final class UnkeptDeployment implements TransactionSynchronization {

    private static final Logger log = LoggerFactory.getLogger(UnkeptDeployment.class);
    /** How long the upload waits for the engine to confirm the deletions (all sent at once). */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final CamundaClient client;
    private final String resourceName;
    private final DeploymentEvent event;
    private final Runnable onCommit;

    UnkeptDeployment(CamundaClient client, String resourceName, DeploymentEvent event, Runnable onCommit) {
        this.client = client;
        this.resourceName = resourceName;
        this.event = event;
        this.onCommit = onCommit;
    }

    @Override
    public void afterCompletion(int status) {
        if (status == STATUS_COMMITTED) {
            onCommit.run();
        } else {
            undo(status == STATUS_UNKNOWN ? "the database's answer to the commit is unknown" : "it was rolled back");
        }
    }

    /**
     * The resources this deployment created, by key. The engine draws a deployment's key before the
     * keys of the resources it creates (Zeebe 8.8 {@code DeploymentCreateProcessor}), all on the
     * deployment partition: a resource it already had answers with an older, smaller key. (A
     * deployment with any changed file makes all its files new versions, an unchanged form too.)
     */
    Map<Long, String> created() {
        Map<Long, String> created = new LinkedHashMap<>();
        for (Process p : event.getProcesses()) {
            if (p.getProcessDefinitionKey() > event.getKey()) {
                created.put(p.getProcessDefinitionKey(), "process " + p.getBpmnProcessId() + " v" + p.getVersion());
            }
        }
        for (Form f : event.getForm()) {
            if (f.getFormKey() > event.getKey()) {
                created.put(f.getFormKey(), "form " + f.getFormId() + " v" + f.getVersion());
            }
        }
        return created;
    }

    private void undo(String why) {
        Map<Long, String> created = created();
        if (created.isEmpty()) {
            log.warn(
                    "Playbook {} was not kept by Baton ({}); the engine had all of it already: nothing to delete",
                    resourceName,
                    why);
            return;
        }
        log.warn(
                "Playbook {} was deployed (deployment {}) but Baton did not keep it ({}): deleting from the engine {}",
                resourceName,
                event.getKey(),
                why,
                created);
        // sent together, so a silent engine holds the request thread for one timeout, not one per resource
        Map<Long, CamundaFuture<DeleteResourceResponse>> sent = new LinkedHashMap<>();
        Map<Long, String> unconfirmed = new LinkedHashMap<>();
        created.forEach((key, what) -> {
            try {
                sent.put(
                        key,
                        client.newDeleteResourceCommand(key)
                                .requestTimeout(TIMEOUT)
                                .send());
            } catch (RuntimeException e) {
                unconfirmed.put(key, what + ": " + e.getMessage());
            }
        });
        sent.forEach((key, answer) -> {
            try {
                answer.join();
            } catch (RuntimeException e) {
                unconfirmed.put(key, created.get(key) + ": " + e.getMessage());
            }
        });
        if (unconfirmed.isEmpty()) {
            log.warn(
                    "Playbook {} is deleted from the engine again: it has no version Baton does not know",
                    resourceName);
        } else {
            log.error(
                    "Playbook {} may still be in the engine, not kept by Baton: the engine did not confirm deleting"
                            + " these resources. An operator must check each key and delete those still there"
                            + " (DeleteResource, e.g. POST /v2/resources/<key>/deletion): {}",
                    resourceName,
                    unconfirmed);
        }
    }
}
