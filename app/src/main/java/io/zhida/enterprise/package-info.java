/**
 * Enterprise profiles (一企一档) in the names of the enterprise data standard v1, with the data
 * scope applied: an enterprise user sees its own profile, a county its county's enterprises.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Enterprise profiles")
package io.zhida.enterprise;
