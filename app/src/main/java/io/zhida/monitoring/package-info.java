/**
 * 监测点、监督员: chambers of commerce, associations, enterprises and offices outside the city are registered as monitoring
 * points, each with its supervisor, who reports observations and complaints about the business environment; the
 * evaluation office puts each on the rectification ledger with a responsible unit, or dismisses it with a reply; each
 * point's activity is visible, and a point that has been silent for long is shown as such.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Monitoring points (监测点)")
package io.zhida.monitoring;
