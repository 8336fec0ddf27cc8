/**
 * 保留清单: the periodic cleanup of the documents in force. The justice department opens a round; each issuing
 * department proposes 继续有效 / 修改 / 废止 / 失效 for its documents; the justice department gives its legal opinion
 * (agreeing, or deciding otherwise); publishing the round publishes the retention list and abolishes the documents it
 * drops, with their items (applications and grants stay on record).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Retention list (保留清单)")
package io.zhida.retention;
