/**
 * 三率: 知晓覆盖率, 办理满意率 and 兑现到位率 computed from the platform's own records (the owners' published facts),
 * by county, department, item and period, with their numerators and denominators traceable; the measures the
 * evaluation campaigns score with.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Three rates")
package io.zhida.rates;
