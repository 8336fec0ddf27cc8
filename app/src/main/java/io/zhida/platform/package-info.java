/**
 * Technical ground every module stands on: the embedded PostgreSQL for the quick start and tests,
 * problem+json error handling, and the deployment mode. Depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package io.zhida.platform;
