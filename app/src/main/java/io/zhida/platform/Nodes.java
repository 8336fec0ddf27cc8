package io.zhida.platform;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This app node as PostgreSQL knows it. Each node holds a session-level advisory lock keyed by its id
 * on a connection of its own for as long as it lives; when the process dies (even by kill -9) the
 * connection closes and PostgreSQL drops the lock at once. So "is the node that started this work
 * still alive?" is a question the database answers exactly — {@code zhida_node_alive(node_id)} in
 * SQL — and work left behind by a dead node can be finished or failed with a reason, on any node,
 * without waiting for a heartbeat to time out.
 */
@Component
@DependsOnDatabaseInitialization
public class Nodes implements DisposableBean {

    /** The first key of the two-key advisory lock: the namespace of node locks. */
    static final int LOCK_NAMESPACE = 7_342_001;

    private static final Logger log = LoggerFactory.getLogger(Nodes.class);

    private final DataSource dataSource;
    private final int id;
    private Connection lockHolder;

    Nodes(DataSource dataSource) throws SQLException {
        this.dataSource = dataSource;
        this.id = register();
    }

    /** This node's id, recorded with work it starts (imports, 免申即享 runs) so that others can tell whether it is still running. */
    public int current() {
        return id;
    }

    private int register() throws SQLException {
        lockHolder = dataSource.getConnection();
        lockHolder.setAutoCommit(true);
        for (int attempt = 0; ; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(1, Integer.MAX_VALUE);
            try (PreparedStatement insert = lockHolder.prepareStatement(
                    "INSERT INTO app_node (id, host, pid) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
                insert.setInt(1, candidate);
                insert.setString(2, host());
                insert.setLong(3, ProcessHandle.current().pid());
                if (insert.executeUpdate() == 1) {
                    lock(candidate);
                    log.info("App node {} registered", candidate);
                    return candidate;
                }
            }
            if (attempt > 10) {
                throw new IllegalStateException("could not choose a node id");
            }
        }
    }

    private void lock(int node) throws SQLException {
        try (PreparedStatement lock = lockHolder.prepareStatement("SELECT pg_advisory_lock(?, ?)")) {
            lock.setInt(1, LOCK_NAMESPACE);
            lock.setInt(2, node);
            lock.execute();
        }
    }

    /** Keeps the lock held: if the connection was lost (database restart), takes the lock again on a new one. */
    @Scheduled(fixedDelay = 15_000, initialDelay = 15_000)
    void keepAlive() {
        try {
            if (lockHolder.isValid(5)) {
                try (PreparedStatement touch = lockHolder.prepareStatement("UPDATE app_node SET seen_at = now() WHERE id = ?")) {
                    touch.setInt(1, id);
                    touch.executeUpdate();
                }
                return;
            }
            log.warn("App node {} lost its database session; taking its lock again", id);
            lockHolder.close();
            lockHolder = dataSource.getConnection();
            lockHolder.setAutoCommit(true);
            lock(id);
        } catch (SQLException e) {
            log.warn("App node {} could not renew its lock: {}", id, e.getMessage());
        }
    }

    @Override
    public void destroy() {
        try {
            lockHolder.close();
        } catch (SQLException e) {
            log.debug("closing the node lock", e);
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return ManagementFactory.getRuntimeMXBean().getName();
        }
    }
}
