package dev.sonority.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Caps request bodies (JSON, mostly): a declared length over the cap is answered 413 at once, and a chunked body
 * that grows past it fails its read with {@link RequestBodyTooLargeException}. The services run with
 * {@code -XX:+ExitOnOutOfMemoryError}, so an unbounded body would be a way to stop them. Paths that take raw
 * uploads ({@code rawBodyPaths}, the audio clips) have caps of their own and are left alone.
 */
public class BodySizeFilter extends OncePerRequestFilter {

    private final long maxBytes;
    private final List<String> rawBodyPaths;
    private final ErrorResponder responder;

    public BodySizeFilter(long maxBytes, Collection<String> rawBodyPaths, ErrorResponder responder) {
        this.maxBytes = maxBytes;
        this.rawBodyPaths = List.copyOf(rawBodyPaths);
        this.responder = responder;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = RequestPaths.collapsed(request.getRequestURI());
        return rawBodyPaths.stream().anyMatch(path::equals);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            responder.write(request, response, RequestProblem.of(HttpStatus.CONTENT_TOO_LARGE,
                    "The request body has " + request.getContentLengthLong() + " bytes; the limit is " + maxBytes));
            return;
        }
        chain.doFilter(new Capped(request, maxBytes), response);
    }

    private static final class Capped extends HttpServletRequestWrapper {
        private final long maxBytes;
        private ServletInputStream stream;

        Capped(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        CountingStream(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RequestBodyTooLargeException {
            read += n;
            if (read > maxBytes) {
                throw new RequestBodyTooLargeException(maxBytes);
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
