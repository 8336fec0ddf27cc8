package io.zhida.rectification.internal;

import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.insight.DemandText;
import io.zhida.insight.DemandTextSource;
import java.time.LocalDate;
import java.util.List;
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
                .params(DemandTextSource.startOf(from), DemandTextSource.endOf(to),
                        limit)
                .query((rs, n) -> new DemandText("appeal:" + rs.getLong(1), label(),
                        rs.getString(2) + (rs.getString(3) == null ? "" : "（" + rs.getString(3) + "转办）"),
                        DemandTextSource.dayOf(rs.getTimestamp(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), null))
                .list();
        return DemandTextSource.withIndustries(texts, profiles::industries);
    }
}
