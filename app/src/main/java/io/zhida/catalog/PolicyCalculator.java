package io.zhida.catalog;

import io.zhida.engine.rule.Calculator;
import io.zhida.engine.rule.Condition;
import io.zhida.engine.rule.Formula;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * 政策计算器: an enterprise's figures against a published item, or against an expression being
 * written. Compiled items are cached per version, so the portal and matching do not recompile.
 */
@Service
public class PolicyCalculator {

    /** A published item's rules, compiled once. */
    public record CompiledItem(PolicyItem item, Condition condition, Formula formula) {
    }

    private final PolicyCatalog catalog;
    private final RuleBook rules;
    private final Map<String, CompiledItem> compiled = new ConcurrentHashMap<>();

    PolicyCalculator(PolicyCatalog catalog, RuleBook rules) {
        this.catalog = catalog;
        this.rules = rules;
    }

    /** @throws io.zhida.engine.rule.RuleCompilationException for an invalid expression */
    public Calculator.Result calculate(String condition, String formula, BigDecimal cap, Map<String, ?> enterprise, LocalDate today) {
        Condition c = rules.compiler().condition(condition);
        Formula f = formula == null || formula.isBlank() ? null : rules.compiler().formula(formula);
        return Calculator.calculate(c, f, cap, enterprise, rules.compiler().schema(), today);
    }

    public Calculator.Result calculate(String itemCode, Map<String, ?> enterprise, LocalDate today) {
        CompiledItem item = compiledOnline(itemCode);
        return Calculator.calculate(item.condition(), item.formula(), item.item().content().cap(), enterprise,
                rules.compiler().schema(), today);
    }

    /** The enterprise's values as rules read them, for {@link #calculatePrepared} and {@link #miss} over many items. */
    public Map<String, Object> prepare(Map<String, ?> enterprise) {
        return Calculator.prepare(enterprise, rules.compiler().schema());
    }

    public Calculator.Result calculatePrepared(String itemCode, Map<String, Object> prepared, LocalDate today) {
        CompiledItem item = compiledOnline(itemCode);
        return Calculator.calculatePrepared(item.condition(), item.formula(), item.item().content().cap(), prepared, today);
    }

    /** The online item's compiled rules; 404 for an unknown, unpublished or expired item. */
    public CompiledItem compiledOnline(String code) {
        PolicyItem item = catalog.onlineItem(code).orElseThrow(() -> new NotFoundException("没有在线的政策事项：" + code));
        return compiled.compute(code, (k, cached) -> cached != null && cached.item().version() == item.version() ? cached
                : new CompiledItem(item, rules.compiler().condition(item.content().matchingCondition()),
                        item.content().amountFormula() == null ? null : rules.compiler().formula(item.content().amountFormula())));
    }

    /** The evaluation date from a request: today in Asia/Shanghai when not given. */
    public static LocalDate parseToday(String today) {
        if (today == null || today.isBlank()) {
            return PolicyCatalog.today();
        }
        try {
            return LocalDate.parse(today);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("today", "日期应为 YYYY-MM-DD");
        }
    }
}
