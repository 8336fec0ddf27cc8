package io.zhida.matching;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.RuleBook;
import io.zhida.engine.index.ItemMatch;
import io.zhida.engine.index.MatchIndex;
import io.zhida.engine.rule.RuleCompilationException;
import io.zhida.platform.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The enterprises a rule over the enterprise data standard holds for today, with their values, from the matching index:
 * for modules that group enterprises by rules of their own (the three levels of 帮包), as fast as matching itself.
 */
@Service
public class RuleReach {

    /** An enterprise the rule holds for, and its values as rules read them. */
    public record Reached(String uscc, Map<String, Object> values) {
    }

    private final MatchingService matching;
    private final RuleBook rules;

    RuleReach(MatchingService matching, RuleBook rules) {
        this.matching = matching;
        this.rules = rules;
    }

    /** @throws InvalidInputException naming {@code field} when the rule does not compile, or the index is not built yet */
    public void check(String condition, String field) {
        try {
            rules.compiler().condition(condition);
        } catch (RuleCompilationException e) {
            throw new InvalidInputException(field, e.errors().get(0).located());
        }
    }

    public List<Reached> reach(String condition) {
        check(condition, "condition");
        MatchIndex index = matching.currentIndex().orElseThrow(() -> new InvalidInputException("condition", "匹配索引正在建立，请稍候再试"));
        ItemMatch match = index.matchCondition(condition, PolicyCatalog.today());
        List<Reached> reached = new ArrayList<>();
        match.eligible().forEach((int ordinal) -> {
            String uscc = index.uscc(ordinal);
            reached.add(new Reached(uscc, index.values(uscc).orElse(Map.of())));
        });
        return reached;
    }
}
