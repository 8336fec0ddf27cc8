package io.zhida.experience;

import io.zhida.experience.internal.MemberRows;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AuditLog;
import io.zhida.identity.People;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Listing;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Validation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 体验官 and expert recruitment: anyone applies on the public page; the evaluation office selects, for a term, or declines. */
@Service
public class Pool {

    private final MemberRows rows;
    private final People people;
    private final AuditLog audit;
    private final Clock clock;

    Pool(MemberRows rows, People people, AuditLog audit, Clock clock) {
        this.rows = rows;
        this.people = people;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public long apply(Member.Application a) {
        new Validation().require(a.kind() != null, "kind", "请选择申请类别").require(a.background() != null, "background", "请选择身份")
                .requireText(a.name(), "name", "姓名", 50)
                .require(a.phone() != null && a.phone().strip().matches("1\\d{10}"), "phone", "请填写 11 位手机号")
                .optionalText(a.organisation(), "organisation", "工作单位", 200)
                .requireText(a.expertise(), "expertise", "熟悉的领域和服务经历", 1000).throwIfInvalid();
        return rows.insert(new Member.Application(a.kind(), a.name().strip(), a.phone().strip(), a.background(),
                a.organisation() == null || a.organisation().isBlank() ? null : a.organisation().strip(), a.expertise().strip()));
    }

    /** Selects for a term, with the account the officer signs in with (it must hold the 体验官 role), or declines. */
    @Transactional
    public void decide(ZhidaUser evaluator, long id, boolean select, String username, LocalDate from, LocalDate until) {
        AccessPolicy.EVALUATION_WORK.require(evaluator);
        Member m = rows.lock(id).orElseThrow(() -> new NotFoundException("没有这位申请人"));
        if (m.status() != Member.Status.APPLIED) {
            throw new InvalidInputException("status", "该申请已处理");
        }
        if (select) {
            new Validation().require(from != null && until != null && !until.isBefore(from) && !until.isAfter(from.plusYears(3)), "term",
                            "聘期应为起止日期，不超过三年")
                    .require(m.kind() == Member.Kind.EXPERT || (username != null && people.holds(username.strip(), Role.OFFICER)), "username",
                            "请填写已开通体验官角色的账号").throwIfInvalid();
        }
        try {
            rows.decide(id, select ? Member.Status.ACTIVE : Member.Status.DECLINED, select && username != null && !username.isBlank()
                    ? username.strip() : null, select ? from : null, select ? until : null, evaluator.getUsername());
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("username", "该账号已是在聘体验官");
        }
        audit.record("experience.member", "experience_member", String.valueOf(id), (select ? "聘任" : "未入选") + m.kind().label() + " " + m.name(),
                null, username);
    }

    @Transactional
    public void end(ZhidaUser evaluator, long id) {
        AccessPolicy.EVALUATION_WORK.require(evaluator);
        if (rows.end(id) == 0) {
            throw new InvalidInputException("status", "只有在聘人员可以解聘");
        }
    }

    public Listing<Member> list(Member.Kind kind, Member.Status status) {
        return rows.list(kind == null ? null : kind.name(), status == null ? null : status.name());
    }

    public List<Member> activeOfficers() {
        return rows.activeOfficers(LocalDate.now(clock));
    }

    public boolean isActiveOfficer(String username) {
        return rows.activeOfficer(username, LocalDate.now(clock));
    }
}
