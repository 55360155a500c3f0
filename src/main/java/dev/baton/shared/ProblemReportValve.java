package dev.baton.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.net.ApplicationBufferHandler;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * An API request Tomcat refuses before Baton sees it is answered as every other 400 of the API: a
 * problem detail, not Tomcat's HTML page. Tomcat refuses a path with an encoded NUL, slash or
 * backslash ({@code /api/handovers/1%00}), a malformed or undecodable %-escape ({@code %zz}, {@code %FF})
 * while it reads the address, before any filter (Spring
 * Security's firewall too) or {@link ProblemErrorController} could answer; it still refuses it, only
 * the words change. So are headers over Tomcat's size limit ({@code server.max-http-request-header-size},
 * which counts the request line too), and an address alone over it: Tomcat then gives up inside the
 * request line and sets no path, so the valve reads the start of the address from what Tomcat had read
 * ({@link #startOfCutAddress}). A page's such request keeps Tomcat's short page (no server name, no report):
 * Baton's error page needs the application, which the request never reached.
 */
class ProblemReportValve extends ErrorReportValve {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How much of a cut request line is read: enough for the method, "/api/" and an instance to show. */
    private static final int LINE_START = 2 * InputErrors.MAX_MESSAGE;

    ProblemReportValve() {
        setShowReport(false); // as Spring Boot's own valve, which this one replaces
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String path = request.getRequestURI(); // as sent: still encoded
        if (path == null && response.getStatus() == 400) {
            path = startOfCutAddress(request);
        }
        if (response.getStatus() != 400
                || path == null
                || !path.startsWith("/api/")
                || response.getContentWritten() > 0
                || !response.setErrorReported()) {
            super.report(request, response, throwable);
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", ApiProblems.INVALID_REQUEST);
        problem.put("status", 400);
        problem.put(
                "detail",
                "the request is not valid: Tomcat refused it before Baton read it (an encoded NUL, slash or"
                        + " backslash or a malformed or undecodable %-escape in the address, or the address and"
                        + " headers together over its size limit)");
        problem.put("instance", Text.clip(path, InputErrors.MAX_MESSAGE));
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(JSON.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException cannotWrite) {
            // the client is gone or the answer was started: nothing more to tell
        }
    }

    /**
     * The start of the address of a request line Tomcat gave up on (over its size limit, before it set
     * the path), from the bytes it had read ("GET /api/... " up to where it stopped); null when unknown.
     */
    private static String startOfCutAddress(Request request) {
        if (!(request.getCoyoteRequest().getInputBuffer() instanceof ApplicationBufferHandler input)
                || input.getByteBuffer() == null) {
            return null;
        }
        ByteBuffer read = input.getByteBuffer();
        byte[] start = new byte[Math.min(read.limit(), LINE_START)];
        read.get(0, start);
        // the request line may follow blank lines; then "METHOD SP address"
        String line = new String(start, StandardCharsets.ISO_8859_1).stripLeading();
        int space = line.indexOf(' ');
        return space < 0 ? null : line.substring(space + 1).split("[ \\r\\n]", 2)[0];
    }

    /** Puts the valve in the place of Spring Boot's {@link ErrorReportValve} on the server's host. */
    @Component
    static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                Pipeline host = context.getParent().getPipeline();
                for (Valve valve : host.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.removeValve(valve);
                    }
                }
                host.addValve(new ProblemReportValve());
                // the host adds a valve of this class at its start unless one is there: this one is
                ((StandardHost) context.getParent()).setErrorReportValveClass(ProblemReportValve.class.getName());
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE; // after Spring Boot's customizer, which adds its own valve
        }
    }
}
