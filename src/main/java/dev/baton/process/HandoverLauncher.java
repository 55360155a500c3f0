package dev.baton.process;

import dev.baton.handover.HandoverProcess;
import dev.baton.process.HandoverBpmn.Rep;
import dev.baton.process.HandoverBpmn.Vars;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Starts {@code rep-handover} with ids and the usernames its user tasks are assigned to; nothing else. */
@Component
class HandoverLauncher implements HandoverProcess {

  private final Playbooks playbooks;

  HandoverLauncher(Playbooks playbooks) {
    this.playbooks = playbooks;
  }

  @Override
  public long start(long handoverId, List<Long> itemIds, String manager, String departing, Instant leaveEndsAt) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(Vars.HANDOVER_ID, handoverId);
    variables.put(Vars.ITEM_IDS, itemIds);
    variables.put(Vars.MANAGER, manager);
    variables.put(Vars.DEPARTING, departing);
    variables.put(Vars.TEMPORARY, leaveEndsAt != null);
    if (leaveEndsAt != null) {
      variables.put(Vars.LEAVE_ENDS_AT, leaveEndsAt.toString());
    }
    return playbooks.start(Rep.PROCESS_ID, variables);
  }
}
