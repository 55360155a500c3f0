package dev.baton.engine;

import java.util.List;
import java.util.Set;

/**
 * Where a playbook run waits, as the engine knows it: every element the run is active in (a task, a
 * subprocess, a timer or message catch event, a gateway), not only the user tasks Baton's inbox
 * sees. Only the in-process engine of embedded mode can be asked (its record log): the gRPC API has
 * no such query. So the bean exists in embedded mode only; take it as optional ({@code
 * ObjectProvider}) and say "cannot tell" without it.
 */
public interface ActiveElements {

    /**
     * The ids of the elements the instance is active in now, in the order it entered them; the
     * process itself and the elements of instances it called are left out. Empty when the instance
     * has ended or the engine does not know it.
     */
    Set<String> of(long processInstanceKey);

    /**
     * The instances that called the instance, while it runs: the one whose call activity started it
     * first, the instance started on its own (at the top of the calls) last. Empty when it was started
     * on its own, has ended, or the engine does not know it.
     */
    List<Long> callers(long processInstanceKey);
}
