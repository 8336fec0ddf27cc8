package io.zhida.calendar.internal;

import io.zhida.calendar.WorkingTime;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CalendarRows {

    private final JdbcClient jdbc;

    CalendarRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public WorkingTime load() {
        Map<LocalDate, WorkingTime.Day> days = new HashMap<>();
        jdbc.sql("SELECT day, working, name FROM calendar_day").query((rs, n) -> new WorkingTime.Day(
                rs.getObject(1, LocalDate.class), rs.getBoolean(2), rs.getString(3))).list()
                .forEach(d -> days.put(d.date(), d));
        Set<Integer> years = new HashSet<>(jdbc.sql("SELECT year FROM calendar_year").query(Integer.class).list());
        return new WorkingTime(days, years);
    }

    public List<WorkingTime.Day> days(int year) {
        return jdbc.sql("SELECT day, working, name FROM calendar_day WHERE day BETWEEN ? AND ? ORDER BY day")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                .query((rs, n) -> new WorkingTime.Day(rs.getObject(1, LocalDate.class), rs.getBoolean(2), rs.getString(3))).list();
    }

    public Optional<String> source(int year) {
        return jdbc.sql("SELECT source FROM calendar_year WHERE year = ?").param(year).query(String.class).optional();
    }

    /** @param replace whether an existing year's source is overwritten */
    public void ensureYear(int year, String source, String actor, boolean replace) {
        jdbc.sql("INSERT INTO calendar_year (year, source, entered_by) VALUES (?, ?, ?) ON CONFLICT (year) DO "
                        + (replace ? "UPDATE SET source = excluded.source, entered_by = excluded.entered_by, entered_at = now()" : "NOTHING"))
                .params(year, source, actor).update();
    }

    public void upsertDay(LocalDate date, boolean working, String name) {
        jdbc.sql("""
                INSERT INTO calendar_day (day, working, name) VALUES (?, ?, ?)
                ON CONFLICT (day) DO UPDATE SET working = excluded.working, name = excluded.name""")
                .params(date, working, name).update();
    }

    public int deleteDay(LocalDate date) {
        return jdbc.sql("DELETE FROM calendar_day WHERE day = ?").param(date).update();
    }
}
