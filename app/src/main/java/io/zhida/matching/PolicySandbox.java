package io.zhida.matching;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.RuleBook;
import io.zhida.engine.index.ItemMatch;
import io.zhida.engine.index.MatchIndex;
import io.zhida.engine.rule.Condition;
import io.zhida.engine.rule.Formula;
import io.zhida.engine.rule.RuleCompilationException;
import io.zhida.platform.InvalidInputException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;

/**
 * 沙盘推演: a draft condition and amount formula (or two variants) against today's enterprise base,
 * through the same index that matches published items — who would qualify, who lacks data, what it
 * would cost against the budget, and where the money would go by county, industry and size.
 */
@Service
public class PolicySandbox {

    public record Variant(String label, String condition, String formula, BigDecimal cap) {
    }

    /**
     * errors: enterprises for which the rule itself fails (division by zero…), with the first reason; they are not
     * counted as 待补充. formulaErrors: eligible ones whose amount formula fails.
     */
    public record Outcome(String label, int eligible, int undetermined, BigDecimal totalAmount, int withoutAmount,
                          Map<String, Integer> byRegion, Map<String, Integer> byIndustry, Map<String, Integer> bySize,
                          Map<String, BigDecimal> amountByRegion, long millis, int errors, int formulaErrors, String errorReason,
                          List<Sensitivity> sensitivity) {
        /** Share of the budget the estimated total would use, in percent; null without a budget. */
        public BigDecimal budgetShare(BigDecimal budget) {
            return budget == null || budget.signum() <= 0 ? null
                    : totalAmount.multiply(BigDecimal.valueOf(100)).divide(budget, 1, RoundingMode.HALF_UP);
        }

        public boolean overBudget(BigDecimal budget) {
            return budget != null && totalAmount.compareTo(budget) > 0;
        }
    }

    /**
     * One threshold of the draft: how many enterprises meet every other clause and fall short of it by at most
     * 10 % (qualify if it were 10 % easier), and how many meet it by at most 10 % (drop out if it were 10 % harder).
     */
    public record Sensitivity(String clause, long within10PercentBelow, long within10PercentAbove) {
    }

    private static final BigDecimal TENTH = new BigDecimal("0.1");
    private static final List<String> SIZES = List.of("大型", "中型", "小型", "微型");

    private final MatchingService matching;
    private final RuleBook rules;

    PolicySandbox(MatchingService matching, RuleBook rules) {
        this.matching = matching;
        this.rules = rules;
    }

