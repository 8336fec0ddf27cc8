package io.zhida.engine.index;

import io.zhida.engine.rule.RuleCompiler;
import dev.cel.runtime.CelEvaluationException;
import java.util.List;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;

/**
 * A clause no index can answer (several attributes at once, comprehensions…): CEL evaluates it,
 * but only on the enterprises the cheaper clauses before it have left.
 */
final class ResidualLeaf extends PlanNode {

    private final RuleCompiler.SubExpression expression;
    private final List<Column> reads;

    ResidualLeaf(RuleCompiler.SubExpression expression, List<Column> reads) {
        this.expression = expression;
        this.reads = List.copyOf(reads);
    }

    @Override
    byte test(Row row) {
        return eval(row.values, row.today);
    }

    private byte eval(Map<String, Object> values, String today) {
        try {
            return Truth.of(Boolean.TRUE.equals(expression.eval(values, today)));
        } catch (CelEvaluationException e) {
            return Truth.UNKNOWN;
        }
    }

    @Override
    Selection select(SelectContext ctx, RoaringBitmap domain) {
        if (reads.isEmpty()) { // a clause about today only: the same for everyone
            byte b = eval(Map.of(), ctx.today);
            return new Selection(b == Truth.TRUE ? domain.clone() : new RoaringBitmap(), b == Truth.UNKNOWN ? domain.clone() : new RoaringBitmap());
        }
        return Selection.classify(domain, row -> eval(ctx.table.row(row, reads), ctx.today));
    }

    @Override
    long reach(EnterpriseTable table) {
        return table.size();
    }

    @Override
    int cost() {
        return 10;
    }
}
