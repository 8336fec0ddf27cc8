package io.zhida.applications.internal;

import io.zhida.catalog.ItemFigures;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The item page's application counts for the year: submitted, in handling, approved, paid, not approved. */
@Component
class ApplicationFigures implements ItemFigures {

    private final JdbcClient jdbc;

    ApplicationFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<Figure> figures(String itemCode, int year) {
        return jdbc.sql("""
                        SELECT count(*) AS total,
                               count(*) FILTER (WHERE status IN ('SUBMITTED','RETURNED','ACCEPTED','DISPATCHED')) AS open,
                               count(*) FILTER (WHERE status IN ('APPROVED','PAID')) AS approved,
                               count(*) FILTER (WHERE status IN ('REJECTED','REFUSED')) AS declined,
                               count(*) FILTER (WHERE status = 'WITHDRAWN') AS withdrawn
                        FROM application WHERE item_code = ? AND period = ?""")
                .param(itemCode).param(String.valueOf(year))
                .query((rs, n) -> List.of(
                        new Figure(year + " 年申报", rs.getLong("total") + " 件"),
                        new Figure("办理中", rs.getLong("open") + " 件"),
                        new Figure("已核准", rs.getLong("approved") + " 件"),
                        new Figure("未通过 / 不予受理", rs.getLong("declined") + " 件"),
                        new Figure("企业撤回", rs.getLong("withdrawn") + " 件")))
                .single();
    }
}
