package io.zhida.applications;

import io.zhida.applications.internal.RecordRows;
import io.zhida.identity.AuditLog;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 好差评: one rating per finished transaction, 1–5 stars with a comment. */
@Service
public class Ratings {

    private final Applications applications;
    private final ApplicationAccess access;
    private final RecordRows records;
    private final AuditLog audit;

    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    Ratings(Applications applications, ApplicationAccess access, RecordRows records, AuditLog audit,
            org.springframework.context.ApplicationEventPublisher events, Clock clock) {
        this.clock = clock;
        this.events = events;
        this.applications = applications;
        this.access = access;
        this.records = records;
        this.audit = audit;
    }

    @Transactional
    public void rate(long id, ZhidaUser user, int stars, String comment) {
        Application a = applications.get(id, user);
        access.requireOwner(user, a);
        if (!a.status().finished()) {
            throw new InvalidInputException("stars", "办结后才能评价");
        }
        if (a.status() == Application.Status.WITHDRAWN) {
            throw new InvalidInputException("stars", "已撤回的申报不作服务评价，如有意见可在“我的诉求”中提出");
        }
        if (stars < 1 || stars > 5) {
            throw new InvalidInputException("stars", "评价应为 1 到 5 星");
        }
        if (stars <= 2 && (comment == null || comment.isBlank())) {
            throw new InvalidInputException("comment", "差评请写明不满意的地方，便于整改");
        }
        if (!records.rate(id, a.uscc(), stars, comment == null ? null : comment.trim())) {
            throw new InvalidInputException("stars", "本次办理已评价，每件事只能评价一次");
        }
        records.event(id, user.getUsername(), "RATED", "企业评价 " + stars + " 星", comment);
        events.publishEvent(new ServiceRated(id, a.uscc(), a.itemCode(), stars, clock.instant()));
        audit.record("application.rate", "application", a.number(), "好差评 " + stars + " 星", null, comment);
    }

    public Optional<Application.Rating> rating(long id) {
        return records.rating(id);
    }
}
