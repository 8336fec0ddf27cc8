/**
 * Part of the government's systems: other systems subscribe to what happens on the platform and receive it as signed
 * webhooks (HMAC-SHA256 with a timestamp), written to a transactional outbox with the change itself, retried with
 * back-off and kept in a delivery log they can replay. The systems themselves and their tokens are identity's.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Integration (webhooks)")
package io.zhida.integration;
