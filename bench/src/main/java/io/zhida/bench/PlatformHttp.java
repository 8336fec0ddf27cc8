package io.zhida.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP to the running platform, the way its clients reach it: bearer tokens on the API, and signed-in
 * browser sessions (form login, session cookie, the CSRF token of the page) for the pages. Single
 * threaded; every call is timed from sending the request to having read the whole body.
 */
final class PlatformHttp {

    /** Long enough for a full re-match or a page that is far off its target, short enough not to hang the run. */
    private static final Duration LONG = Duration.ofMinutes(30);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"");

    private final URI base;
    private final HttpClient api;

    PlatformHttp(URI base) {
        this.base = base;
        this.api = client(null);
    }

    URI base() {
        return base;
    }

    private static HttpClient client(CookieManager cookies) {
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10));
        if (cookies != null) {
            b.cookieHandler(cookies);
        }
        return b.build();
    }

    /** A bearer token for the API, from the token endpoint. */
    String token(String username, String password) {
        HttpResponse r = postJson("/api/v1/auth/token", null,
                "{\"username\":" + jsonString(username) + ",\"password\":" + jsonString(password) + "}");
        r.expect(200, "token for " + username);
        return Jsons.read(r.body()).path("token").asString();
    }

    HttpResponse get(String path, String token) {
        return send(api, request(path, token).GET().build());
    }

    HttpResponse postJson(String path, String token, String json) {
        return send(api, request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse post(String path, String token, String contentType, byte[] body) {
        return send(api, request(path, token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** multipart/form-data with text fields and one file, streamed from disk. */
    HttpResponse postFile(String path, String token, Map<String, String> fields, String fileField, Path file, String contentType) {
        String boundary = "----zhida-bench-" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"").append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\n").append("Content-Disposition: form-data; name=\"").append(fileField)
                .append("\"; filename=\"").append(file.getFileName()).append("\"\r\nContent-Type: ").append(contentType).append("\r\n\r\n");
        try {
            HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.concat(
                    HttpRequest.BodyPublishers.ofString(head.toString()), HttpRequest.BodyPublishers.ofFile(file),
                    HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"));
            return send(api, request(path, token).header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs a person in through the login form; the session keeps its cookie and the page's CSRF token. */
    Session signIn(String username, String password) {
        HttpClient browser = client(new CookieManager());
        Session session = new Session(browser, username);
        session.csrf = csrfOf(session.get("/login").expect(200, "login page"));
        HttpResponse login = session.postForm("/login", List.of("username", username, "password", password));
        if (login.status() != 302 || login.location() == null || !login.location().endsWith("/workbench")) {
            throw new IllegalStateException("login of " + username + " failed: HTTP " + login.status() + " → " + login.location());
        }
        session.csrf = csrfOf(session.get("/workbench").expect(200, "workbench of " + username));
        return session;
    }

    /** A signed-in browser. */
    final class Session {
        private final HttpClient browser;
        private final String username;
        private String csrf;

        private Session(HttpClient browser, String username) {
            this.browser = browser;
            this.username = username;
        }

        String username() {
            return username;
        }

        HttpResponse get(String path) {
            return send(browser, request(path, null).GET().build());
        }

        /** A form post: name, value, name, value …; the CSRF token is added. */
        HttpResponse postForm(String path, List<String> pairs) {
            StringBuilder form = new StringBuilder("_csrf=").append(encode(csrf));
            for (int i = 0; i + 1 < pairs.size(); i += 2) {
                form.append('&').append(encode(pairs.get(i))).append('=').append(encode(pairs.get(i + 1)));
            }
            return send(browser, request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build());
        }
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(LONG);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return b;
    }

    private static HttpResponse send(HttpClient client, HttpRequest request) {
        long t0 = System.nanoTime();
        try {
            java.net.http.HttpResponse<String> r = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long elapsed = System.nanoTime() - t0;
            return new HttpResponse(r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null), elapsed);
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static String csrfOf(HttpResponse page) {
        Matcher m = CSRF.matcher(page.body());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the page: " + page.snippet());
        }
        return m.group(1);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
    }

    static String jsonString(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
