package io.zhida.engine.rule;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The worst case of a rule, worked out from its checked syntax tree before it may run: the longest
 * string and the longest list it can build and the work it can do, for any enterprise within the
 * attribute bounds of {@link EnterpriseValues}. A rule over a limit is refused when it is compiled,
 * so no evaluation (calculator, matching, tag rules, sandbox, formulas) can exhaust memory or time:
 * {@code e.name.replace('a','aaaa')} chained thirteen times would build a string of 4^13 × the name.
 *
 * <p>The bounds are upper bounds, not estimates: every string function is charged as if each
 * character were replaced or kept at the worst ratio, each comprehension as if it ran over the
 * largest list its range can be (never more than CEL's iteration limit).
 */
final class RuleBudget {

    /** The longest rule text accepted (characters). */
    static final int MAX_SOURCE = 8_000;
    /** The longest string a rule may build (characters). */
    static final long MAX_STRING = 100_000;
    /** The longest list (or map) a rule may build. */
    static final long MAX_LIST = 10_000;
    /** Work units (about one per node visited and per character touched) one evaluation may take. */
    static final long MAX_COST = 5_000_000;
    /** CEL's own limit on the iterations of one comprehension, set in the runtime options. */
    static final int MAX_ITERATIONS = 10_000;

    /** What a sub-expression can be at worst: its length (characters or elements), each element's length, the work. */
    private record Bound(long length, long elementLength, long cost) {

        static Bound scalar(long cost) {
            return new Bound(32, 0, cost);
        }
    }

    private final CelAbstractSyntaxTree ast;
    private final AttributeSchema schema;
    private final Map<String, Bound> variables = new HashMap<>();

    private RuleBudget(CelAbstractSyntaxTree ast, AttributeSchema schema) {
        this.ast = ast;
        this.schema = schema;
    }

    /** @throws RuleCompilationException when the rule may exceed a limit, saying which and by how much */
    static void check(CelAbstractSyntaxTree ast, AttributeSchema schema, String what) {
        Bound whole = new RuleBudget(ast, schema).bound(ast.getExpr());
        if (whole.cost() > MAX_COST) {
            throw refused(what + "的计算量过大：最坏情况约 " + whole.cost() + " 步，上限 " + MAX_COST
                    + " 步（请减少嵌套的列表运算或长文本处理）");
        }
    }

    private static RuleCompilationException refused(String message) {
        return new RuleCompilationException(List.of(new RuleError(1, 1, message)));
    }

    private Bound bound(CelExpr x) {
        Bound b = switch (x.getKind()) {
            case CONSTANT -> constant(x.constant());
            case IDENT -> variables.getOrDefault(x.ident().name(), new Bound(10, 0, 1)); // today: YYYY-MM-DD
            case SELECT -> select(x);
            case CALL -> call(x);
            case LIST -> list(x.list().elements());
            case MAP -> map(x);
            case COMPREHENSION -> comprehension(x.comprehension());
            default -> throw refused("规则中含有不支持的表达式");
        };
        if (isString(x) && b.length() > MAX_STRING) {
            throw refused("规则可能生成过长的文本：最长约 " + b.length() + " 个字符，上限 " + MAX_STRING
                    + "（如 replace 反复放大文本）");
        }
        if (isList(x) && b.length() > MAX_LIST) {
            throw refused("规则可能生成过长的列表：最多约 " + b.length() + " 项，上限 " + MAX_LIST);
        }
        if (b.cost() > MAX_COST) { // stop early: later sums could overflow
            throw refused("规则的计算量过大：最坏情况超过 " + MAX_COST + " 步");
        }
        return b;
    }

    private static Bound constant(CelConstant c) {
        return switch (c.getKind()) {
            case STRING_VALUE -> new Bound(c.stringValue().length(), 0, 1);
            case BYTES_VALUE -> new Bound(c.bytesValue().size(), 0, 1);
            default -> Bound.scalar(1);
        };
    }

    private Bound select(CelExpr x) {
        CelExpr operand = x.select().operand();
        if (operand.getKind() == CelExpr.ExprKind.Kind.IDENT && operand.ident().name().equals("e")) {
            return schema.find(x.select().field()).map(a -> switch (a.type()) {
                case STRING -> new Bound(EnterpriseValues.MAX_TEXT, 0, 1);
                case DATE -> new Bound(10, 0, 1);
                case STRING_LIST -> new Bound(EnterpriseValues.MAX_LIST, EnterpriseValues.MAX_LIST_ITEM, 1);
                default -> Bound.scalar(1);
            }).orElse(Bound.scalar(1));
        }
        Bound inner = bound(operand); // a field of a map literal: at most the largest value
        return new Bound(inner.elementLength(), 0, inner.cost() + 1);
    }

    private Bound list(List<CelExpr> elements) {
        long cost = 1;
        long longest = 0;
        for (CelExpr element : elements) {
            Bound b = bound(element);
            cost += b.cost();
            longest = Math.max(longest, b.length());
        }
        return new Bound(elements.size(), longest, cost);
    }

    private Bound map(CelExpr x) {
        long cost = 1;
        long longest = 0;
        for (CelExpr.CelMap.Entry entry : x.map().entries()) {
            Bound key = bound(entry.key());
            Bound value = bound(entry.value());
            cost += key.cost() + value.cost();
            longest = Math.max(longest, Math.max(key.length(), value.length()));
        }
        return new Bound(x.map().entries().size(), longest, cost);
    }

    private Bound comprehension(CelExpr.CelComprehension c) {
        Bound range = bound(c.iterRange());
        long iterations = Math.min(range.length(), MAX_ITERATIONS);
        Bound init = bound(c.accuInit());
        variables.put(c.iterVar(), new Bound(Math.max(range.elementLength(), 32), 0, 1));
        if (c.iterVar2() != null && !c.iterVar2().isEmpty()) {
            variables.put(c.iterVar2(), new Bound(Math.max(range.elementLength(), 32), 0, 1));
        }
        // one step with an empty accumulator is what each iteration can add to it (the macros append or count)
        variables.put(c.accuVar(), new Bound(0, init.elementLength(), 1));
        Bound condition = bound(c.loopCondition());
        Bound step = bound(c.loopStep());
        Bound accumulated = new Bound(saturatingAdd(init.length(), iterations * step.length()),
                Math.max(init.elementLength(), step.elementLength()), 1);
        variables.put(c.accuVar(), accumulated);
        Bound result = bound(c.result());
        variables.remove(c.accuVar());
        variables.remove(c.iterVar());
        long perIteration = condition.cost() + step.cost() + step.length();
        long cost = saturatingAdd(range.cost() + init.cost() + result.cost(), iterations * perIteration);
        return new Bound(result.length(), result.elementLength(), cost);
    }

    private Bound call(CelExpr x) {
        CelExpr.CelCall call = x.call();
        Bound[] args = new Bound[call.args().size() + (call.target().isPresent() ? 1 : 0)];
        int i = 0;
        long cost = 1;
        if (call.target().isPresent()) {
            args[i++] = bound(call.target().get());
        }
        for (CelExpr arg : call.args()) {
            args[i++] = bound(arg);
        }
        for (Bound arg : args) {
            cost = saturatingAdd(cost, arg.cost());
        }
        long touched = 0;
        for (Bound arg : args) {
            touched = saturatingAdd(touched, arg.length());
        }
        String f = call.function();
        Bound result = switch (f) {
            case "_+_" -> isString(x) || isList(x)
                    ? new Bound(saturatingAdd(args[0].length(), args[1].length()), Math.max(args[0].elementLength(), args[1].elementLength()), 0)
                    : Bound.scalar(0);
            case "_?_:_" -> new Bound(Math.max(args[1].length(), args[2].length()), Math.max(args[1].elementLength(), args[2].elementLength()), 0);
            case "replace" -> replace(args, call.args().size() > 0 ? call.args().get(0) : null);
            case "split" -> new Bound(saturatingAdd(args[0].length(), 1), args[0].length(), 0);
            case "join" -> new Bound(saturatingAdd(saturatingMul(args[0].length(), args[0].elementLength()),
                    args.length > 1 ? saturatingMul(args[0].length(), args[1].length()) : 0), 0, 0);
            case "substring", "trim", "lowerAscii", "upperAscii", "reverse" -> new Bound(args[0].length(), 0, 0);
            case "strings.quote" -> new Bound(saturatingAdd(saturatingMul(args[0].length(), 6), 2), 0, 0);
            case "charAt" -> new Bound(1, 0, 0);
            case "string" -> new Bound(Math.max(32, args[0].length()), 0, 0);
            case "_[_]" -> new Bound(args[0].elementLength(), 0, 0);
            case "matches" -> new Bound(0, 0, saturatingMul(args[0].length() + 1, args.length > 1 ? args[1].length() + 1 : 1));
            default -> isString(x) || isList(x) ? new Bound(touched, 0, 0) : Bound.scalar(0);
        };
        return new Bound(result.length(), result.elementLength(), saturatingAdd(saturatingAdd(cost, touched), result.cost() + result.length()));
    }

    /** s.replace(old, new): every occurrence of old (at least one character, or each gap if old is empty) becomes new. */
    private static Bound replace(Bound[] args, CelExpr old) {
        long source = args[0].length();
        long replacement = args.length > 2 ? args[2].length() : 0;
        long oldMin = old != null && old.getKind() == CelExpr.ExprKind.Kind.CONSTANT
                && old.constant().getKind() == CelConstant.Kind.STRING_VALUE ? old.constant().stringValue().length() : 0;
        long worst = oldMin == 0
                ? saturatingAdd(source, saturatingMul(source + 1, replacement))
                : saturatingMul(source, Math.max(1, (replacement + oldMin - 1) / oldMin));
        return new Bound(worst, 0, 0);
    }

    private boolean isString(CelExpr x) {
        return ast.getType(x.id()).map(t -> t.kind() == CelKind.STRING || t.kind() == CelKind.BYTES).orElse(false);
    }

    private boolean isList(CelExpr x) {
        return ast.getType(x.id()).map(t -> t.kind() == CelKind.LIST || t.kind() == CelKind.MAP).orElse(false);
    }

    private static long saturatingAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    private static long saturatingMul(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return (hi != 0 || lo < 0) ? Long.MAX_VALUE : lo;
    }
}
