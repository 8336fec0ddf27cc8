package io.zhida.monitoring;

import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AuditLog;
import io.zhida.identity.Organisations;
import io.zhida.identity.People;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.monitoring.internal.MonitoringRows;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Listing;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Validation;
import io.zhida.rectification.Ledger;
import io.zhida.rectification.Problem;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Registering points, the supervisors' reports, and their handling onto the ledger. */
@Service
public class MonitoringPoints {

    private final MonitoringRows rows;
    private final People people;
    private final Organisations organisations;
    private final Ledger ledger;
    private final AuditLog audit;

    MonitoringPoints(MonitoringRows rows, People people, Organisations organisations, Ledger ledger, AuditLog audit) {
        this.rows = rows;
        this.people = people;
        this.organisations = organisations;
        this.ledger = ledger;
        this.audit = audit;
    }

    /** The supervisor is an account of the point itself: an enterprise's user, or a 体验官/监督员 account. */
    @Transactional
    public long register(ZhidaUser evaluator, String name, Monitoring.PointKind kind, String region, String supervisor, String contact) {
        AccessPolicy.EVALUATION_WORK.require(evaluator);
        new Validation().requireText(name, "name", "监测点名称", 200).require(kind != null, "kind", "请选择监测点类型")
                .require(region == null || region.isBlank() || organisations.region(region).isPresent(), "region", "县（区）不存在")
                .require(supervisor != null && (people.holds(supervisor.strip(), Role.ENTERPRISE) || people.holds(supervisor.strip(), Role.OFFICER)),
                        "supervisor", "监督员应为企业用户或体验官账号")
                .optionalText(contact, "contact", "联系方式", 100).throwIfInvalid();
        try {
            long id = rows.insertPoint(name.strip(), kind, region == null || region.isBlank() ? null : region, supervisor.strip(),
                    contact == null || contact.isBlank() ? null : contact.strip(), evaluator.getUsername());
            audit.record("monitoring.point", "monitoring_point", String.valueOf(id), "设立监测点 " + name.strip(), null, supervisor.strip());
            return id;
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("supervisor", "该账号已是其他监测点的监督员");
        }
    }

    @Transactional
    public void deactivate(ZhidaUser evaluator, long id) {
        AccessPolicy.EVALUATION_WORK.require(evaluator);
        if (rows.deactivate(id) == 0) {
            throw new InvalidInputException("id", "监测点已撤销");
        }
    }

    /** The supervisor of an active point reports what it saw or a complaint, optionally naming the unit concerned. */
    @Transactional
    public long report(ZhidaUser supervisor, Monitoring.ObservationKind kind, String content, String department) {
        Monitoring.Point point = rows.pointOf(supervisor.getUsername())
                .orElseThrow(() -> new AccessDeniedException("the supervisor of an active monitoring point"));
        new Validation().require(kind != null, "kind", "请选择类型").requireText(content, "content", "监测内容", 2000)
                .require(department == null || department.isBlank() || organisations.departmentByCode(department).isPresent(), "department", "单位不存在")
                .throwIfInvalid();
        return rows.insertObservation(point.id(), supervisor.getUsername(), kind, content.strip(), department == null || department.isBlank() ? null : department);
    }

    /** Onto the ledger with a responsible unit, or answered and dismissed. */
    @Transactional
    public void handle(ZhidaUser evaluator, long id, boolean accept, String department, int workingDays, String reply) {
        AccessPolicy.EVALUATION_WORK.require(evaluator);
        new Validation().require(!accept || (department != null && organisations.departmentByCode(department).isPresent()), "department", "请选择责任单位")
                .require(accept || (reply != null && !reply.isBlank()), "reply", "请写明答复")
                .optionalText(reply, "reply", "答复", 2000).throwIfInvalid();
        Monitoring.Observation o = rows.lock(id).orElseThrow(() -> new NotFoundException("没有这条监测意见"));
        if (o.status() != Monitoring.Status.SUBMITTED) {
            throw new InvalidInputException("status", "该监测意见已处理");
        }
        Long problem = null;
        if (accept) {
            problem = ledger.open(new Problem.New(Problem.Category.MONITORING, "JC-" + id, o.kind().label() + "：" + o.pointName(), o.content(),
                    "DEPARTMENT", department, List.of(), null, "问题整改到位并答复监测点", null, workingDays), evaluator.getUsername())
                    .map(Problem::id).orElse(null);
        }
        rows.handle(id, accept ? Monitoring.Status.ACCEPTED : Monitoring.Status.DISMISSED, reply == null || reply.isBlank() ? null : reply.strip(),
                problem, evaluator.getUsername());
    }

    public List<Monitoring.Point> points() {
        return rows.points();
    }

    public Optional<Monitoring.Point> pointOf(ZhidaUser user) {
        return rows.pointOf(user.getUsername());
    }

    public Listing<Monitoring.Observation> observations(Long point, Monitoring.Status status) {
        return rows.observations(point, status == null ? null : status.name());
    }
}
