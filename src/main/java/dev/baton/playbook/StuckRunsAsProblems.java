package dev.baton.playbook;

import dev.baton.engine.ProcessModels;
import dev.baton.engine.StuckRunProblems;
import dev.baton.playbook.StuckRuns.Run;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** The catalogue's stuck runs ({@link StuckRuns}) on the admins' problems page; none when incidents are not known. */
@Component
class StuckRunsAsProblems implements StuckRunProblems {

    private final StuckRuns stuck;
    private final ProcessModels models;

    StuckRunsAsProblems(StuckRuns stuck, ProcessModels models) {
        this.stuck = stuck;
        this.models = models;
    }

    @Override
    public List<StuckRun> stuckRuns(int limit) {
        if (!stuck.known()) {
            return List.of();
        }
        return stuck.runs(null, true, limit).stream()
                .flatMap(this::problems)
                .sorted(Comparator.comparing(StuckRun::since).reversed())
                .toList();
    }

    private Stream<StuckRun> problems(Run run) {
        PlaybookInstance i = run.instance();
        String name = models.processName(i.getProcessDefinitionKey(), i.getBpmnProcessId());
        return run.incidents().stream()
                .map(at -> new StuckRun(
                        i.getProcessInstanceKey(),
                        name == null ? i.getBpmnProcessId() : name,
                        "/playbooks/instances/" + i.getProcessInstanceKey(),
                        at.processInstanceKey(),
                        at.processId(),
                        at.elementId(),
                        at.elementName(),
                        at.errorType(),
                        at.message(),
                        at.explanation(),
                        at.raisedAt()));
    }
}
