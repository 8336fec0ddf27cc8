/**
 * 营商环境体验官: a pool of officers and experts recruited from entrepreneurs, intermediaries and scholars; tasks that send an
 * officer to test a service online, at a window (亲自办、代理办、陪同办) or by call-back, with a questionnaire drawn from the
 * service's own steps; findings recorded with evidence on a phone, verified by the evaluation office (组织核查) and put on
 * the rectification ledger with a responsible unit (建账定责), fed back to the officer, and re-checked by the officer once
 * fixed and every so often after (常态复查).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Experience officers (体验官)")
package io.zhida.experience;
