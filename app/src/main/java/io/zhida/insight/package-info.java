/**
 * 诉求智能分析: what enterprises write to the platform — appeals (诉求, those the 12345 hotline hands over too), 好差评
 * comments, survey free text and 帮包 demands — cut into words by the smartcn analyzer the policy search uses, counted as
 * hot words, grouped into small named topics of words that occur together, by department, item, industry and month,
 * with trends, the texts behind each word, and a monthly 政策诉求月报 (page and XLSX).
 * <p>
 * The module reads no one's tables and depends on no module that owns texts: each owner implements
 * {@link io.zhida.insight.DemandTextSource} in its own {@code internal} package, over its own tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demand insight (诉求智能分析)")
package io.zhida.insight;
