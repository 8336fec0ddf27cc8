/**
 * 意见征询: before a draft item is published its author opens it for comments for a period; the enterprises the sandbox
 * says it would reach and the finance, justice and market-regulation departments (and any chosen) are invited by inbox
 * and SMS; anyone may comment on the portal; the author answers each comment (采纳 / 部分采纳 / 不采纳, with the reason);
 * closing publishes the summary, which the library shows at the item's 标准化审查.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Consultation (意见征询)")
package io.zhida.consultation;
