package dev.baton.people;

import dev.baton.audit.AuditLines;
import java.util.HashSet;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A manager's reporting line for the audit trail, by {@link ReportingLines#line}. */
@Component
class AuditReaderLines implements AuditLines {

    private final People people;
    private final ReportingLines lines;

    AuditReaderLines(People people, ReportingLines lines) {
        this.people = people;
        this.lines = lines;
    }

    @Override
    @Transactional(readOnly = true)
    public Set<String> selfAndLine(String username) {
        Set<String> actors = new HashSet<>(Set.of(username));
        people.findByUsername(username).ifPresent(manager -> actors.addAll(lines.line(manager)));
        return Set.copyOf(actors);
    }
}
