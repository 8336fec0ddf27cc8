/**
 * The working-day calendar: Monday–Friday, minus the State Council's public holidays, plus the weekend
 * days declared working days (调休). The schedule is data an administrator enters per year; a year
 * without one counts Monday–Friday. Deadlines count N working days from the day after the start;
 * hour limits count office hours (09:00–12:00, 13:30–17:30 Asia/Shanghai).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Working-day calendar")
package io.zhida.calendar;
