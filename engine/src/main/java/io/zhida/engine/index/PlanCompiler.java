package io.zhida.engine.index;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import io.zhida.engine.rule.AttributeType;
import io.zhida.engine.rule.RuleCompiler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a condition's checked CEL tree into a plan over the table's columns. &&, || and ! become
 * Kleene logic nodes; a clause over one attribute becomes a range or dictionary leaf; anything else
 * stays CEL ({@link ResidualLeaf}). Leaves written the same way in many items are built once.
 */
final class PlanCompiler {

    private final RuleCompiler rules;
    private final EnterpriseTable table;
    private final Map<String, PlanNode> sharedLeaves = new ConcurrentHashMap<>();

    PlanCompiler(RuleCompiler rules, EnterpriseTable table) {
        this.rules = rules;
        this.table = table;
    }

    PlanNode compile(String condition) {
        CelAbstractSyntaxTree ast = rules.checkedCondition(condition);
        return node(ast, ast.getExpr());
    }

    private PlanNode node(CelAbstractSyntaxTree ast, CelExpr x) {
        if (x.getKind() == CelExpr.ExprKind.Kind.CALL && x.call().target().isEmpty()) {
            String f = x.call().function();
            if (f.equals("_&&_") || f.equals("_||_")) {
                List<PlanNode> children = new ArrayList<>();
                flatten(x, f, children, ast);
                return f.equals("_&&_") ? new Logic.And(children, table) : new Logic.Or(children);
            }
            if (f.equals("!_")) {
                return new Logic.Not(node(ast, x.call().args().get(0)));
            }
        }
        return sharedLeaves.computeIfAbsent(Canonical.of(x), k -> leaf(ast, x));
    }

    private void flatten(CelExpr x, String function, List<PlanNode> into, CelAbstractSyntaxTree ast) {
        for (CelExpr arg : x.call().args()) {
            if (arg.getKind() == CelExpr.ExprKind.Kind.CALL && arg.call().target().isEmpty() && arg.call().function().equals(function)) {
                flatten(arg, function, into, ast);
            } else {
                into.add(node(ast, arg));
            }
        }
    }

    private PlanNode leaf(CelAbstractSyntaxTree ast, CelExpr x) {
        Set<String> reads = new TreeSet<>();
        boolean whole = !collectReads(x, reads);
        if (!whole && reads.size() == 1) {
            Column column = table.column(reads.iterator().next());
            Comparison comparison = comparison(x, column);
            if (comparison != null && column.attribute.type() != AttributeType.STRING_LIST) {
                return new RangeLeaf(column, comparison);
            }
            KeyPredicate predicate = NativePredicates.of(x, column);
            return new RankLeaf(column, predicate != null ? predicate : celPredicate(ast, x, column));
        }
        ArithmeticLeaf arithmetic = whole ? null : ArithmeticLeaf.of(x, ast, table);
        if (arithmetic != null) {
            return arithmetic;
        }
        List<Column> columns = whole ? List.copyOf(allColumns()) : reads.stream().map(table::column).toList();
        return new ResidualLeaf(rules.subExpression(ast, x), columns);
    }

    private List<Column> allColumns() {
        return table.schema().all().stream().map(a -> table.column(a.name())).toList();
    }

    private KeyPredicate celPredicate(CelAbstractSyntaxTree ast, CelExpr x, Column column) {
        RuleCompiler.SubExpression expression = rules.subExpression(ast, x);
        String name = column.attribute.name();
        boolean usesToday = mentionsToday(x);
        return new KeyPredicate() {
            @Override
            public byte test(Object value, String today) {
                try {
                    Object r = expression.eval(value == null ? Map.of() : Map.of(name, value), today);
                    return Truth.of(Boolean.TRUE.equals(r));
                } catch (dev.cel.runtime.CelEvaluationException e) {
                    return Truth.UNKNOWN;
                }
            }

            @Override
            public boolean usesToday() {
                return usesToday;
            }
        };
    }

