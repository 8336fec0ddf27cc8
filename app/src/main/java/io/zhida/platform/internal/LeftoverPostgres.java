package io.zhida.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL runs as its own process. When the application is killed (kill -9, a power
 * cut of the JVM only), that process lives on and keeps the data folder locked, so the next start
 * would fail. Before starting, a server still running on our data folder is asked to shut down —
 * its only clients were in the dead JVM — and the start goes on normally, with PostgreSQL's own
 * crash recovery where needed.
 */
final class LeftoverPostgres {

    private static final Logger log = LoggerFactory.getLogger(LeftoverPostgres.class);

    private LeftoverPostgres() {
    }

    static void stopIfRunning(Path dataDir) throws IOException {
        Optional<ProcessHandle> server = runningServer(dataDir);
        if (server.isEmpty()) {
            return;
        }
        ProcessHandle postmaster = server.get();
        log.warn("Embedded PostgreSQL (pid {}) from an earlier run is still using {}; stopping it", postmaster.pid(), dataDir);
        signal("INT", postmaster.pid()); // fast shutdown: rolls back what the dead clients left open
        if (!waitForExit(postmaster, 30)) {
            postmaster.destroy(); // SIGTERM
            if (!waitForExit(postmaster, 15)) {
                postmaster.destroyForcibly(); // PostgreSQL recovers from its WAL on the next start
                waitForExit(postmaster, 10);
            }
        }
        log.info("Earlier embedded PostgreSQL stopped");
    }

    /** The live postmaster named in the data folder's lock file, if it really is a PostgreSQL process. */
    static Optional<ProcessHandle> runningServer(Path dataDir) throws IOException {
        Path lockFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(lockFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(lockFile);
        if (lines.isEmpty() || !lines.get(0).trim().matches("\\d{1,10}")) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(lines.get(0).trim()))
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres") || c.contains("/postgres")).orElse(false));
    }

    private static void signal(String name, long pid) {
        try {
            new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
        } catch (IOException e) {
            log.debug("kill -{} not available", name, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(ProcessHandle process, int seconds) {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return !process.isAlive();
        }
    }
}
