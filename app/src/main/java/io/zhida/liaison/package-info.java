/**
 * 三级帮包: city, county and township (park) officials each look after a set of enterprises — tiers defined by rules over
 * the enterprise data standard (CEL, with an optional "the largest N by"), recomputed when the data or the rules change —
 * and log their visits; an enterprise's demands to its official are a closed loop in working days (快速响应 → 限时办结 →
 * 跟踪督办 → 办结反馈), escalated to the rectification ledger when late, and rated by the enterprise.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Liaison (三级帮包)")
package io.zhida.liaison;
