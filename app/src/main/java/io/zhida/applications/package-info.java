/**
 * 申报 → 受理 → 交办 → 审核: online applications built from the item's materials, the one-stop
 * window (accept, 补正, refuse, dispatch with a 交办通知书), department review (single, joint, expert
 * panel), time limits in working time with countdowns, escalation (督办) and reminders (催办), the
 * enterprise's timeline and its rating (好差评). 即申即享 items are decided at submission (秒批).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Applications")
package io.zhida.applications;
