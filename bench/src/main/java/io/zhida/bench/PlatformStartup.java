package io.zhida.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Starts the app and times it from launch to health UP and to matching ready (its index built), the two
 * moments that differ on a loaded platform. Signs the administrator in on the way.
 */
final class PlatformStartup {

    private final PlatformRun run;

    PlatformStartup(PlatformRun run) {
        this.run = run;
    }

    /** health_s and ready_s, in seconds from launch. */
    Map<String, Object> toReady() {
        long launched = run.app().start();
        long healthy = waitHealthy();
        run.adminToken(run.http().token("admin", run.adminPassword()));
        long ready = waitMatchingReady(healthy);
        Map<String, Object> times = new LinkedHashMap<>();
        times.put("health_s", Latencies.round((healthy - launched) / 1e9));
        times.put("ready_s", Latencies.round((ready - launched) / 1e9));
        PlatformBench.log("up in %.1f s, ready in %.1f s", (healthy - launched) / 1e9, (ready - launched) / 1e9);
        return times;
    }

    /** Polls the readiness probe (the plain health endpoint if there is none) until UP; returns when. */
    private long waitHealthy() {
        long healthy = 0;
        String healthPath = "/actuator/health/readiness";
        while (healthy == 0) {
            run.app().requireAlive();
            try {
                HttpResponse r = run.http().get(healthPath, null);
                if (r.status() == 404) {
                    healthPath = "/actuator/health";
                } else if (r.status() == 200 && r.body().contains("UP")) {
                    healthy = System.nanoTime();
                }
            } catch (RuntimeException e) {
                // not listening yet
            }
            if (healthy == 0) {
                AppProcess.sleep(100);
            }
        }
        return healthy;
    }

    /** Polls the matching status until it says ready; a platform without that endpoint counts as ready when healthy. */
    private long waitMatchingReady(long healthy) {
        long ready = 0;
        long lastLog = System.nanoTime();
        while (ready == 0) {
            run.app().requireAlive();
            HttpResponse r = run.http().get("/api/v1/matching/status", run.adminToken());
            if (r.missingEndpoint()) {
                run.noStatusEndpoint();
                ready = healthy;
                run.note("GET /api/v1/matching/status is not there (404): ready = health UP");
            } else if (r.status() == 200 && Jsons.read(r.body()).path("ready").asBoolean()) {
                ready = System.nanoTime();
            } else {
                if (System.nanoTime() - lastLog > 30e9) {
                    PlatformBench.log("waiting for matching to be ready: %s", r.snippet());
                    lastLog = System.nanoTime();
                }
                AppProcess.sleep(100);
            }
        }
        return ready;
    }
}
