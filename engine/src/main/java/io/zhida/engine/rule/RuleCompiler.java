package io.zhida.engine.rule;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compiles conditions and amount formulas written in CEL over the enterprise {@code e} and the
 * evaluation date {@code today}. Type-checks against the attribute schema, so a misspelt attribute
 * or a string compared with a number is an authoring error with its line and column, not a
 * surprise at payout time. Thread-safe; build one per schema and reuse it.
 */
public final class RuleCompiler {

    private static final String ENTERPRISE_TYPE = "zhida.Enterprise";
    private static final Pattern ATTRIBUTE_REFERENCE = Pattern.compile("\\be\\.([a-z][a-z0-9_]*)");

    private final AttributeSchema schema;
    private final CelCompiler compiler;
    private final CelRuntime runtime;
    private final ClauseWords words;

    public RuleCompiler(AttributeSchema schema) {
        this(schema, CodeNames.INDUSTRIES);
    }

    /** @param names what codes (regions, industries, …) are called, to say clauses in plain words */
    public RuleCompiler(AttributeSchema schema, CodeNames names) {
        this.schema = schema;
        this.words = new ClauseWords(schema, names);
        CelOptions options = CelOptions.current()
                .enableHeterogeneousNumericComparisons(true)
                .comprehensionMaxIterations(RuleBudget.MAX_ITERATIONS)
                .build();
        StructType enterprise = StructType.create(ENTERPRISE_TYPE,
                ImmutableSet.copyOf(schema.all().stream().map(Attribute::name).toList()),
                name -> schema.find(name).map(a -> a.type().celType()));
        CelTypeProvider types = new CelTypeProvider() {
            @Override
            public ImmutableCollection<CelType> types() {
                return ImmutableList.of(enterprise);
            }

            @Override
            public Optional<CelType> findType(String name) {
                return ENTERPRISE_TYPE.equals(name) ? Optional.of(enterprise) : Optional.empty();
            }
        };
        this.compiler = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(options)
                .setTypeProvider(types)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar("e", enterprise)
                .addVar("today", SimpleType.STRING)
                .addLibraries(CelExtensions.strings(), CelExtensions.math(options))
                .build();
        this.runtime = CelRuntimeFactory.standardCelRuntimeBuilder()
                .setOptions(options)
                .addLibraries(CelExtensions.strings(), CelExtensions.math(options))
                .build();
    }

    public AttributeSchema schema() {
        return schema;
    }

    /** A condition: must evaluate to a boolean. Its top-level clauses are compiled one by one for explanations. */
    public Condition condition(String source) {
        Program whole = compile(source, "条件", SimpleType.BOOL);
        ClauseSplitter.Split split = ClauseSplitter.split(source);
        List<Condition.Clause> clauses = new ArrayList<>();
        if (split.join() == ClauseSplitter.Join.SINGLE) {
            clauses.add(clause(split.parts().get(0), whole));
        } else {
            for (ClauseSplitter.Part part : split.parts()) {
                clauses.add(clause(part, compile(part.expression(), "条件", SimpleType.BOOL)));
            }
        }
        return new Condition(source, split.join(), clauses, whole, schema);
    }

    private Condition.Clause clause(ClauseSplitter.Part part, Program program) {
        CelExpr expr = program.ast().getExpr();
        String text = part.label() != null ? part.label() : words.say(expr);
        return new Condition.Clause(part.expression(), text, ClauseWords.threshold(expr, schema).orElse(null), program);
    }

    /**
     * The type-checked syntax tree of a condition, for planners that evaluate parts of it on their
     * own (the matching index). Throws {@link RuleCompilationException} like {@link #condition}.
     */
    public CelAbstractSyntaxTree checkedCondition(String source) {
        return checked(source, "条件", SimpleType.BOOL);
    }

    /** Evaluates one sub-expression of a checked tree on its own, with CEL's exact semantics. */
    public SubExpression subExpression(CelAbstractSyntaxTree checked, CelExpr part) {
        CelAbstractSyntaxTree ast = CelAbstractSyntaxTree.newCheckedAst(part, checked.getSource(),
                checked.getReferenceMap(), checked.getTypeMap());
        try {
            CelRuntime.Program program = runtime.createProgram(ast);
            return (enterprise, today) -> program.eval(Map.of("e", enterprise, "today", today));
        } catch (dev.cel.common.CelException e) {
            throw new RuleCompilationException(List.of(new RuleError(1, 1, "表达式无法执行：" + e.getMessage())));
        }
    }

    /** A compiled part of a condition: evaluates to a value, or throws when CEL gives an error (e.g. a missing attribute). */
    @FunctionalInterface
    public interface SubExpression {
        Object eval(Map<String, Object> enterprise, String today) throws CelEvaluationException;
    }

    /** An amount formula: must evaluate to a number (int or double), in yuan. */
    public Formula formula(String source) {
        return new Formula(source, compile(source, "金额公式", null));
    }

    private Program compile(String source, String what, CelType expected) {
        CelAbstractSyntaxTree ast = checked(source, what, expected);
        try {
            return new Program(runtime.createProgram(ast), attributesIn(source), ast);
        } catch (dev.cel.common.CelException e) {
            throw new RuleCompilationException(List.of(new RuleError(1, 1, "表达式无法执行：" + e.getMessage())));
        }
    }

    private CelAbstractSyntaxTree checked(String source, String what, CelType expected) {
        if (source == null || source.isBlank()) {
            throw new RuleCompilationException(List.of(new RuleError(1, 1, what + "不能为空")));
        }
        if (source.length() > RuleBudget.MAX_SOURCE) {
            throw new RuleCompilationException(List.of(new RuleError(1, 1,
                    what + "过长：" + source.length() + " 个字符，上限 " + RuleBudget.MAX_SOURCE)));
        }
        CelAbstractSyntaxTree ast;
        try {
            ast = compiler.compile(source).getAst();
        } catch (CelValidationException e) {
            throw new RuleCompilationException(e.getErrors().stream().map(RuleCompiler::error).toList());
        }
        CelType type = ast.getResultType();
        if (expected != null && !type.equals(expected) && type.kind() != CelKind.DYN) {
            throw new RuleCompilationException(List.of(new RuleError(1, 1, what + "的结果应为是/否（布尔值），实际为" + type.name())));
        }
        if (expected == null && type.kind() != CelKind.INT && type.kind() != CelKind.DOUBLE && type.kind() != CelKind.DYN) {
            throw new RuleCompilationException(List.of(new RuleError(1, 1, what + "的结果应为数值（元），实际为" + type.name())));
        }
        RuleBudget.check(ast, schema, what);
        return ast;
    }

    private static RuleError error(CelIssue issue) {
        int line = Math.max(1, issue.getSourceLocation().getLine());
        int column = Math.max(0, issue.getSourceLocation().getColumn()) + 1;
        return new RuleError(line, column, ErrorMessages.translate(issue.getMessage()));
    }

    private static Set<String> attributesIn(String source) {
        Set<String> names = new TreeSet<>();
        Matcher m = ATTRIBUTE_REFERENCE.matcher(source.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\""));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** A compiled expression and the attributes it reads. */
    record Program(CelRuntime.Program program, Set<String> attributes, CelAbstractSyntaxTree ast) {

        Object eval(Map<String, Object> enterprise, String today) throws CelEvaluationException {
            return program.eval(Map.of("e", enterprise, "today", today));
        }
    }
}
