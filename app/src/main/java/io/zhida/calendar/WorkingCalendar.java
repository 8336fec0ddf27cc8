package io.zhida.calendar;

import io.zhida.calendar.internal.CalendarRows;
import io.zhida.identity.AuditLog;
import io.zhida.platform.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The platform's calendar: the current schedule snapshot and the administrator's edits to it. */
@Service
public class WorkingCalendar {

    private final CalendarRows rows;
    private final AuditLog audit;
    private final AtomicReference<WorkingTime> snapshot = new AtomicReference<>();

    WorkingCalendar(CalendarRows rows, AuditLog audit) {
        this.rows = rows;
        this.audit = audit;
    }

    /** The schedule as it stands; cheap to call, reloaded after every edit. */
    public WorkingTime time() {
        WorkingTime current = snapshot.get();
        if (current == null) {
            current = rows.load();
            snapshot.set(current);
        }
        return current;
    }

    public LocalDate addWorkingDays(LocalDate from, int days) {
        return time().addWorkingDays(from, days);
    }

    public Instant addWorkingMinutes(Instant start, long minutes) {
        return time().addWorkingMinutes(start, minutes);
    }

    public List<WorkingTime.Day> listedDays(int year) {
        return rows.days(year);
    }

    public java.util.Optional<String> scheduleSource(int year) {
        return rows.source(year);
    }

    /** Lists a holiday or a make-up working day, replacing what the date had. */
    @Transactional
    public void setDay(LocalDate date, boolean working, String name) {
        if (name == null || name.isBlank() || name.length() > 40) {
            throw new InvalidInputException("name", "请填写节日或调休名称（不超过 40 字）");
        }
        boolean weekend = date.getDayOfWeek().getValue() >= 6;
        if (working && !weekend) {
            throw new InvalidInputException("date", date + " 是工作日，无需设为调休上班");
        }
        rows.ensureYear(date.getYear(), "管理员录入", io.zhida.identity.CurrentUser.actor(), false);
        rows.upsertDay(date, working, name.trim());
        audit.record("calendar.day", "calendar", date.toString(), (working ? "调休上班：" : "节假日：") + name, null, name);
        reloadAfterCommit();
    }

    @Transactional
    public void removeDay(LocalDate date) {
        if (rows.deleteDay(date) > 0) {
            audit.record("calendar.remove", "calendar", date.toString(), "删除节假日安排", date.toString(), null);
        }
        reloadAfterCommit();
    }

    /** Records that a year's schedule was entered (even if it lists no day), so Mon–Fri is no longer a guess. */
    @Transactional
    public void confirmYear(int year, String source) {
        rows.ensureYear(year, source == null || source.isBlank() ? "管理员录入" : source.trim(), io.zhida.identity.CurrentUser.actor(), true);
        reloadAfterCommit();
    }

    private void reloadAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    snapshot.set(null);
                }
            });
        } else {
            snapshot.set(null);
        }
    }
}
