/**
 * The rule language: policy conditions and amount formulas in CEL over the enterprise {@code e}
 * (the names of enterprise data standard v1) and {@code today} (an ISO date string).
 *
 * <pre>{@code
 * RuleCompiler rules = new RuleCompiler(AttributeSchema.standard());
 * Condition condition = rules.condition("""
 *     e.industry.startsWith("C")      // 制造业企业
 *     && e.revenue >= 20000000        // 上年营业收入不低于2000万元
 *     && !e.dishonest                 // 未列入严重失信主体名单
 *     """);
 * Formula formula = rules.formula("e.rd_expense * 0.1");
 * Calculator.Result r = Calculator.calculate(condition, formula, new BigDecimal("500000"),
 *     Map.of("industry", "C3911", "revenue", 3.0e7, "dishonest", false, "rd_expense", 1.2e6),
 *     rules.schema(), LocalDate.of(2026, 11, 21));
 * // r.result() == ELIGIBLE, r.amount() == 120000.00, r.clauses() explains each line
 * }</pre>
 *
 * Evaluation is three-valued ({@link io.zhida.engine.rule.Outcome}): an attribute the platform does
 * not hold makes a clause UNDETERMINED (待补充), never false; a false clause still decides.
 */
package io.zhida.engine.rule;
