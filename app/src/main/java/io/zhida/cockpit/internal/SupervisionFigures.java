package io.zhida.cockpit.internal;

import io.zhida.cockpit.CockpitFilter;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 营商环境监督 on the cockpit: 帮办代办, 三级帮包 demands, call-backs and the problems experience officers, monitoring points
 * and call-backs found, in the cockpit's period and county, from the views their modules publish.
 */
@Component
public class SupervisionFigures {

    /** The figures of one period and county. */
    public record Figures(long assisted, long assistedSubmitted, Double assistedStars, long demands, long demandsLate, Double demandStars,
                          long calls, long callsSatisfied, long experienceProblems, long monitoringProblems, long callbackProblems) {
    }

    private final JdbcClient jdbc;

    SupervisionFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Figures of(CockpitFilter f) {
        Timestamp from = Timestamp.from(f.from().atStartOfDay(io.zhida.platform.Today.ZONE).toInstant());
        Timestamp to = Timestamp.from(f.to().plusDays(1).atStartOfDay(io.zhida.platform.Today.ZONE).toInstant());
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM assistance_facts a WHERE a.created_at >= :from AND a.created_at < :to AND (CAST(:region AS text) IS NULL OR a.region = :region)),
                       (SELECT count(*) FROM assistance_facts a WHERE a.submitted_at >= :from AND a.submitted_at < :to AND (CAST(:region AS text) IS NULL OR a.region = :region)),
                       (SELECT avg(a.stars)::float8 FROM assistance_facts a WHERE a.rated_at >= :from AND a.rated_at < :to AND (CAST(:region AS text) IS NULL OR a.region = :region)),
                       (SELECT count(*) FROM liaison_demand_facts d JOIN enterprise_facts e ON e.uscc = d.uscc
                          WHERE d.created_at >= :from AND d.created_at < :to AND (CAST(:region AS text) IS NULL OR e.region = :region)),
                       (SELECT count(*) FROM liaison_demand_facts d JOIN enterprise_facts e ON e.uscc = d.uscc
                          WHERE d.escalated_at >= :from AND d.escalated_at < :to AND (CAST(:region AS text) IS NULL OR e.region = :region)),
                       (SELECT avg(d.stars)::float8 FROM liaison_demand_facts d JOIN enterprise_facts e ON e.uscc = d.uscc
                          WHERE d.rated_at >= :from AND d.rated_at < :to AND (CAST(:region AS text) IS NULL OR e.region = :region)),
                       (SELECT count(*) FROM callback_answer_facts c WHERE c.answered_at >= :from AND c.answered_at < :to AND (CAST(:region AS text) IS NULL OR c.region = :region)),
                       (SELECT count(*) FROM callback_answer_facts c WHERE c.stars >= 4 AND c.answered_at >= :from AND c.answered_at < :to
                          AND (CAST(:region AS text) IS NULL OR c.region = :region)),
                       (SELECT count(*) FROM problem_facts p WHERE p.category = 'EXPERIENCE' AND p.created_at >= :from AND p.created_at < :to),
                       (SELECT count(*) FROM problem_facts p WHERE p.category = 'MONITORING' AND p.created_at >= :from AND p.created_at < :to),
                       (SELECT count(*) FROM problem_facts p WHERE p.category = 'CALLBACK' AND p.created_at >= :from AND p.created_at < :to)""")
                .param("from", from).param("to", to).param("region", f.region())
                .query((rs, n) -> new Figures(rs.getLong(1), rs.getLong(2), (Double) rs.getObject(3, Double.class), rs.getLong(4), rs.getLong(5),
                        (Double) rs.getObject(6, Double.class), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11))).single();
    }

}