    /** Runs each variant; a variant with an invalid rule is reported against its own fields. */
    public List<Outcome> run(List<Variant> variants) {
        MatchIndex index = matching.currentIndex()
                .orElseThrow(() -> new InvalidInputException("condition", "匹配索引正在建立，请稍候再试"));
        List<InvalidInputException.FieldError> errors = new ArrayList<>();
        List<Formula> formulas = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            String prefix = i == 0 ? "" : "b.";
            if (v.condition() == null || v.condition().isBlank()) {
                errors.add(new InvalidInputException.FieldError(prefix + "condition", "请填写条件规则"));
                formulas.add(null);
                continue;
            }
            compileErrors(prefix + "condition", () -> rules.compiler().condition(v.condition()), errors);
            formulas.add(v.formula() == null || v.formula().isBlank() ? null
                    : compileErrors(prefix + "formula", () -> rules.compiler().formula(v.formula()), errors));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            outcomes.add(run(index, variants.get(i), formulas.get(i)));
        }
        return outcomes;
    }

    private Outcome run(MatchIndex index, Variant v, Formula formula) {
        long t0 = System.nanoTime();
        LocalDate today = PolicyCatalog.today();
        ItemMatch match = index.matchCondition(v.condition(), today);
        Map<String, Integer> byRegion = new TreeMap<>();
        Map<String, Integer> byIndustry = new TreeMap<>();
        Map<String, Integer> bySize = new LinkedHashMap<>();
        SIZES.forEach(s -> bySize.put(s, 0));
        Map<String, BigDecimal> amountByRegion = new TreeMap<>();
        BigDecimal[] total = {BigDecimal.ZERO};
        int[] withoutAmount = {0};
        int[] failed = {0, 0};
        String[] reason = {null};
        Condition condition = rules.compiler().condition(v.condition());
        match.undetermined().forEach((int ordinal) -> { // the index counts a failing rule as unknown: tell them apart
            Map<String, Object> values = index.values(index.uscc(ordinal)).orElse(Map.of());
            if (condition.outcome(values, today) == io.zhida.engine.rule.Outcome.ERROR) {
                failed[0]++;
                if (reason[0] == null) {
                    reason[0] = condition.evaluate(values, today).error();
                }
            }
        });
        match.eligible().forEach((int ordinal) -> {
            Map<String, Object> values = index.values(index.uscc(ordinal)).orElse(Map.of());
            String region = String.valueOf(values.getOrDefault("region", "未知"));
            byRegion.merge(region, 1, Integer::sum);
            String industry = String.valueOf(values.getOrDefault("industry", "?"));
            byIndustry.merge(industry.substring(0, 1), 1, Integer::sum);
            bySize.merge(String.valueOf(values.getOrDefault("scale", "未知")), 1, Integer::sum);
            if (formula != null) {
                Formula.Result result = formula.evaluate(values, today);
                BigDecimal amount = result.amount();
                if (result.error() != null) {
                    failed[1]++;
                    reason[0] = reason[0] == null ? result.error() : reason[0];
                } else if (amount == null) {
                    withoutAmount[0]++;
                } else {
                    BigDecimal capped = v.cap() == null ? amount : amount.min(v.cap().setScale(2, RoundingMode.HALF_UP));
                    total[0] = total[0].add(capped);
                    amountByRegion.merge(region, capped, BigDecimal::add);
                }
            }
        });
        List<Sensitivity> sensitivity = condition.thresholds().stream().map(t -> sensitivity(index, t, today)).toList();
        return new Outcome(v.label(), match.eligibleCount(), match.undeterminedCount() - failed[0], total[0], withoutAmount[0],
                byRegion, byIndustry, bySize, amountByRegion, (System.nanoTime() - t0) / 1_000_000, failed[0], failed[1], reason[0],
                sensitivity);
    }

    /** Counted by the index itself: the other clauses with the threshold's 10 % band on either side. */
    private static Sensitivity sensitivity(MatchIndex index, Condition.ThresholdClause t, LocalDate today) {
        BigDecimal v = t.value();
        if (v.signum() <= 0) {
            return new Sensitivity(t.text(), 0, 0); // 10 % of nothing: "more than zero" has no band
        }
        BigDecimal band = v.multiply(TENTH);
        boolean atLeast = t.operator().startsWith("_>");
        String a = "e." + t.attribute();
        String lower = literal(v.subtract(band));
        String upper = literal(v.add(band));
        String at = literal(v);
        // the side that fails the clause, then the side that meets it
        String below = atLeast ? a + " >= " + lower + " && !(" + a + clauseOp(t) + at + ")"
                : a + " <= " + upper + " && !(" + a + clauseOp(t) + at + ")";
        String above = atLeast ? a + clauseOp(t) + at + " && " + a + " < " + upper
                : a + clauseOp(t) + at + " && " + a + " > " + lower;
        return new Sensitivity(t.text(), count(index, t.others(), below, today), count(index, t.others(), above, today));
    }

    private static long count(MatchIndex index, List<String> others, String band, LocalDate today) {
        List<String> all = new ArrayList<>();
        others.forEach(o -> all.add("(" + o + "\n)"));
        all.add("(" + band + ")");
        return index.matchCondition(String.join(" && ", all), today).eligibleCount();
    }

    private static String clauseOp(Condition.ThresholdClause t) {
        return switch (t.operator()) {
            case "_>=_" -> " >= ";
            case "_>_" -> " > ";
            case "_<=_" -> " <= ";
            default -> " < ";
        };
    }

    private static String literal(BigDecimal value) {
        String plain = value.stripTrailingZeros().toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    private static <T> T compileErrors(String field, java.util.function.Supplier<T> compile,
                                       List<InvalidInputException.FieldError> errors) {
        try {
            return compile.get();
        } catch (RuleCompilationException e) {
            e.errors().forEach(err -> errors.add(new InvalidInputException.FieldError(field, err.located())));
            return null;
        }
    }
}
