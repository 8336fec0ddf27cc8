package io.zhida.applications.internal;

import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.insight.DemandText;
import io.zhida.insight.DemandTextSource;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 好差评 comments, for demand analysis: the item's lead department answers for the transaction that was rated. A
 * five-star comment is praise, not a demand (most are the form's stock phrases), so only those below five stars count.
 */
@Component
class RatingDemandTexts implements DemandTextSource {

    private final JdbcClient jdbc;
    private final EnterpriseProfiles profiles;

    RatingDemandTexts(JdbcClient jdbc, EnterpriseProfiles profiles) {
        this.jdbc = jdbc;
        this.profiles = profiles;
    }

    @Override
    public String label() {
        return "评价";
    }

    @Override
    public List<DemandText> texts(LocalDate from, LocalDate to, int limit) {
        List<DemandText> texts = jdbc.sql("""
                        SELECT r.application_id, a.number, r.stars, r.rated_at, r.comment, r.uscc, a.enterprise_name, a.departments[1], a.item_code
                        FROM service_rating r JOIN application a ON a.id = r.application_id
                        WHERE r.rated_at >= ? AND r.rated_at < ? AND r.comment IS NOT NULL AND btrim(r.comment) <> ''
                          AND r.stars < 5
                        ORDER BY r.rated_at DESC, r.application_id DESC LIMIT ?""")
                .params(DemandTextSource.startOf(from), DemandTextSource.endOf(to),
                        limit)
                .query((rs, n) -> new DemandText("rating:" + rs.getLong(1), label(), rs.getString(2) + "（" + rs.getInt(3) + " 星）",
                        DemandTextSource.dayOf(rs.getTimestamp(4)), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), null))
                .list();
        return DemandTextSource.withIndustries(texts, profiles::industries);
    }
}
