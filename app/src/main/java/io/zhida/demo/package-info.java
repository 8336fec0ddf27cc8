/**
 * The demo city 示范市: on the first start in demo mode it creates the regions, departments,
 * enterprises and one account per role, deterministically from a seed, and prints the accounts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo city")
package io.zhida.demo;
