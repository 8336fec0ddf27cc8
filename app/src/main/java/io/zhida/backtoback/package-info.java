/**
 * 背靠背 and 码上评, after Guangyuan: the sample library, proportional random draws, invitations answered by link,
 * real-time QR ratings of windows and departments, 80/20 scoring, rankings and their consequences (ledger problems
 * for the last places).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Back-to-back evaluation")
package io.zhida.backtoback;
