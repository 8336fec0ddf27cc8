package io.zhida.assistance;

import io.zhida.applications.ApplicationForm;
import io.zhida.applications.Applications;
import io.zhida.assistance.internal.RequestRows;
import io.zhida.enterprise.EnterpriseProfile;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.identity.AuditLog;
import io.zhida.identity.People;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.notify.Inbox;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Listing;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Validation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 平台收单、中心派单、专员接单: the enterprise asks (or accepts a 专员's offer), the centre dispatches, the 专员 takes it or
 * gives it back, and the enterprise or the centre may cancel it before it is submitted.
 */
@Service
public class Assistance {

    private final RequestRows rows;
    private final Applications applications;
    private final EnterpriseProfiles profiles;
    private final People people;
    private final Inbox inbox;
    private final AuditLog audit;

    Assistance(RequestRows rows, Applications applications, EnterpriseProfiles profiles, People people, Inbox inbox, AuditLog audit) {
        this.rows = rows;
        this.applications = applications;
        this.profiles = profiles;
        this.people = people;
        this.inbox = inbox;
        this.audit = audit;
    }

    /** 平台收单: the enterprise asks for help with an item it may apply for. */
    @Transactional
    public long ask(ZhidaUser enterprise, String itemCode, String note, String phone) {
        if (!enterprise.has(Role.ENTERPRISE) || enterprise.enterpriseUscc() == null) {
            throw new org.springframework.security.access.AccessDeniedException("enterprises ask for help");
        }
        new Validation().optionalText(note, "note", "需要帮助的事项说明", 1000)
                .require(phone == null || phone.isBlank() || phone.strip().matches("1\\d{10}|0\\d{2,3}-?\\d{7,8}"), "phone", "联系电话应为手机号或固话")
                .throwIfInvalid();
        ApplicationForm form = openForm(enterprise.enterpriseUscc(), itemCode);
        EnterpriseProfile profile = profiles.find(enterprise.enterpriseUscc()).orElseThrow();
        long id = insert(new RequestRows.NewRequest(profile.uscc(), profile.name(), profile.region(), form.item().code(), form.item().content().name(),
                AssistanceRequest.Origin.ENTERPRISE, trim(note), trim(phone), AssistanceRequest.Status.REQUESTED, null, enterprise.getUsername()));
        rows.event(id, enterprise.getUsername(), "REQUESTED", "企业申请帮办" + (trim(note) == null ? "" : "：" + trim(note)));
        audit.record("assistance.ask", "assistance_request", number(id), form.item().content().name(), null, null);
        return id;
    }

    /** 专员主动服务: a 专员 offers help to an enterprise that may apply for the item; the enterprise accepts or not. */
    @Transactional
    public long offer(ZhidaUser agent, String uscc, String itemCode, String note) {
        io.zhida.identity.AccessPolicy.ASSISTANCE.require(agent);
        new Validation().optionalText(note, "note", "服务说明", 1000).throwIfInvalid();
        ApplicationForm form = openForm(uscc, itemCode);
        EnterpriseProfile profile = profiles.find(uscc).orElseThrow();
        long id = insert(new RequestRows.NewRequest(profile.uscc(), profile.name(), profile.region(), form.item().code(), form.item().content().name(),
                AssistanceRequest.Origin.OFFERED, trim(note), null, AssistanceRequest.Status.OFFERED, agent.getUsername(), agent.getUsername()));
        rows.event(id, agent.getUsername(), "OFFERED", "政策专员主动提供帮办服务" + (trim(note) == null ? "" : "：" + trim(note)));
        inbox.send(profile.uscc(), "政策专员可为您代办：" + form.item().content().name(), "政策专员" + agent.displayName()
                + "可以帮您准备「" + form.item().content().name() + "」的申报材料。如需要，请在“帮办代办”中接受服务。");
        audit.record("assistance.offer", "assistance_request", number(id), form.item().content().name(), null, uscc);
        return id;
    }

    @Transactional
    public void answerOffer(ZhidaUser enterprise, long id, boolean accept) {
        AssistanceRequest r = locked(id);
        AssistanceAccess.requireOwner(enterprise, r);
        AssistanceRequest.Status to = accept ? AssistanceRequest.Status.PREPARING : AssistanceRequest.Status.DECLINED;
        moved(r, rows.move(id, AssistanceRequest.Status.OFFERED, to, accept ? "accepted_at = now(), dispatched_at = now()" : "closed_at = now()"));
        rows.event(id, enterprise.getUsername(), accept ? "ACCEPTED" : "DECLINED", accept ? "企业接受帮办服务" : "企业暂不需要帮办");
    }

    /** 中心派单: to a 专员 of the platform. */
    @Transactional
    public void dispatch(ZhidaUser centre, long id, String agent) {
        AssistanceRequest r = locked(id);
        AssistanceAccess.requireCentre(centre, r);
        if (agent == null || !people.holds(agent.strip(), Role.AGENT)) {
            throw new InvalidInputException("agent", "请选择一位政策专员");
        }
        moved(r, rows.move(id, AssistanceRequest.Status.REQUESTED, AssistanceRequest.Status.DISPATCHED,
                "agent = ?, dispatched_by = ?, dispatched_at = now()", agent.strip(), centre.getUsername()));
        rows.event(id, centre.getUsername(), "DISPATCHED", "派单给政策专员" + people.name(agent.strip()));
        audit.record("assistance.dispatch", "assistance_request", r.number(), "派单", null, agent.strip());
    }

    /** 专员接单. */
    @Transactional
    public void accept(ZhidaUser agent, long id) {
        AssistanceRequest r = locked(id);
        AssistanceAccess.requireAgent(agent, r);
        moved(r, rows.move(id, AssistanceRequest.Status.DISPATCHED, AssistanceRequest.Status.PREPARING, "accepted_at = now()"));
        rows.event(id, agent.getUsername(), "ACCEPTED", "专员接单，开始准备申报材料");
        inbox.send(r.uscc(), "政策专员已接单：" + r.itemName(), "政策专员" + agent.displayName() + "将联系您准备「" + r.itemName()
                + "」的申报材料，准备好后请您确认提交。");
    }

    /** The 专员 cannot take it (away, conflict of interest): back to the centre to dispatch again. */
    @Transactional
    public void giveBack(ZhidaUser agent, long id, String reason) {
        new Validation().requireText(reason, "reason", "退回原因", 500).throwIfInvalid();
        AssistanceRequest r = locked(id);
        AssistanceAccess.requireAgent(agent, r);
        moved(r, rows.move(id, AssistanceRequest.Status.DISPATCHED, AssistanceRequest.Status.REQUESTED,
                "agent = NULL, dispatched_by = NULL, dispatched_at = NULL"));
        rows.event(id, agent.getUsername(), "GIVEN_BACK", "专员退回中心重新派单：" + reason.strip());
    }

    /** The enterprise, or the centre, stops a request that is not yet submitted. */
    @Transactional
    public void cancel(ZhidaUser user, long id, String reason) {
        new Validation().requireText(reason, "reason", "取消原因", 500).throwIfInvalid();
        AssistanceRequest r = locked(id);
        boolean owner = user.has(Role.ENTERPRISE) && r.uscc().equals(user.enterpriseUscc());
        if (!owner) {
            AssistanceAccess.requireCentre(user, r);
        }
        if (!r.status().canMoveTo(AssistanceRequest.Status.CANCELLED)) {
            throw wrongState(r);
        }
        moved(r, rows.move(id, r.status(), AssistanceRequest.Status.CANCELLED, "closed_at = now()"));
        rows.event(id, user.getUsername(), "CANCELLED", (owner ? "企业取消：" : "中心取消：") + reason.strip());
    }

    public AssistanceRequest view(long id, ZhidaUser user) {
        AssistanceRequest r = rows.find(id).orElseThrow(() -> new NotFoundException("没有这个帮办申请"));
        AssistanceAccess.requireView(user, r);
        return r;
    }

    public java.util.List<AssistanceRequest.Event> events(long id) {
        return rows.events(id);
    }

    public java.util.List<AssistanceRequest.File> files(long id) {
        return rows.files(id);
    }

    public Listing<AssistanceRequest> mine(ZhidaUser enterprise) {
        return enterprise.enterpriseUscc() == null ? Listing.empty() : rows.forEnterprise(enterprise.enterpriseUscc());
    }

    public Listing<AssistanceRequest> agentQueue(ZhidaUser agent, boolean open) {
        return rows.forAgent(agent.getUsername(), open);
    }

    private ApplicationForm openForm(String uscc, String itemCode) {
        if (itemCode == null || !itemCode.strip().matches("[A-Za-z0-9\\-_]{1,40}")) {
            throw new InvalidInputException("item", "请选择政策事项");
        }
        ApplicationForm form = applications.formFor(uscc, itemCode.strip());
        if (!form.open()) {
            throw new InvalidInputException("item", form.blockedReason());
        }
        return form;
    }

    private long insert(RequestRows.NewRequest request) {
        try {
            return rows.insert(request);
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("item", "该企业已有这一事项正在办理的帮办申请，请勿重复提交");
        }
    }

    AssistanceRequest locked(long id) {
        return rows.lock(id).orElseThrow(() -> new NotFoundException("没有这个帮办申请"));
    }

    private String number(long id) {
        return rows.find(id).orElseThrow().number();
    }

    static void moved(AssistanceRequest r, int updated) {
        if (updated == 0) {
            throw wrongState(r);
        }
    }

    static InvalidInputException wrongState(AssistanceRequest r) {
        return new InvalidInputException("status", "该帮办申请当前为“" + r.status().label() + "”，不能进行此操作");
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
