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

    record Clause(String expression, String label, RuleCompiler.Program program) {
    }

    /** One top-level clause's outcome, in words an enterprise understands; error is the reason when the result is ERROR. */
    public record ClauseResult(String text, String expression, Outcome result, Set<String> missing, String error) {

        public ClauseResult(String text, String expression, Outcome result, Set<String> missing) {
            this(text, expression, result, missing, null);
        }
    }

    /** error: the first failing clause's reason when the result is ERROR. */
    public record Evaluation(Outcome result, List<ClauseResult> clauses, Set<String> missing, String error) {

        public Evaluation(Outcome result, List<ClauseResult> clauses, Set<String> missing) {
            this(result, clauses, missing, null);
        }
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
            String text = clause.label() != null ? clause.label() : Explanations.humanize(clause.expression(), schema);
            results.add(new ClauseResult(text, clause.expression(), outcome, Set.copyOf(missing), verdict.error()));
            combined = combined == null ? outcome
                    : join == ClauseSplitter.Join.OR ? Outcome.or(combined, outcome) : Outcome.and(combined, outcome);
        }
        Set<String> missing = new TreeSet<>();
        if (combined == Outcome.UNDETERMINED) {
            results.stream().filter(r -> r.result() == Outcome.UNDETERMINED).forEach(r -> missing.addAll(r.missing()));
        }
        String error = combined != Outcome.ERROR ? null
                : results.stream().filter(r -> r.result() == Outcome.ERROR).map(ClauseResult::error).findFirst().orElse(null);
        return new Evaluation(combined, List.copyOf(results), missing, error);
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
