/**
 * The policy library: documents, standardized policy items whose conditions and amounts are CEL
 * rules, standardization review before publication, versions, YAML exchange, search, the public
 * portal and the policy calculator.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Policy catalog")
package io.zhida.catalog;
