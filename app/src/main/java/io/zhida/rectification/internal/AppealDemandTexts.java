package io.zhida.rectification.internal;

import io.zhida.enterprise.EnterpriseProfile;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.insight.DemandText;
import io.zhida.insight.DemandTextSource;
import io.zhida.platform.Today;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Enterprises' appeals (诉求, 投诉), those the 12345 hotline handed over too, for demand analysis: the department they went to. */
@Component
class AppealDemandTexts implements DemandTextSource {

    private final JdbcClient jdbc;
    private final EnterpriseProfiles profiles;

    AppealDemandTexts(JdbcClient jdbc, EnterpriseProfiles profiles) {
        this.jdbc = jdbc;
        this.profiles = profiles;
    }

    @Override
    public String label() {
        return "诉求";
    }

    @Override
    public List<DemandText> texts(LocalDate from, LocalDate to, int limit) {
        List<DemandText> texts = jdbc.sql("""
                        SELECT id, number, source_name, submitted_at, content, uscc, enterprise_name, department_code, item_code FROM appeal
                        WHERE submitted_at >= ? AND submitted_at < ? AND btrim(content) <> '' ORDER BY submitted_at DESC, id DESC LIMIT ?""")
                .params(Timestamp.from(from.atStartOfDay(Today.ZONE).toInstant()), Timestamp.from(to.plusDays(1).atStartOfDay(Today.ZONE).toInstant()),
                        limit)
                .query((rs, n) -> new DemandText("appeal:" + rs.getLong(1), label(),
                        rs.getString(2) + (rs.getString(3) == null ? "" : "（" + rs.getString(3) + "转办）"),
                        LocalDate.ofInstant(rs.getTimestamp(4).toInstant(), Today.ZONE), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), null))
                .list();
        return DemandTextSource.withIndustries(texts, usccs -> profiles.findAll(usccs).stream()
                .filter(p -> p.industry() != null).collect(Collectors.toMap(EnterpriseProfile::uscc, EnterpriseProfile::industry)));
    }
}
