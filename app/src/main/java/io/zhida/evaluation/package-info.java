/**
 * 三评促三率 campaigns: indicator schemes, department self-evaluation, enterprise surveys (questionnaires, SMS and phone
 * interviews with quotas), third-party checks, weighted scores, unit rankings and the campaign report. The rates come
 * from {@code rates}; nothing here reads another module's tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluation campaigns and surveys")
package io.zhida.evaluation;
