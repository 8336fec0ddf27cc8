/**
 * The matching index (政策找企业): every enterprise's attributes as dictionary-encoded columns with
 * range-encoded bitmaps, and every item's CEL condition compiled into a plan over them. Clauses
 * over one attribute become bitmap operations; the rest is evaluated by CEL only on the enterprises
 * that remain. Answers are three-valued, exactly as evaluating the condition pair by pair.
 *
 * <pre>{@code
 * RuleCompiler rules = new RuleCompiler(AttributeSchema.standard());
 * EnterpriseTable.Builder builder = EnterpriseTable.builder(rules.schema());
 * builder.add("91519900MA...", DerivedAttributes.enrich(EnterpriseValues.normalize(raw, rules.schema())));
 * MatchIndex index = new MatchIndex(rules, builder.build());
 * index.putItem("GX-001", "e.industry.startsWith(\"C\") && e.revenue >= 2e7");
 * ItemMatch m = index.matchItem("GX-001", LocalDate.now());         // all eligible enterprises
 * index.matchEnterprise(values, LocalDate.now());                   // all items of one enterprise
 * }</pre>
 */
package io.zhida.engine.index;
