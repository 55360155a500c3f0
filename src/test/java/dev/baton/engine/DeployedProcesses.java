package dev.baton.engine;

import dev.baton.engine.DeployedPlaybooks.DeployedProcess;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Deployed versions for tests that give {@link DeployedPlaybooks} what Baton would have deployed, each
 * saying only what it is about: by default a bundled version 1 with no name, launched by managers, that
 * needs nothing from its caller, waits nowhere, has no building block and calls nothing.
 */
public final class DeployedProcesses {

    private DeployedProcesses() {}

    /** A version with the defaults; change what the test is about, then {@link Version#build()}. */
    public static Version version(String processId, long definitionKey) {
        return new Version(processId, definitionKey);
    }

    /**
     * The version 1 of the file's process as {@link PlaybookDeployer} remembers it: what its steps need from
     * a caller and what it calls read from the file, the file kept whole.
     *
     * @param bpmn a BPMN file with one executable process, of that id
     */
    static DeployedProcess fromFile(String processId, long definitionKey, String bpmn) {
        PlaybookXml.ProcessInfo info;
        try {
            info = PlaybookXml.parse(bpmn.getBytes(StandardCharsets.UTF_8)).processes().stream()
                    .filter(p -> p.id().equals(processId))
                    .findFirst()
                    .orElseThrow();
        } catch (Exception e) {
            throw new IllegalArgumentException("not a BPMN file with the process " + processId, e);
        }
        return version(processId, definitionKey)
                .callerNeeds(info.callerNeeds())
                .blocks(info.blocks())
                .calls(info.calls())
                .xml(bpmn)
                .build();
    }

    /** A {@link DeployedProcess} being described. */
    public static final class Version {
        private final String processId;
        private final long definitionKey;
        private String name;
        private int version = 1;
        private Set<String> launchRoles = Set.of("MANAGER");
        private CallerNeeds callerNeeds = CallerNeeds.NONE;
        private Map<String, String> activities = Map.of();
        private Map<String, String> scopes = Map.of();
        private Set<String> blocks = Set.of();
        private Set<String> calls = Set.of();
        private String xml = "";

        private Version(String processId, long definitionKey) {
            this.processId = processId;
            this.definitionKey = definitionKey;
        }

        public Version name(String name) {
            this.name = name;
            return this;
        }

        public Version version(int version) {
            this.version = version;
            return this;
        }

        public Version launchRoles(Set<String> launchRoles) {
            this.launchRoles = launchRoles;
            return this;
        }

        /** Only the account: why its own steps need one. */
        public Version accountNeededBy(String why) {
            this.callerNeeds = new CallerNeeds(why, Map.of());
            return this;
        }

        Version callerNeeds(CallerNeeds callerNeeds) {
            this.callerNeeds = callerNeeds;
            return this;
        }

        public Version activities(Map<String, String> activities) {
            this.activities = activities;
            return this;
        }

        public Version scopes(Map<String, String> scopes) {
            this.scopes = scopes;
            return this;
        }

        public Version blocks(Set<String> blocks) {
            this.blocks = blocks;
            return this;
        }

        public Version calls(Set<String> calls) {
            this.calls = calls;
            return this;
        }

        public Version xml(String xml) {
            this.xml = xml;
            return this;
        }

        public DeployedProcess build() {
            return new DeployedProcess(
                    processId,
                    name,
                    version,
                    definitionKey,
                    processId + ".bpmn",
                    null,
                    launchRoles,
                    callerNeeds,
                    "bundled",
                    Instant.EPOCH,
                    activities,
                    scopes,
                    blocks,
                    calls,
                    xml);
        }
    }
}
