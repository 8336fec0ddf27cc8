/**
 * 政策找企业: keeps the matching index (engine.index) over every enterprise and every online item,
 * stores who is eligible or undetermined for what (with the rule version), and announces new
 * matches as {@link io.zhida.matching.MatchesFound} events through the transactional outbox.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Matching")
package io.zhida.matching;
