/**
 * 回访中心: each day a sample of the transactions finished lately — applications, 帮办, 帮包 demands and visits — within each
 * county's daily quota, for phone operators to call with a script; an answer feeds the satisfaction rate, and one that
 * says the matter is unresolved or the enterprise is dissatisfied opens a problem on the county's rectification ledger.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Call-back centre (回访中心)")
package io.zhida.callback;
