package io.zhida.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * What the platform bench's phases share: the app under test, HTTP to it, the administrator's
 * credentials, and the report being filled with its notes.
 */
final class PlatformRun {

    private final AppProcess app;
    private final PlatformHttp http;
    private final String adminPassword;
    private final Map<String, Object> report;
    private final List<String> notes = new ArrayList<>();
    /** A fresh one after every start: the old one may not survive a restart. */
    private String adminToken;
    /** Whether the platform has GET /api/v1/matching/status; without it, ready = health and sizes come from PostgreSQL. */
    private boolean statusEndpoint = true;

    PlatformRun(AppProcess app, PlatformHttp http, String adminPassword, Map<String, Object> report) {
        this.app = app;
        this.http = http;
        this.adminPassword = adminPassword;
        this.report = report;
    }

    AppProcess app() {
        return app;
    }

    PlatformHttp http() {
        return http;
    }

    String adminPassword() {
        return adminPassword;
    }

    String adminToken() {
        return adminToken;
    }

    void adminToken(String token) {
        this.adminToken = token;
    }

    boolean statusEndpoint() {
        return statusEndpoint;
    }

    void noStatusEndpoint() {
        this.statusEndpoint = false;
    }

    Map<String, Object> report() {
        return report;
    }

    void put(String key, Object value) {
        report.put(key, value);
    }

    List<String> notes() {
        return notes;
    }

    /** Written down once, however often it happens (a missing endpoint is met on every call). */
    void note(String text) {
        if (!notes.contains(text)) {
            notes.add(text);
        }
    }

    /** Runs a measurement; a failure is written down and the bench goes on with the next one. */
    void step(String key, Callable<Object> measurement) {
        PlatformBench.log("measuring %s", key);
        try {
            Object value = measurement.call();
            report.put(key, value);
            PlatformBench.log("%s: %s", key, value);
        } catch (Exception e) {
            report.put(key, null);
            note(key + " failed: " + e.getMessage());
            PlatformBench.log("%s failed: %s", key, e);
            app.requireAlive();
        }
    }
}