    /** {@code e.x <op> literal} or {@code literal <op> e.x}, with matching kinds of value; else null. */
    static Comparison comparison(CelExpr x, Column column) {
        if (x.getKind() != CelExpr.ExprKind.Kind.CALL || x.call().target().isPresent() || x.call().args().size() != 2) {
            return null;
        }
        Comparison.Op op = Comparison.Op.of(x.call().function());
        if (op == null) {
            return null;
        }
        CelExpr left = x.call().args().get(0);
        CelExpr right = x.call().args().get(1);
        if (isAttribute(right) && !isAttribute(left)) {
            CelExpr t = left;
            left = right;
            right = t;
            op = op.flipped();
        }
        if (!isAttribute(left)) {
            return null;
        }
        if (right.getKind() == CelExpr.ExprKind.Kind.IDENT && right.ident().name().equals("today") && column.isText()) {
            return new Comparison(op, null);
        }
        Object constant = NativePredicates.literal(right);
        boolean equality = op == Comparison.Op.EQ || op == Comparison.Op.NE;
        if (constant == null || !(equality ? NativePredicates.sameType(column, constant) : NativePredicates.sameKind(column, constant))) {
            return null;
        }
        if (constant instanceof Boolean && op != Comparison.Op.EQ && op != Comparison.Op.NE) {
            return null;
        }
        return new Comparison(op, constant);
    }

    static boolean isAttribute(CelExpr x) {
        return x.getKind() == CelExpr.ExprKind.Kind.SELECT && !x.select().testOnly()
                && x.select().operand().getKind() == CelExpr.ExprKind.Kind.IDENT && x.select().operand().ident().name().equals("e");
    }

    /** Adds the attributes read through {@code e.name}; false when {@code e} is used some other way. */
    private static boolean collectReads(CelExpr x, Set<String> reads) {
        switch (x.getKind()) {
            case SELECT -> {
                CelExpr operand = x.select().operand();
                if (operand.getKind() == CelExpr.ExprKind.Kind.IDENT && operand.ident().name().equals("e")) {
                    reads.add(x.select().field());
                    return true;
                }
                return collectReads(operand, reads);
            }
            case IDENT -> {
                return !x.ident().name().equals("e");
            }
            case CALL -> {
                boolean ok = x.call().target().map(t -> collectReads(t, reads)).orElse(true);
                for (CelExpr arg : x.call().args()) {
                    ok &= collectReads(arg, reads);
                }
                return ok;
            }
            case LIST -> {
                boolean ok = true;
                for (CelExpr element : x.list().elements()) {
                    ok &= collectReads(element, reads);
                }
                return ok;
            }
            case MAP -> {
                boolean ok = true;
                for (CelExpr.CelMap.Entry entry : x.map().entries()) {
                    ok &= collectReads(entry.key(), reads) & collectReads(entry.value(), reads);
                }
                return ok;
            }
            case COMPREHENSION -> {
                var c = x.comprehension();
                if (c.iterVar().equals("e") || c.accuVar().equals("e") || "e".equals(c.iterVar2())) {
                    return false; // a loop variable named e shadows the enterprise: leave it all to CEL
                }
                return collectReads(c.iterRange(), reads) & collectReads(c.accuInit(), reads)
                        & collectReads(c.loopCondition(), reads) & collectReads(c.loopStep(), reads)
                        & collectReads(c.result(), reads);
            }
            case CONSTANT -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static boolean mentionsToday(CelExpr x) {
        return Canonical.of(x).contains("#today");
    }

    /** Constants are folded by the parser; CelConstant kinds we read. */
    static Object constantValue(CelConstant c) {
        return switch (c.getKind()) {
            case INT64_VALUE -> c.int64Value();
            case DOUBLE_VALUE -> c.doubleValue();
            case STRING_VALUE -> c.stringValue();
            case BOOLEAN_VALUE -> c.booleanValue();
            default -> null;
        };
    }
}
