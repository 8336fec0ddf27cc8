package io.zhida.consultation.internal;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.insight.DemandText;
import io.zhida.insight.DemandTextSource;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** 意见征询 comments, for demand analysis: each belongs to the lead department of the draft item it was written on. */
@Component
class ConsultationDemandTexts implements DemandTextSource {

    private final JdbcClient jdbc;
    private final PolicyCatalog catalog;

    ConsultationDemandTexts(JdbcClient jdbc, PolicyCatalog catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    @Override
    public String label() {
        return "征询意见";
    }

    @Override
    public List<DemandText> texts(LocalDate from, LocalDate to, int limit) {
        List<DemandText> texts = jdbc.sql("""
                        SELECT m.id, c.item_name, m.created_at, m.body, c.item_code, m.organisation, m.author_kind
                        FROM consultation_comment m JOIN consultation c ON c.id = m.consultation_id
                        WHERE m.created_at >= ? AND m.created_at < ? AND btrim(m.body) <> ''
                        ORDER BY m.created_at DESC, m.id DESC LIMIT ?""")
                .params(DemandTextSource.startOf(from), DemandTextSource.endOf(to),
                        limit)
                .query((rs, n) -> new DemandText("consultation:" + rs.getLong(1), label(), rs.getString(2),
                        DemandTextSource.dayOf(rs.getTimestamp(3)), rs.getString(4),
                        "ENTERPRISE".equals(rs.getString(7)) ? rs.getString(6) : null, null, null, rs.getString(5), null))
                .list();
        java.util.Map<String, String> leads = new java.util.HashMap<>();
        catalog.workingView().forEach(i -> i.content().departments().stream().findFirst().ifPresent(d -> leads.put(i.code(), d)));
        return texts.stream().map(t -> leads.containsKey(t.itemCode()) ? t.withDepartment(leads.get(t.itemCode())) : t).toList();
    }
}
