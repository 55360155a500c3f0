package dev.baton.embedded;

import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Ports Baton would listen on are already taken, found by {@link PortCheck} before anything started.
 * Reported by {@link Analyzer} as Spring Boot's "APPLICATION FAILED TO START" message, as Boot reports
 * its own web server's "Port 8080 was already in use", naming each port and the setting that moves it.
 */
final class PortsInUse extends RuntimeException {

    /**
     * One port Baton would listen on.
     *
     * @param what what would listen there, e.g. "the embedded mail server (IMAP)"
     * @param address the address it binds, null for every interface
     * @param port 1-65535
     * @param setting the environment variable that moves it
     */
    record Port(String what, String address, int port, String setting) {

        @Override
        public String toString() {
            return (address == null ? "" : address) + ":" + port + " for " + what + " (" + setting + ")";
        }
    }

    private final List<Port> taken;

    /** @param taken at least one port */
    PortsInUse(List<Port> taken) {
        super("ports already in use: " + taken);
        this.taken = List.copyOf(taken);
    }

    List<Port> taken() {
        return taken;
    }

    /** Registered in META-INF/spring.factories. */
    static final class Analyzer extends AbstractFailureAnalyzer<PortsInUse> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, PortsInUse cause) {
            String nl = System.lineSeparator();
            String ports = cause.taken.stream()
                    .map(p -> "  - port " + p.port() + (p.address() == null ? "" : " on " + p.address()) + " ("
                            + p.what() + "): set " + p.setting() + " to move it")
                    .collect(Collectors.joining(nl));
            String example =
                    cause.taken.stream().map(p -> p.setting() + "=0").distinct().collect(Collectors.joining(" "));
            return new FailureAnalysis(
                    "Baton cannot listen where it should: " + (cause.taken.size() == 1 ? "a port is" : "ports are")
                            + " already in use." + nl + ports,
                    "Another Baton sandbox may be running: stop it (Ctrl-C in its terminal). Or find what listens"
                            + " there (e.g. `ss -ltnp` on Linux, `lsof -i :PORT` on macOS), or give this Baton other"
                            + " ports, e.g. `" + example + " ./mvnw spring-boot:run` (0: any free port; the start-up"
                            + " banner then says which).",
                    cause);
        }
    }
}
