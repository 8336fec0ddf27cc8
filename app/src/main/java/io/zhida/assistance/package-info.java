/**
 * 帮办代办: 平台收单、中心派单、专员接单、企业评单. An enterprise asks for help with a policy item, or a 惠企政策专员 offers
 * it to an enterprise on the item's eligible list; the centre dispatches the request to a 专员, who prepares the
 * application with the enterprise's documents; the enterprise itself confirms it and signs the 承诺书, which submits it
 * through applications; the 专员 follows it to the end, and the enterprise rates the help. The centre sees each
 * 专员's workload, time and ratings.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Assistance (帮办代办)")
package io.zhida.assistance;
