package io.zhida.evaluation.internal;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.enterprise.EnterpriseProfile;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.insight.DemandText;
import io.zhida.insight.DemandTextSource;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The free text of survey answers (文字题), for demand analysis: the department that answers for the survey's item (its
 * lead department); an answer to a survey of no item belongs to no department.
 */
@Component
class SurveyDemandTexts implements DemandTextSource {

    private final JdbcClient jdbc;
    private final EnterpriseProfiles profiles;
    private final PolicyCatalog catalog;

    SurveyDemandTexts(JdbcClient jdbc, EnterpriseProfiles profiles, PolicyCatalog catalog) {
        this.jdbc = jdbc;
        this.profiles = profiles;
        this.catalog = catalog;
    }

    @Override
    public String label() {
        return "问卷";
    }

    @Override
    public List<DemandText> texts(LocalDate from, LocalDate to, int limit) {
        List<DemandText> texts = jdbc.sql("""
                        SELECT a.id, q.id, s.title, a.answered_at, v.value, a.uscc, s.item_code
                        FROM survey_answer a JOIN survey s ON s.id = a.survey_id JOIN survey_answer_value v ON v.answer_id = a.id
                        JOIN survey_question q ON q.id = v.question_id
                        WHERE q.kind = 'TEXT' AND a.answered_at >= ? AND a.answered_at < ? AND btrim(v.value) <> ''
                        ORDER BY a.answered_at DESC, a.id DESC, q.id LIMIT ?""")
                .params(DemandTextSource.startOf(from), DemandTextSource.endOf(to),
                        limit)
                .query((rs, n) -> new DemandText("survey:" + rs.getLong(1) + ":" + rs.getLong(2), label(), rs.getString(3),
                        DemandTextSource.dayOf(rs.getTimestamp(4)), rs.getString(5), rs.getString(6), null, null,
                        rs.getString(7), null))
                .list();
        Map<String, EnterpriseProfile> firms = profiles.findAll(texts.stream().map(DemandText::uscc).filter(u -> u != null)
                .collect(Collectors.toSet())).stream().collect(Collectors.toMap(EnterpriseProfile::uscc, Function.identity()));
        Map<String, Optional<String>> departments = new HashMap<>();
        return texts.stream().map(t -> {
            EnterpriseProfile p = t.uscc() == null ? null : firms.get(t.uscc());
            String department = t.itemCode() == null ? null : departments.computeIfAbsent(t.itemCode(), code -> catalog.published(code)
                    .map(i -> i.content().departments()).filter(d -> !d.isEmpty()).map(d -> d.get(0))).orElse(null);
            return new DemandText(t.id(), t.source(), t.reference(), t.date(), t.text(), t.uscc(), p == null ? null : p.name(), department,
                    t.itemCode(), p == null ? null : p.industry());
        }).toList();
    }
}
