package dev.baton.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits every request before anything reads it: a body over {@code baton.web.max-body-size}
 * (default 1 MB; a declared length is refused at once, a chunked body when it passes the limit) is
 * a 413, except an upload ({@link MultipartUploads#isUpload}), whose limits are {@code spring.servlet.multipart.*} and the
 * importing feature's own {@code max-file-size}. A query or form parameter holding a NUL character
 * (PostgreSQL refuses them) is a 400 naming it (in the problem's {@code errors} too). Both answers go through the error page, so the API
 * gets a problem detail.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestLimits extends OncePerRequestFilter {

    private final long maxBody;

    RequestLimits(@Value("${baton.web.max-body-size:1MB}") DataSize maxBody) {
        this.maxBody = maxBody.toBytes();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // an upload (CSV import, playbook files) has its own limits: spring.servlet.multipart.* for the
        // request, and each feature's max-file-size, which answers with that feature's plain reason
        boolean upload = MultipartUploads.isUpload(request);
        if (!upload && request.getContentLengthLong() > maxBody) {
            response.sendError(HttpStatus.CONTENT_TOO_LARGE, tooLarge());
            return;
        }
        HttpServletRequest limited = upload ? request : new Limited(request, maxBody, tooLarge());
        try {
            for (Map.Entry<String, String[]> parameter :
                    limited.getParameterMap().entrySet()) {
                for (String value : parameter.getValue()) {
                    if (value.indexOf('\0') >= 0) {
                        // the error page reads the exception for its errors map, naming the parameter
                        BadRequestException nul = new BadRequestException(
                                Text.clip(parameter.getKey(), 60), "must not contain NUL characters");
                        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, nul);
                        response.sendError(HttpStatus.BAD_REQUEST, nul.getMessage());
                        return;
                    }
                }
            }
        } catch (IllegalStateException unreadable) {
            response.sendError(HttpStatus.CONTENT_TOO_LARGE, tooLarge());
            return;
        }
        chain.doFilter(limited, response);
    }

    private String tooLarge() {
        return "the request body is larger than the limit of "
                + DataSize.ofBytes(maxBody).toKilobytes() + " KB";
    }

    /** Status codes as plain ints: the servlet API takes ints. */
    private static final class HttpStatus {
        static final int BAD_REQUEST = 400;
        static final int CONTENT_TOO_LARGE = 413;
    }

    /** Thrown while reading a body that passes the limit; {@link ApiProblems} answers 413. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge(String message) {
            super(message);
        }

        static BodyTooLarge in(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BodyTooLarge b) {
                    return b;
                }
            }
            return null;
        }
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long max;
        private final String message;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long max, String message) {
            super(request);
            this.max = max;
            this.message = message;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), max, message);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private final String message;
        private long read;

        Counting(ServletInputStream in, long max, String message) {
            this.in = in;
            this.max = max;
            this.message = message;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = in.read(buffer, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > max) {
                throw new BodyTooLarge(message);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
