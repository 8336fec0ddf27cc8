package io.zhida.engine.rule;

import dev.cel.runtime.CelEvaluationException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A compiled condition. Evaluation is three-valued: a clause that needs an attribute the
 * enterprise does not have is UNDETERMINED, and the clauses combine with Kleene logic, so a false
 * clause decides INELIGIBLE even when another lacks data.
 */
public final class Condition {

    /** text: the author's label, or the clause in plain words; threshold: when it compares one attribute with a number. */
    record Clause(String expression, String text, ClauseWords.Threshold threshold, RuleCompiler.Program program) {
    }

    /**
     * One top-level clause's outcome, in words an enterprise understands; error is the reason when the result
     * is ERROR; gap, for a threshold not met, how far the enterprise's own figure is from it ("还差 12.5 万元").
     */
    public record ClauseResult(String text, String expression, Outcome result, Set<String> missing, String error, String gap,
                               Set<String> reads) {

        public ClauseResult(String text, String expression, Outcome result, Set<String> missing) {
            this(text, expression, result, missing, null, null, Set.of());
        }
    }

    /**
     * error: the first failing clause's reason when the result is ERROR; anyOf: the clauses are alternatives
     * (one met is enough), so a clause not met under an eligible result does not matter.
     */
    public record Evaluation(Outcome result, List<ClauseResult> clauses, Set<String> missing, String error, boolean anyOf) {

        public Evaluation(Outcome result, List<ClauseResult> clauses, Set<String> missing) {
            this(result, clauses, missing, null, false);
        }

        /** Not met by exactly one clause of clauses that must all hold: the enterprise is one step away. */
        public java.util.Optional<ClauseResult> nearMiss() {
            return Condition.nearMiss(result, clauses, anyOf);
        }
    }

    /**
     * One step away: the clauses that fail all read the same one attribute (an item's rule and its scope may both
     * speak of the industry), none is in error, and they are not alternatives. The clause shown is the one that
     * can say its gap, else the first.
     */
    static java.util.Optional<ClauseResult> nearMiss(Outcome result, List<ClauseResult> clauses, boolean anyOf) {
        if (result != Outcome.INELIGIBLE || anyOf || clauses.stream().anyMatch(c -> c.result() == Outcome.ERROR)) {
            return java.util.Optional.empty();
        }
        List<ClauseResult> failed = clauses.stream().filter(c -> c.result() == Outcome.INELIGIBLE).toList();
        boolean oneAttribute = failed.size() == 1 || (failed.get(0).reads().size() == 1
                && failed.stream().allMatch(c -> c.reads().equals(failed.get(0).reads())));
        return oneAttribute ? failed.stream().filter(c -> c.gap() != null).findFirst().or(() -> java.util.Optional.of(failed.get(0)))
                : java.util.Optional.empty();
    }

    /** A clause's outcome and, for ERROR, the reason. */
    private record Verdict(Outcome outcome, String error) {
    }

    private final String source;
    private final ClauseSplitter.Join join;
    private final List<Clause> clauses;
    private final RuleCompiler.Program whole;
    private final AttributeSchema schema;

    Condition(String source, ClauseSplitter.Join join, List<Clause> clauses, RuleCompiler.Program whole, AttributeSchema schema) {
        this.source = source;
        this.join = join;
        this.clauses = List.copyOf(clauses);
        this.whole = whole;
        this.schema = schema;
    }

    /**
     * A clause that compares one numeric attribute with a number, with the rest of the condition: what a
     * sandbox varies to show how many enterprises a threshold keeps out. Only for clauses that must all hold.
     *
     * @param others the other clauses' expressions (all of which must hold too)
     */
    public record ThresholdClause(String text, String attribute, String operator, java.math.BigDecimal value, boolean whole,
                                  List<String> others) {
    }

    public List<ThresholdClause> thresholds() {
        if (join == ClauseSplitter.Join.OR) {
            return List.of();
        }
        List<ThresholdClause> found = new ArrayList<>();
        for (Clause c : clauses) {
            if (c.threshold() != null) {
                List<String> others = clauses.stream().filter(o -> o != c).map(Clause::expression).toList();
                boolean whole = schema.find(c.threshold().attribute()).map(a -> a.type() == AttributeType.INT).orElse(false);
                found.add(new ThresholdClause(c.text(), c.threshold().attribute(), c.threshold().operator(), c.threshold().value(), whole, others));
            }
        }
        return found;
    }

    /** Each clause in words, as enterprises read it. */
    public List<String> texts() {
        return clauses.stream().map(Clause::text).toList();
    }

    public String source() {
        return source;
    }

    /** The attributes the condition reads. */
    public Set<String> attributes() {
        return whole.attributes();
    }

    /** @param values normalised and enriched values (see {@link EnterpriseValues}, {@link DerivedAttributes}) */
    public Evaluation evaluate(Map<String, Object> values, LocalDate today) {
        List<ClauseResult> results = new ArrayList<>(clauses.size());
        Outcome combined = null;
        for (Clause clause : clauses) {
            Verdict verdict = verdict(clause.program(), values, today);
            Outcome outcome = verdict.outcome();
            Set<String> missing = new TreeSet<>();
            if (outcome == Outcome.UNDETERMINED) {
                clause.program().attributes().stream().filter(a -> !values.containsKey(a)).forEach(missing::add);
            }
            String gap = outcome == Outcome.INELIGIBLE && clause.threshold() != null ? Gaps.say(clause.threshold(), values, schema) : null;
            results.add(new ClauseResult(clause.text(), clause.expression(), outcome, Set.copyOf(missing), verdict.error(), gap,
                    clause.program().attributes()));
            combined = combined == null ? outcome
                    : join == ClauseSplitter.Join.OR ? Outcome.or(combined, outcome) : Outcome.and(combined, outcome);
        }
        Set<String> missing = new TreeSet<>();
        if (combined == Outcome.UNDETERMINED) {
            results.stream().filter(r -> r.result() == Outcome.UNDETERMINED).forEach(r -> missing.addAll(r.missing()));
        }
        String error = combined != Outcome.ERROR ? null
                : results.stream().filter(r -> r.result() == Outcome.ERROR).map(ClauseResult::error).findFirst().orElse(null);
        return new Evaluation(combined, List.copyOf(results), missing, error, join == ClauseSplitter.Join.OR);
    }

    /**
     * Just the outcome, from the whole expression (CEL's && and || absorb errors the same way). When
     * the whole fails, the clauses tell missing data from a failing rule.
     */
    public Outcome outcome(Map<String, Object> values, LocalDate today) {
        try {
            Object result = whole.eval(values, today.toString());
            return Boolean.TRUE.equals(result) ? Outcome.ELIGIBLE : Outcome.INELIGIBLE;
        } catch (CelEvaluationException e) {
            return evaluate(values, today).result();
        }
    }

    private static Verdict verdict(RuleCompiler.Program program, Map<String, Object> values, LocalDate today) {
        try {
            Object result = program.eval(values, today.toString());
            return new Verdict(Boolean.TRUE.equals(result) ? Outcome.ELIGIBLE : Outcome.INELIGIBLE, null);
        } catch (CelEvaluationException e) {
            return EvaluationErrors.isMissingData(e, program.attributes(), values)
                    ? new Verdict(Outcome.UNDETERMINED, null) : new Verdict(Outcome.ERROR, EvaluationErrors.reason(e));
        }
    }
}
