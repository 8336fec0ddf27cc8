package io.zhida.enterprise.internal;

import io.zhida.enterprise.TagRules.TagRule;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
public class TagRuleRows {

    private static final String SELECT = "SELECT tag, condition, description, updated_by, updated_at FROM tag_rule";

    private final JdbcClient jdbc;

    TagRuleRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<TagRule> all() {
        return jdbc.sql(SELECT + " ORDER BY tag").query(TagRuleRows::rule).list();
    }

    public Optional<TagRule> find(String tag) {
        return jdbc.sql(SELECT + " WHERE tag = :t").param("t", tag).query(TagRuleRows::rule).optional();
    }

    public void save(String tag, String condition, String description, String by) {
        jdbc.sql("""
                INSERT INTO tag_rule (tag, condition, description, updated_by) VALUES (:t, :c, :d, :b)
                ON CONFLICT (tag) DO UPDATE SET condition = :c, description = :d, updated_by = :b, updated_at = now()""")
                .param("t", tag).param("c", condition).param("d", description).param("b", by).update();
    }

    public void delete(String tag) {
        jdbc.sql("DELETE FROM tag_rule WHERE tag = :t").param("t", tag).update();
    }

    private static TagRule rule(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new TagRule(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant());
    }
}
