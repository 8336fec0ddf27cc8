package io.zhida.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Under /api/** every error is application/problem+json, also those no controller sees: an unknown path
 * (404), a method or content type the path does not take (405, 415), a status sent by a filter, and an
 * exception nothing handled (500, logged here, never a stack trace to the client).
 */
final class ApiErrorFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorFilter.class);

    private final JsonMapper json;

    ApiErrorFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !Problems.isApi(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, new ProblemOnError(request, response));
        } catch (IOException | ServletException | RuntimeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
            response.reset();
            write(request, response, HttpStatus.INTERNAL_SERVER_ERROR.value());
        }
    }

    void write(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
        HttpStatus known = HttpStatus.resolve(status);
        ProblemDetail problem = Problems.problem(known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known,
                Problems.detail(status, request, response.getHeader("Allow"), response.getHeader("Accept")), List.of());
        problem.setStatus(status);
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(problem));
        response.flushBuffer();
    }

    /** Turns sendError into a problem+json body instead of the container's error page. */
    private final class ProblemOnError extends HttpServletResponseWrapper {
        private final HttpServletRequest request;

        ProblemOnError(HttpServletRequest request, HttpServletResponse response) {
            super(response);
            this.request = request;
        }

        @Override
        public void sendError(int status) throws IOException {
            sendError(status, null);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            if (isCommitted()) {
                super.sendError(status, message);
                return;
            }
            resetBuffer();
            write(request, (HttpServletResponse) getResponse(), status);
        }
    }
}
