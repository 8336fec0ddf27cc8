package io.zhida.monitoring.internal;

import io.zhida.monitoring.Monitoring;
import io.zhida.platform.Listing;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Points and observations. */
@Repository
public class MonitoringRows {

    private static final String POINT = """
            SELECT p.id, p.name, p.kind, p.region, p.supervisor, p.contact, p.active,
                   (SELECT count(*) FROM monitoring_observation o WHERE o.point_id = p.id AND o.created_at > now() - interval '90 days'),
                   (SELECT max(o.created_at) FROM monitoring_observation o WHERE o.point_id = p.id)
            FROM monitoring_point p""";
    private static final String OBSERVATION = """
            SELECT o.id, o.point_id, p.name, o.author, o.kind, o.content, o.department_code, o.status, o.reply, o.problem_id, o.created_at
            FROM monitoring_observation o JOIN monitoring_point p ON p.id = o.point_id""";

    private final JdbcClient jdbc;

    MonitoringRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertPoint(String name, Monitoring.PointKind kind, String region, String supervisor, String contact, String by) {
        return jdbc.sql("INSERT INTO monitoring_point (name, kind, region, supervisor, contact, created_by) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
                .params(name, kind.name(), region, supervisor, contact, by).query(Long.class).single();
    }

    public int deactivate(long id) {
        return jdbc.sql("UPDATE monitoring_point SET active = false WHERE id = ? AND active").param(id).update();
    }

    public List<Monitoring.Point> points() {
        return jdbc.sql(POINT + " ORDER BY p.active DESC, p.kind, p.name").query(MonitoringRows::point).list();
    }

    public Optional<Monitoring.Point> pointOf(String supervisor) {
        return jdbc.sql(POINT + " WHERE p.supervisor = ? AND p.active").param(supervisor).query(MonitoringRows::point).optional();
    }

    public long insertObservation(long point, String author, Monitoring.ObservationKind kind, String content, String department) {
        return jdbc.sql("INSERT INTO monitoring_observation (point_id, author, kind, content, department_code) VALUES (?, ?, ?, ?, ?) RETURNING id")
                .params(point, author, kind.name(), content, department).query(Long.class).single();
    }

    public Optional<Monitoring.Observation> lock(long id) {
        return jdbc.sql(OBSERVATION + " WHERE o.id = ? FOR UPDATE OF o").param(id).query(MonitoringRows::observation).optional();
    }

    public int handle(long id, Monitoring.Status status, String reply, Long problem, String by) {
        return jdbc.sql("UPDATE monitoring_observation SET status = ?, reply = ?, problem_id = ?, handled_by = ?, handled_at = now() "
                + "WHERE id = ? AND status = 'SUBMITTED'").params(status.name(), reply, problem, by, id).update();
    }

    public Listing<Monitoring.Observation> observations(Long point, String status) {
        return Listing.sql(jdbc, OBSERVATION.substring(0, OBSERVATION.indexOf("FROM")).strip(), OBSERVATION.substring(OBSERVATION.indexOf("FROM"))
                        + " WHERE (CAST(:point AS bigint) IS NULL OR o.point_id = :point) AND (CAST(:status AS text) IS NULL OR o.status = :status)",
                "CASE o.status WHEN 'SUBMITTED' THEN 0 ELSE 1 END, o.created_at DESC, o.id DESC", MonitoringRows::observation)
                .param("point", point).param("status", status);
    }

    private static Monitoring.Point point(ResultSet rs, int n) throws SQLException {
        Timestamp last = rs.getTimestamp(9);
        return new Monitoring.Point(rs.getLong(1), rs.getString(2), Monitoring.PointKind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getLong(8), last == null ? null : last.toInstant());
    }

    private static Monitoring.Observation observation(ResultSet rs, int n) throws SQLException {
        long problem = rs.getLong(10);
        Long problemId = rs.wasNull() ? null : problem;
        return new Monitoring.Observation(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                Monitoring.ObservationKind.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), Monitoring.Status.valueOf(rs.getString(8)),
                rs.getString(9), problemId, rs.getTimestamp(11).toInstant());
    }
}
