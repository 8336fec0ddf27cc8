package io.zhida.platform.web;

import io.zhida.platform.InvalidInputException.FieldError;
import io.zhida.platform.Inputs;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request whose path, parameters (query string and form fields) or header values hold control
 * characters — a NUL byte, say — before the security chain or any controller reads them: 400, as
 * problem+json naming the parameter under /api, as the 400 page with the reason elsewhere. Tab, line feed
 * and carriage return are text (a multi-line form field); they are refused only in the path.
 * An upload to the API is not parsed here, before authentication: its query string is checked here,
 * its form fields by {@link #interceptor()} once the caller is known.
 */
final class ControlCharacterFilter extends OncePerRequestFilter {

    /** The message the 400 page shows, as a request attribute. */
    static final String PROBLEM_ATTRIBUTE = "inputProblem";
    private static final Pattern ENCODED_CONTROL = Pattern.compile("%(0[0-9a-fA-F]|1[0-9a-fA-F]|7[fF])");

    private final JsonMapper json;

    ControlCharacterFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        FieldError problem = problem(request);
        if (problem == null) {
            chain.doFilter(request, response);
        } else if (Problems.isApi(request)) {
            ProblemDetail body = Problems.problem(HttpStatus.BAD_REQUEST, Problems.summary(List.of(problem)), List.of(problem));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(json.writeValueAsString(body));
        } else {
            request.setAttribute(PROBLEM_ATTRIBUTE, problem.message());
            response.sendError(HttpStatus.BAD_REQUEST.value(), problem.message());
        }
    }

    private static FieldError problem(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (ENCODED_CONTROL.matcher(uri).find() || hasAnyControl(uri) || hasAnyControl(request.getServletPath())
                || hasAnyControl(request.getPathInfo())) {
            return new FieldError("path", "请求地址含有控制字符，已拒绝");
        }
        boolean uploadToApi = Problems.isApi(request) && isMultipart(request);
        FieldError parameterProblem = problem(uploadToApi ? queryParameters(request) : request.getParameterMap());
        if (parameterProblem != null) {
            return parameterProblem;
        }
        for (String header : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(header))) {
                if (Inputs.hasControlCharacters(value) || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                    return new FieldError(header, "请求头 " + header + " 含有控制字符，已拒绝");
                }
            }
        }
        return null;
    }

    static FieldError problem(Map<String, String[]> parameters) {
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (Inputs.hasControlCharacters(name)) {
                return new FieldError("-", "参数名含有控制字符，已拒绝");
            }
            for (String value : parameter.getValue()) {
                if (Inputs.hasControlCharacters(value)) {
                    return new FieldError(name, "“" + name + "”含有不可见的控制字符（如 NUL），已拒绝，未保存任何内容");
                }
            }
        }
        return null;
    }

    static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    /** The query string's parameters, decoded as UTF-8, without reading the body. */
    private static Map<String, String[]> queryParameters(HttpServletRequest request) {
        Map<String, String[]> parameters = new java.util.LinkedHashMap<>();
        String query = request.getQueryString();
        if (query == null) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
                parameters.merge(name, new String[] {value}, (a, b) -> java.util.stream.Stream.concat(
                        java.util.Arrays.stream(a), java.util.Arrays.stream(b)).toArray(String[]::new));
            } catch (IllegalArgumentException e) {
                // a malformed escape: the container decodes the parameters its own way, and they are checked again later
            }
        }
        return parameters;
    }

    /** The form fields of an upload to the API, checked once Spring Security has let the request in. */
    static org.springframework.web.servlet.HandlerInterceptor interceptor() {
        return new org.springframework.web.servlet.HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                if (Problems.isApi(request) && isMultipart(request)) {
                    FieldError problem = problem(request.getParameterMap());
                    if (problem != null) {
                        throw new io.zhida.platform.InvalidInputException(problem.field(), problem.message());
                    }
                }
                return true;
            }
        };
    }

    private static boolean hasAnyControl(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                return true;
            }
        }
        return false;
    }
}
