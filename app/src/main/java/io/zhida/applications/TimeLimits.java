package io.zhida.applications;

import io.zhida.applications.internal.RecordRows;
import io.zhida.applications.internal.TaskRows;
import io.zhida.calendar.WorkingCalendar;
import io.zhida.calendar.WorkingTime;
import io.zhida.identity.AuditLog;
import io.zhida.identity.CurrentUser;
import io.zhida.identity.Organisations;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Listing;
import io.zhida.platform.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 时限: opens and closes the clocks of each step (defaults after Guangyuan: window dispatches within 1
 * working hour, the department responds within 1 working hour and decides within the item's limit or
 * 10 working days, payment within 1 working day), escalates overdue ones (督办) once, and records 催办.
 */
@Service
public class TimeLimits {

    private final TaskRows tasks;
    private final RecordRows records;
    private final WorkingCalendar calendar;
    private final Organisations organisations;
    private final AuditLog audit;
    private final int windowMinutes;
    private final int respondMinutes;
    private final int decideDays;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TimeLimits(TaskRows tasks, RecordRows records, WorkingCalendar calendar, Organisations organisations, AuditLog audit,
               @Value("${zhida.applications.window-working-minutes:60}") int windowMinutes,
               @Value("${zhida.applications.respond-working-minutes:60}") int respondMinutes,
               @Value("${zhida.applications.decide-working-days:10}") int decideDays, ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.tasks = tasks;
        this.records = records;
        this.calendar = calendar;
        this.organisations = organisations;
        this.audit = audit;
        this.windowMinutes = windowMinutes;
        this.respondMinutes = respondMinutes;
        this.decideDays = decideDays;
        this.events = events;
    }

    void openWindow(long applicationId, String windowDepartment) {
        Instant now = clock.instant();
        tasks.open(applicationId, "WINDOW", windowDepartment, now, calendar.addWorkingMinutes(now, windowMinutes));
    }

    void openDepartment(long applicationId, String department, Integer itemDays) {
        Instant now = clock.instant();
        tasks.open(applicationId, "RESPOND", department, now, calendar.addWorkingMinutes(now, respondMinutes));
        tasks.open(applicationId, "DECIDE", department, now, calendar.time().dayDeadline(now, itemDays == null ? decideDays : itemDays));
    }

    void openPayment(long applicationId, String financeDepartment, Instant due) {
        tasks.open(applicationId, "PAY", financeDepartment, clock.instant(), due);
    }

    void close(long applicationId, TimeLimitTask.Kind kind, String department) {
        tasks.close(applicationId, kind.name(), department);
    }

    void closeAll(long applicationId) {
        tasks.closeAll(applicationId);
    }

    /** The payment clock stops while the money waits for the enterprise to confirm its receiving account. */
    void pausePayment(long applicationId) {
        tasks.pause(applicationId, "PAY");
    }

    /** The account is confirmed: the payment clock goes on with the working time that was left. */
    void resumePayment(long applicationId) {
        resume(applicationId, TimeLimitTask.Kind.PAY);
    }

    /** 补正: the window's clock stops while the application is with the enterprise. */
    void pauseWindow(long applicationId) {
        tasks.pause(applicationId, "WINDOW");
    }

    /** Resubmitted: the clock goes on with the working time that was left when it stopped. */
    void resumeWindow(long applicationId) {
        resume(applicationId, TimeLimitTask.Kind.WINDOW);
    }

    private void resume(long applicationId, TimeLimitTask.Kind kind) {
        WorkingTime time = calendar.time();
        for (TimeLimitTask t : tasks.forApplication(applicationId)) {
            if (t.kind() == kind && t.open() && t.pausedAt() != null) {
                long left = time.workingMinutesBetween(t.pausedAt(), t.dueAt());
                tasks.resume(t.id(), time.addWorkingMinutes(clock.instant(), left));
            }
        }
    }

    public List<TimeLimitTask> forApplication(long applicationId) {
        return tasks.forApplication(applicationId);
    }

    public Countdown countdown(TimeLimitTask task) {
        WorkingTime time = calendar.time();
        long allowed = time.workingMinutesBetween(task.startedAt(), task.dueAt());
        Instant until = task.doneAt() != null ? task.doneAt() : task.pausedAt() != null ? task.pausedAt() : clock.instant();
        long used = time.workingMinutesBetween(task.startedAt(), until);
        if (task.doneAt() == null && task.pausedAt() == null && clock.instant().isAfter(task.dueAt())) {
            used = Math.max(used, allowed + time.workingMinutesBetween(task.dueAt(), clock.instant()));
            used = Math.max(used, allowed + 1);
        }
        return Countdown.of(allowed, used, task.pausedAt() != null, task.doneAt() != null);
    }

    /**
     * 督办: each overdue task is escalated once, to the responsible department's head and the evaluation
     * officers (both see it on the 督办 page), and the escalation goes on the application's timeline.
     */
    @Scheduled(cron = "${zhida.applications.escalation-cron:0 * * * * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "applications.escalation", lockAtMostFor = "PT10M")
    @Transactional
    public void escalateOnSchedule() {
        escalate();
    }

    /** @return how many tasks were escalated now */
    @Transactional
    public int escalateOverdue() {
        return escalate();
    }

    private int escalate() {
        int count = 0;
        for (TimeLimitTask t : tasks.overdueNotEscalated(clock.instant())) {
            if (tasks.markEscalated(t.id()) == 1) {
                String unit = departmentName(t.departmentCode());
                records.event(t.applicationId(), CurrentUser.SYSTEM, "ESCALATED", "超时督办：" + t.kind().label(),
                        "时限至 " + WorkingTimeText.format(t.dueAt()) + "，已提请" + unit + "负责人及督查员督办");
                events.publishEvent(new TaskEscalated(t.id(), t.applicationId(), t.applicationNumber(), t.itemName(), t.enterpriseName(),
                        t.kind().label(), t.departmentCode(), t.dueAt()));
                count++;
            }
        }
        return count;
    }

    /**
     * 催办: a head or evaluation officer urges the unit; recorded with the task and on the timeline.
     * The application is one the caller was allowed to see ({@link Applications#get}); the task must be one of its own.
     */
    @Transactional
    public void remind(Application application, long taskId, String note) {
        TimeLimitTask task = tasks.find(taskId).filter(t -> t.applicationId() == application.id())
                .orElseThrow(() -> new NotFoundException("没有这项任务"));
        if (!task.open()) {
            throw new InvalidInputException("task", "该环节已办结，无需催办");
        }
        String text = note == null || note.isBlank() ? "请抓紧办理" : note.trim();
        tasks.remind(taskId, CurrentUser.actor(), text);
        records.event(task.applicationId(), CurrentUser.actor(), "REMINDED", "催办：" + task.kind().label(), text);
        audit.record("task.remind", "application", String.valueOf(task.applicationId()), "催办 " + task.kind().label(), null, text);
    }

    public List<TimeLimitTask> overdue(String departmentCode) {
        return tasks.overdue(departmentCode, clock.instant(), 500);
    }

    /** The 督办 list of one department (null = all), optionally of one step (kind null = every step). */
    public Listing<TimeLimitTask> overdueList(String departmentCode, TimeLimitTask.Kind kind) {
        return tasks.overdueListing(departmentCode, kind == null ? null : kind.name(), clock.instant());
    }

    public java.util.Optional<TimeLimitTask> task(long id) {
        return tasks.find(id);
    }

    public String departmentName(String code) {
        return organisations.departmentByCode(code).map(Organisations.Department::name).orElse(code);
    }
}
