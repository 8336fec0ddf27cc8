package io.zhida.liaison.internal;

import io.zhida.enterprise.EnterpriseProfile;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.identity.People;
import io.zhida.insight.DemandText;
import io.zhida.insight.DemandTextSource;
import io.zhida.platform.Today;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
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
                .params(Timestamp.from(from.atStartOfDay(Today.ZONE).toInstant()), Timestamp.from(to.plusDays(1).atStartOfDay(Today.ZONE).toInstant()),
                        limit)
                .query((rs, n) -> new Row(new DemandText("liaison:" + rs.getLong(1), label(), rs.getString(2),
                        LocalDate.ofInstant(rs.getTimestamp(3).toInstant(), Today.ZONE), rs.getString(4), rs.getString(5), rs.getString(6),
                        null, null, null), rs.getString(7)))
                .list().stream().map(r -> r.text().withDepartment(units.computeIfAbsent(r.official(), people::departmentCode).orElse(null)))
                .toList();
        return DemandTextSource.withIndustries(texts, usccs -> profiles.findAll(usccs).stream()
                .filter(p -> p.industry() != null).collect(Collectors.toMap(EnterpriseProfile::uscc, EnterpriseProfile::industry)));
    }
}
