package io.zhida.experience;

import io.zhida.applications.Upload;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.experience.internal.ExperienceRows;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AuditLog;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Listing;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Validation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The evaluation office sends an officer to test a service; the officer answers the questionnaire and records what was wrong. */
@Service
public class Tasks {

    /** What the officer hands in for one question. */
    public record Report(ExperienceTask.Verdict verdict, String note, String evidenceName, byte[] evidence) {
    }

    private final ExperienceRows rows;
    private final PolicyCatalog catalog;
    private final Pool pool;
    private final AuditLog audit;
    private final Clock clock;

    Tasks(ExperienceRows rows, PolicyCatalog catalog, Pool pool, AuditLog audit, Clock clock) {
        this.rows = rows;
        this.catalog = catalog;
        this.pool = pool;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public long create(ZhidaUser evaluator, String itemCode, ExperienceTask.Channel channel, String officer, LocalDate due) {
        AccessPolicy.EVALUATION_WORK.require(evaluator);
        PolicyItem item = itemCode == null ? null : catalog.onlineItem(itemCode.strip()).orElse(null);
        new Validation().require(item != null, "item", "请选择要体验的在线服务事项").require(channel != null, "channel", "请选择体验方式")
                .require(officer != null && pool.isActiveOfficer(officer.strip()), "officer", "请选择在聘体验官")
                .require(due != null && !due.isBefore(LocalDate.now(clock)) && !due.isAfter(LocalDate.now(clock).plusMonths(3)), "due",
                        "完成期限应在今天到三个月之间").throwIfInvalid();
        long id = rows.insert(item.code(), item.content().name(), item.content().departments().get(0), channel, officer.strip(), due,
                Questionnaire.of(item, channel), evaluator.getUsername());
        audit.record("experience.task", "experience_task", String.valueOf(id), item.content().name() + " · " + channel.label(), null, officer);
        return id;
    }

    /** The officer's answers; each 不符合 needs what was seen, and may carry a photo or document as evidence. */
    @Transactional
    public void submit(ZhidaUser officer, long id, List<Report> reports, String summary) {
        ExperienceTask t = rows.find(id, true).orElseThrow(() -> new NotFoundException("没有这项体验任务"));
        if (!officer.has(Role.OFFICER) || !officer.getUsername().equals(t.officer())) {
            throw new AccessDeniedException("the officer the task was given to");
        }
        if (t.status() != ExperienceTask.Status.ASSIGNED) {
            throw new InvalidInputException("status", "该任务已提交");
        }
        if (reports.size() != t.questions().size()) {
            throw new InvalidInputException("answers", "请回答全部问题");
        }
        new Validation().optionalText(summary, "summary", "体验小结", 2000).throwIfInvalid();
        List<ExperienceTask.Answer> answers = new ArrayList<>();
        for (int i = 0; i < reports.size(); i++) {
            Report r = reports.get(i);
            String question = t.questions().get(i);
            String note = r.note() == null ? "" : r.note().strip();
            if (r.verdict() == null) {
                throw new InvalidInputException("answer-" + i, "第 " + (i + 1) + " 题未作答");
            }
            if (note.length() > 1000) {
                throw new InvalidInputException("note-" + i, "第 " + (i + 1) + " 题的说明不超过 1000 字");
            }
            if (r.verdict() == ExperienceTask.Verdict.NOT_OK) {
                if (note.isEmpty()) {
                    throw new InvalidInputException("note-" + i, "第 " + (i + 1) + " 题不符合，请写明看到的问题");
                }
                boolean hasEvidence = r.evidence() != null && r.evidence().length > 0;
                String type = hasEvidence ? new Upload("第 " + (i + 1) + " 题的证据", r.evidenceName(), r.evidence()).check("evidence-" + i) : null;
                rows.finding(id, question, note, hasEvidence ? r.evidenceName() : null, type, hasEvidence ? r.evidence() : null);
            }
            answers.add(new ExperienceTask.Answer(question, r.verdict(), note.isEmpty() ? null : note));
        }
        rows.submit(id, answers, summary == null || summary.isBlank() ? null : summary.strip());
        rows.verifiedIfDone(id); // nothing found: nothing to verify
    }

    public ExperienceTask view(long id, ZhidaUser user) {
        ExperienceTask t = rows.find(id, false).orElseThrow(() -> new NotFoundException("没有这项体验任务"));
        boolean own = user.has(Role.OFFICER) && user.getUsername().equals(t.officer());
        if (!own && !AccessPolicy.EVALUATION_READING.allows(user)) {
            throw new AccessDeniedException("not your task");
        }
        return t;
    }

    public Listing<ExperienceTask> all(ExperienceTask.Status status) {
        return rows.list(null, status == null ? null : status.name());
    }

    public Listing<ExperienceTask> mine(ZhidaUser officer) {
        return rows.list(officer.getUsername(), null);
    }

    public List<ExperienceTask.Finding> findings(long taskId) {
        return rows.findings(taskId);
    }
}
