package io.zhida.liaison.internal;

import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.identity.People;
import io.zhida.insight.DemandText;
import io.zhida.insight.DemandTextSource;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** 帮包 demands, for demand analysis: the department of the official the enterprise is assigned to answers for them. */
@Component
class LiaisonDemandTexts implements DemandTextSource {

    private final JdbcClient jdbc;
    private final EnterpriseProfiles profiles;
    private final People people;

    LiaisonDemandTexts(JdbcClient jdbc, EnterpriseProfiles profiles, People people) {
        this.jdbc = jdbc;
        this.profiles = profiles;
        this.people = people;
    }

    @Override
    public String label() {
        return "帮包诉求";
    }

    @Override
    public List<DemandText> texts(LocalDate from, LocalDate to, int limit) {
        record Row(DemandText text, String official) {
        }
        Map<String, Optional<String>> units = new HashMap<>(); // official → their department, asked once each
        List<DemandText> texts = jdbc.sql("""
                        SELECT d.id, d.number, d.created_at, d.content, d.uscc, e.name, d.official
                        FROM liaison_demand d LEFT JOIN enterprise_facts e ON e.uscc = d.uscc
                        WHERE d.created_at >= ? AND d.created_at < ? AND btrim(d.content) <> '' ORDER BY d.created_at DESC, d.id DESC LIMIT ?""")
                .params(DemandTextSource.startOf(from), DemandTextSource.endOf(to),
                        limit)
                .query((rs, n) -> new Row(new DemandText("liaison:" + rs.getLong(1), label(), rs.getString(2),
                        DemandTextSource.dayOf(rs.getTimestamp(3)), rs.getString(4), rs.getString(5), rs.getString(6),
                        null, null, null), rs.getString(7)))
                .list().stream().map(r -> r.text().withDepartment(units.computeIfAbsent(r.official(), people::departmentCode).orElse(null)))
                .toList();
        return DemandTextSource.withIndustries(texts, profiles::industries);
    }
}
