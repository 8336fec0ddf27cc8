/**
 * Push (政策推送): the in-site inbox, fed by matching's events through Spring Modulith's event
 * publication registry, so a crash between "matched" and "sent" neither loses a message nor —
 * thanks to the one-notice-per-(enterprise, item) key — sends one twice.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notify")
package io.zhida.notify;
