package io.zhida.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The packaged platform as a child process: its own ports, its own data folder (the embedded PostgreSQL
 * lives there), production mode (no demo city, one administrator from ZHIDA_ADMIN_PASSWORD). Stopping
 * it is a graceful SIGTERM, then its PostgreSQL is stopped too if it is still there, and the folder can
 * be deleted.
 */
final class AppProcess implements AutoCloseable {

    private final Path jar;
    private final Path work;
    private final String heap;
    private final List<String> jvmArgs;
    private final String adminPassword;
    private final int port;
    private final int databasePort;
    private Process process;
    private int starts;

    AppProcess(Path jar, Path work, String heap, List<String> jvmArgs, String adminPassword) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (the Maven profile does, with -am)");
        }
        this.jar = jar;
        this.work = work;
        this.heap = heap;
        this.jvmArgs = jvmArgs;
        this.adminPassword = adminPassword;
        this.port = freePort();
        this.databasePort = freePort();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    int databasePort() {
        return databasePort;
    }

    Path dataDir() {
        return work.resolve("postgres");
    }

    /** Launches the app; returns at once with the launch time (System.nanoTime). */
    long start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx" + heap);
        command.addAll(jvmArgs);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--zhida.embedded-db.data-dir=" + dataDir().toAbsolutePath(),
                "--zhida.embedded-db.port=" + databasePort,
                "--zhida.demo.enabled=false"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log(++starts).toFile());
        pb.environment().put("ZHIDA_ADMIN_PASSWORD", adminPassword);
        pb.environment().remove("SPRING_DATASOURCE_URL"); // always the embedded PostgreSQL of this folder
        pb.environment().remove("ZHIDA_DEMO_ENABLED");
        try {
            Files.createDirectories(work);
            long launched = System.nanoTime();
            process = pb.start();
            return launched;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path log(int start) {
        return work.resolve("app-" + start + ".log");
    }

    void requireAlive() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("the app stopped (exit " + (process == null ? "-" : process.exitValue()) + "); last lines of "
                    + log(starts) + ":\n" + tail(log(starts), 40));
        }
    }

    /** Resident memory of the app's JVM (heap in use and everything else), from /proc. */
    long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    /** CPU time of the app and of its PostgreSQL (the postmaster and its backends), in nanoseconds. */
    long cpuNanos() {
        long total = cpu(process.toHandle());
        Optional<ProcessHandle> postmaster = postmaster();
        if (postmaster.isPresent()) {
            total += cpu(postmaster.get());
            total += postmaster.get().descendants().mapToLong(AppProcess::cpu).sum();
        }
        return total;
    }

    /**
     * Waits until the app and its PostgreSQL have been quiet (under a tenth of a core) for a few seconds
     * in a row, so that background work (matching after an import, announcements) does not run into
     * the next measurement. Gives up after the timeout and says so.
     */
    boolean waitQuiet(Duration timeout, String why) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long started = System.nanoTime();
        int quietWindows = 0;
        long lastLog = System.nanoTime();
        while (System.nanoTime() < deadline) {
            requireAlive();
            long cpu0 = cpuNanos();
            long t0 = System.nanoTime();
            sleep(2000);
            double cores = (double) (cpuNanos() - cpu0) / (System.nanoTime() - t0);
            long outstanding = outstandingEvents();
            // idle CPU is not enough: listeners may be stuck or queued with events still to deliver
            quietWindows = cores < 0.10 && outstanding <= 0 ? quietWindows + 1 : 0;
            if (quietWindows >= 3) {
                PlatformBench.log("quiet after %s (%.0f s)", why, (System.nanoTime() - started) / 1e9);
                return true;
            }
            if (System.nanoTime() - lastLog > 60e9) {
                PlatformBench.log("still busy after %s: %.2f cores, %d events to deliver, for %.0f s", why, cores, outstanding,
                        (System.nanoTime() - started) / 1e9);
                lastLog = System.nanoTime();
            }
        }
        PlatformBench.log("not quiet after %s within %s; going on", why, timeout);
        return false;
    }

    /** Event publications not yet completed, from the app's PostgreSQL (its port is in postmaster.pid); -1 when unknown. */
    private long outstandingEvents() {
        try {
            List<String> lines = Files.readAllLines(dataDir().resolve("postmaster.pid"));
            String url = "jdbc:postgresql://localhost:" + lines.get(3).trim() + "/postgres";
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(url, "postgres", "postgres");
                 java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (IOException | RuntimeException | java.sql.SQLException e) {
            return -1; // PostgreSQL starting or stopping, or no such table yet
        }
    }

    private Optional<ProcessHandle> postmaster() {
        Path pid = dataDir().resolve("postmaster.pid");
        try {
            if (Files.exists(pid)) {
                return ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).trim()));
            }
        } catch (IOException | RuntimeException e) {
            // PostgreSQL is starting or stopping
        }
        return Optional.empty();
    }

    private static long cpu(ProcessHandle p) {
        return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** Graceful stop (SIGTERM, as a service manager does), forced after five minutes; then PostgreSQL, if it was left running. */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)) {
                    PlatformBench.log("the app did not stop within 5 minutes; killing it");
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
        postmaster().ifPresent(pm -> {
            if (pm.isAlive()) {
                PlatformBench.log("stopping the PostgreSQL the app left running (pid %d)", pm.pid());
                pm.destroy();
                pm.onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> {
                    pm.destroyForcibly();
                    return pm;
                }).join();
            }
        });
    }

    /** Deletes the data folder (the PostgreSQL cluster); the logs stay. */
    void deleteData() {
        Path dir = dataDir();
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Bytes on disk of the PostgreSQL cluster (tables, indexes, WAL). */
    long dataBytes() {
        try (Stream<Path> paths = Files.walk(dataDir())) {
            return paths.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        stop();
    }

    static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
