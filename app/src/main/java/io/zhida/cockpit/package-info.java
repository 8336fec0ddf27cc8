/**
 * 领导驾驶舱: headline figures, funnels, trends and distributions for leaders and unit heads, from a read
 * model kept by domain events (applications, grants, matches, reads, ratings) and rebuilt from the
 * records when empty; monthly reports; the public aggregates on the portal home page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Cockpit")
package io.zhida.cockpit;
