/**
 * The public portal home page, the per-role workbench, and the layout model (current user and
 * menu) every page shares. Later modules add their entries through MenuEntry beans.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portal and workbench")
package io.zhida.portal;
