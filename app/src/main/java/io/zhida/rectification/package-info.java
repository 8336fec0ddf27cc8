/**
 * 问题清单 / 整改台账: every problem found — by evaluations, back-to-back rankings, enterprise appeals, overdue
 * tasks, or by hand — gets a number, an owner, a target, measures and a deadline in working days, and is
 * followed open → in progress → done (with evidence) → checked (回头看, which may reopen it). Also the
 * enterprise appeals (诉求) channel, whose unresolved cases become problems.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rectification")
package io.zhida.rectification;
