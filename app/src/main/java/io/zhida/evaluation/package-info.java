/**
 * 三评促三率 and 背靠背: the three rates computed from the platform's own records, evaluation campaigns
 * (indicator schemes, department self-evaluation, surveys, third-party checks, weighted scores),
 * and Guangyuan's back-to-back evaluation (sample library, proportional draws, real-time QR ratings,
 * 80/20 scoring, rankings and their consequences). Reads other modules' tables only for reporting.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluation")
package io.zhida.evaluation;
