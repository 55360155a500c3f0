package dev.baton.playbook.web;

import dev.baton.engine.PlaybookDeployer;
import dev.baton.engine.PlaybookRefused;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused playbook as a problem detail whose {@code problems} list has every problem found, each
 * {@code {elementId, elementName, message}}. Before the shared handlers, which know nothing of it.
 */
@RestControllerAdvice(assignableTypes = PlaybookApi.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PlaybookProblems {

    @ExceptionHandler(PlaybookRefused.class)
    ProblemDetail refused(PlaybookRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                "the playbook was not deployed: " + e.getProblems().size() + " problem(s) to fix");
        problem.setTitle("Playbook refused");
        problem.setType(URI.create("urn:baton:playbook-refused"));
        problem.setProperty("problems", e.getProblems());
        return problem;
    }

    @ExceptionHandler(PlaybookDeployer.EngineUnavailable.class)
    ProblemDetail engineUnavailable(PlaybookDeployer.EngineUnavailable e) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage() + "; try again");
        problem.setTitle("Engine unavailable");
        return problem;
    }
}
