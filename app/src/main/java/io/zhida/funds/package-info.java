/**
 * Fund pools, grants, payout batches, public disclosure (公示) and 免申即享 runs. A grant is the only
 * way money is promised: one per enterprise, item and period (a database constraint), reserved from
 * the item's pool by a guarded update so the pool never goes below zero, and paid through a bank
 * batch at most once.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Funds")
package io.zhida.funds;
