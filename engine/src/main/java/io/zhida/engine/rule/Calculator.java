package io.zhida.engine.rule;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * 政策计算器: one enterprise against one condition and formula. The amount is computed only for
 * ELIGIBLE, rounded HALF_UP to 0.01 yuan, and held to the cap.
 */
public final class Calculator {

    /**
     * A formula that fails for an eligible enterprise makes the whole result ERROR (never 符合 without an
     * amount); error says why.
     */
    public record Result(Outcome result, BigDecimal amount, Set<String> missing, List<Condition.ClauseResult> clauses,
                         Map<String, Object> derived, String error, boolean anyOf) {

        public Result(Outcome result, BigDecimal amount, Set<String> missing, List<Condition.ClauseResult> clauses,
                      Map<String, Object> derived, String error) {
            this(result, amount, missing, clauses, derived, error, false);
        }

        public Result(Outcome result, BigDecimal amount, Set<String> missing, List<Condition.ClauseResult> clauses,
                      Map<String, Object> derived) {
            this(result, amount, missing, clauses, derived, null, false);
        }

        /** Not met by exactly one clause that must hold (with the gap in the enterprise's own figures, when it has one). */
        public java.util.Optional<Condition.ClauseResult> nearMiss() {
            return Condition.nearMiss(result, clauses, anyOf);
        }

        /** The clauses not met, in order. */
        public List<Condition.ClauseResult> notMet() {
            return clauses.stream().filter(c -> c.result() == Outcome.INELIGIBLE).toList();
        }
    }

    private Calculator() {
    }

    /**
     * @param enterprise raw attribute values, e.g. parsed from JSON; converted by {@link EnterpriseValues}
     * @param formula    may be null (a benefit without an amount, e.g. a qualification)
     * @param cap        may be null (no cap)
     * @throws InvalidAttributeException when a value has the wrong type
     */
    public static Result calculate(Condition condition, Formula formula, BigDecimal cap, Map<String, ?> enterprise,
                                   AttributeSchema schema, LocalDate today) {
        return calculatePrepared(condition, formula, cap, prepare(enterprise, schema), today);
    }

    /** Normalised values with the derived attributes: what conditions and formulas read (prepare once, evaluate many). */
    public static Map<String, Object> prepare(Map<String, ?> enterprise, AttributeSchema schema) {
        return DerivedAttributes.enrich(EnterpriseValues.normalize(enterprise, schema));
    }

    /** As {@link #calculate}, on values from {@link #prepare}. */
    public static Result calculatePrepared(Condition condition, Formula formula, BigDecimal cap, Map<String, Object> values,
                                           LocalDate today) {
        Condition.Evaluation evaluation = condition.evaluate(values, today);
        BigDecimal amount = null;
        Set<String> missing = new TreeSet<>(evaluation.missing());
        Outcome outcome = evaluation.result();
        String error = evaluation.error();
        if (outcome == Outcome.ELIGIBLE && formula != null) {
            Formula.Result computed = formula.evaluate(values, today);
            missing.addAll(computed.missing());
            amount = computed.amount() == null ? null : capped(computed.amount(), cap);
            if (computed.error() != null) {
                outcome = Outcome.ERROR;
                error = computed.error();
            }
        }
        return new Result(outcome, amount, Set.copyOf(missing), evaluation.clauses(), DerivedAttributes.of(values), error, evaluation.anyOf());
    }

    static BigDecimal capped(BigDecimal amount, BigDecimal cap) {
        return cap == null ? amount : amount.min(cap.setScale(2, RoundingMode.HALF_UP));
    }
}
