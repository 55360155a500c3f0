package dev.baton.shared;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.mvc.support.DefaultHandlerExceptionResolver;

/** Probe 47 (F10): every client mistake on a page was a WARN line; the resolver's 5xx must stay one. */
class ClientMistakesLogTests {

    private final Logger log = (Logger) LoggerFactory.getLogger(DefaultHandlerExceptionResolver.class);
    private final ListAppender<ILoggingEvent> lines = new ListAppender<>();
    private Level level;

    @BeforeEach
    void listen() {
        level = log.getLevel();
        log.setLevel(Level.INFO);
        lines.start();
        log.addAppender(lines);
    }

    @AfterEach
    void stopListening() {
        log.detachAppender(lines);
        log.setLevel(level);
    }

    @Test
    void aClientMistakeIsNoWarnAndAServerErrorIs() throws Exception {
        List<HandlerExceptionResolver> resolvers = new ArrayList<>(List.of(new DefaultHandlerExceptionResolver()));
        new ClientMistakesLog().extendHandlerExceptionResolvers(resolvers);
        HandlerExceptionResolver resolver = resolvers.getFirst();
        MethodParameter id = new MethodParameter(Fixture.class.getDeclaredMethod("one", long.class), 0);

        MockHttpServletResponse clientMistake = new MockHttpServletResponse();
        resolver.resolveException(
                new MockHttpServletRequest(),
                clientMistake,
                null,
                new HttpRequestMethodNotSupportedException("DELETE"));
        MockHttpServletResponse serverError = new MockHttpServletResponse();
        resolver.resolveException(
                new MockHttpServletRequest(), serverError, null, new MissingPathVariableException("id", id));

        assertThat(clientMistake.getStatus()).isEqualTo(405);
        assertThat(serverError.getStatus()).isEqualTo(500);
        assertThat(lines.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage()).contains("MissingPathVariableException", "500");
        });
    }

    static class Fixture {
        void one(long id) {}
    }
}
