package dev.baton.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * The API's answer to a request without valid credentials: 401 with the HTTP Basic challenge,
 * rendered as a problem detail by the error page (not a redirect to the sign-in page).
 */
public class ProblemEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Baton\"");
        response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "sign in first: the API takes HTTP Basic credentials");
    }
}
