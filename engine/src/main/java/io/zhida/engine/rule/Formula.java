package io.zhida.engine.rule;

import dev.cel.runtime.CelEvaluationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A compiled amount formula, in yuan. The result is rounded once, HALF_UP to 0.01; a negative result is 0. */
public final class Formula {

    /**
     * amount is null when an attribute the formula needs is missing (listed in missing) or when the
     * formula fails (error says why, e.g. "除数为零").
     */
    public record Result(BigDecimal amount, Set<String> missing, String error) {

        public Result(BigDecimal amount, Set<String> missing) {
            this(amount, missing, null);
        }
    }

    private final String source;
    private final RuleCompiler.Program program;

    Formula(String source, RuleCompiler.Program program) {
        this.source = source;
        this.program = program;
    }

    public String source() {
        return source;
    }

    public Set<String> attributes() {
        return program.attributes();
    }

    public Result evaluate(Map<String, Object> values, LocalDate today) {
        Object value;
        try {
            value = program.eval(values, today.toString());
        } catch (CelEvaluationException e) {
            if (!EvaluationErrors.isMissingData(e, program.attributes(), values)) {
                return new Result(null, Set.of(), "金额公式" + EvaluationErrors.reason(e));
            }
            Set<String> missing = new TreeSet<>(program.attributes());
            missing.removeAll(values.keySet());
            return new Result(null, Set.copyOf(missing));
        }
        BigDecimal amount = null;
        if (value instanceof Long l) {
            amount = BigDecimal.valueOf(l);
        } else if (value instanceof Double d && Double.isFinite(d)) {
            amount = BigDecimal.valueOf(d); // the shortest decimal that reads back as d: 1.005 stays 1.005
        }
        if (amount == null) {
            return new Result(null, Set.of(), "金额公式的结果不是有限数值");
        }
        return new Result(amount.max(BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP), Set.of());
    }
}
