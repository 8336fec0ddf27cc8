package io.zhida.consultation;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.catalog.ReviewAttachments;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AuditLog;
import io.zhida.identity.Organisations;
import io.zhida.identity.ZhidaUser;
import io.zhida.matching.RuleReach;
import io.zhida.notify.Inbox;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Today;
import io.zhida.platform.Validation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 意见征询 from opening to the published summary. */
@Service
public class Consultations implements ReviewAttachments {

    /** Always consulted: finance, justice, market regulation (政策制定意见征询机制). */
    public static final List<String> STANDING_DEPARTMENTS = List.of("C-CZJ", "C-SFJ", "C-SCJGJ");
    /** Invitations by inbox and SMS are capped per consultation; the portal page is open to all beyond that. */
    static final int MAX_INVITED_ENTERPRISES = 5000;

    private final JdbcClient jdbc;
    private final PolicyCatalog catalog;
    private final RuleReach reach;
    private final Inbox inbox;
    private final Organisations organisations;
    private final AuditLog audit;
    private final Clock clock;
    private final io.zhida.enterprise.EnterpriseProfiles enterprises;
    private final io.zhida.catalog.RuleBook rules;

    Consultations(JdbcClient jdbc, PolicyCatalog catalog, RuleReach reach, Inbox inbox, Organisations organisations, AuditLog audit, Clock clock,
                  io.zhida.enterprise.EnterpriseProfiles enterprises, io.zhida.catalog.RuleBook rules) {
        this.rules = rules;
        this.enterprises = enterprises;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.reach = reach;
        this.inbox = inbox;
        this.organisations = organisations;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens a draft item for comments until closesOn and invites the reached enterprises and the departments. */
    @Transactional
    public long open(ZhidaUser user, String itemCode, LocalDate closesOn, List<String> departmentCodes) {
        return open(user, itemCode, closesOn, departmentCodes, "");
    }


    /**
     * @param contacts associations, chambers of commerce and experts, one per line as {@code 名称 手机号}, invited by SMS
     */
    @Transactional
    public long open(ZhidaUser user, String itemCode, LocalDate closesOn, List<String> departmentCodes, String contacts) {
        AccessPolicy.POLICY_AUTHORING.require(user);
        PolicyItem item = catalog.workingView().stream().filter(i -> i.code().equals(itemCode)).findFirst()
                .orElseThrow(() -> new NotFoundException("事项不存在：" + itemCode));
        LocalDate today = LocalDate.now(clock);
        new Validation()
                .require(item.state() != PolicyItem.State.PUBLISHED, "item", "事项已发布，意见征询应在发布前进行（可发起修订后征询）")
                .require(closesOn != null && !closesOn.isBefore(today.plusDays(5)) && !closesOn.isAfter(today.plusDays(90)),
                        "closesOn", "征询截止日期应在 5 天到 90 天之后（征求意见期一般不少于 30 日）")
                .throwIfInvalid();
        if (jdbc.sql("SELECT count(*) FROM consultation WHERE item_code = :c AND status = 'OPEN'").param("c", itemCode).query(Long.class).single() > 0) {
            throw new InvalidInputException("item", "该事项已有进行中的意见征询");
        }
        List<String[]> invitedContacts = Invitees.contacts(contacts);
        List<Organisations.Department> invitedDepartments = departments(departmentCodes);
        var c = item.content();
        String draft = draftText(c);
        List<RuleReach.Reached> reached = reach.reach(c.matchingCondition());
        int invited = Math.min(reached.size(), MAX_INVITED_ENTERPRISES);
        long id;
        try {
            id = jdbc.sql("""
                    INSERT INTO consultation (item_code, item_name, draft_text, closes_on, opened_by, invited_enterprises)
                    VALUES (:code, :name, :draft, :closes, :by, :invited) RETURNING id""")
                    .param("code", itemCode).param("name", c.name()).param("draft", draft).param("closes", closesOn)
                    .param("by", user.displayName()).param("invited", invited).query(Long.class).single();
        } catch (org.springframework.dao.DuplicateKeyException e) { // opened at the same moment elsewhere (another node)
            throw new InvalidInputException("item", "该事项已有进行中的意见征询");
        }
        invite(id, c.name(), closesOn, invitedDepartments, invitedContacts, reached.subList(0, invited));
        audit.record("consultation.open", "consultation", String.valueOf(id), "发起意见征询：" + c.name() + "（邀请企业 " + invited
                + " 家、部门 " + invitedDepartments.size() + " 个、协会商会专家 " + invitedContacts.size() + " 位，截止 " + closesOn + "）", null, null);
        return id;
    }

    private List<Organisations.Department> departments(List<String> chosen) {
        Set<String> codes = new LinkedHashSet<>(STANDING_DEPARTMENTS);
        if (chosen != null) {
            codes.addAll(chosen.stream().filter(code -> code != null && !code.isBlank()).toList());
        }
        List<Organisations.Department> found = new ArrayList<>();
        for (String code : codes) {
            found.add(organisations.departmentByCode(code).orElseThrow(() -> new InvalidInputException("departments", "部门代码不存在：" + code)));
        }
        return found;
    }

    /** The draft as the public reads it: the conditions and the amount in words, never the rule's text. */
    private String draftText(io.zhida.catalog.ItemContent c) {
        return "事项：" + c.name() + "\n申报条件：" + (c.conditionsText() == null || c.conditionsText().isBlank()
                ? String.join("；", rules.compiler().condition(c.condition()).texts()) : c.conditionsText())
                + "\n支持标准：" + Invitees.supportInWords(c.amountFormula(), c.fixedAmount().orElse(null))
                + (c.cap() == null ? "" : "，单户最高 " + c.cap().toPlainString() + " 元");
    }

    /** Departments are listed; associations, chambers and experts get an SMS; the reached enterprises their inbox (and SMS). */
    private void invite(long id, String itemName, LocalDate closesOn, List<Organisations.Department> departments, List<String[]> contacts,
                        List<RuleReach.Reached> enterprises) {
        for (Organisations.Department d : departments) {
            jdbc.sql("INSERT INTO consultation_invitee (consultation_id, kind, ref, name) VALUES (:id, 'DEPARTMENT', :ref, :name)")
                    .param("id", id).param("ref", d.code()).param("name", d.name()).update();
        }
        for (String[] contact : contacts) {
            jdbc.sql("""
                    INSERT INTO consultation_invitee (consultation_id, kind, ref, name) VALUES (:id, 'ASSOCIATION', :ref, :name)
                    ON CONFLICT DO NOTHING""").param("id", id).param("ref", contact[1]).param("name", contact[0]).update();
            inbox.sms(contact[1], contact[0] + "：市里正在制定政策事项“" + itemName + "”，诚邀您在 " + closesOn
                    + " 前到惠企政策直达平台“意见征询”栏目提出意见（编号 " + id + "）。");
        }
        String title = "征求意见：" + itemName;
        String body = "市里正在制定政策事项“" + itemName + "”，贵企业可能适用。欢迎在 " + closesOn + " 前到平台“意见征询”栏目提出意见：/portal/consultations/" + id;
        for (RuleReach.Reached r : enterprises) {
            jdbc.sql("INSERT INTO consultation_invitee (consultation_id, kind, ref, name) VALUES (:id, 'ENTERPRISE', :ref, :ref)")
                    .param("id", id).param("ref", r.uscc()).update();
            inbox.send(r.uscc(), title, body);
        }
    }

    /**
     * A comment, from anyone on the portal (PUBLIC), an enterprise's user (ENTERPRISE) or an invited department's staff
     * (DEPARTMENT, with the department's name).
     */
    @Transactional
    public long comment(long consultationId, Optional<ZhidaUser> user, String authorName, String organisation, String body) {
        // shares the row that closing locks: a comment is in the summary or refused, never after it
        boolean open = jdbc.sql("SELECT status = 'OPEN' AND closes_on >= :today FROM consultation WHERE id = :id FOR SHARE")
                .param("today", LocalDate.now(clock)).param("id", consultationId).query(Boolean.class).optional()
                .orElseThrow(() -> new NotFoundException("意见征询不存在"));
        if (!open) {
            throw new InvalidInputException("status", "意见征询已截止");
        }
        String kind = "PUBLIC";
        String name = authorName == null ? "" : authorName.strip();
        String org = organisation == null || organisation.isBlank() ? null : organisation.strip();
        if (user.isPresent()) {
            ZhidaUser u = user.get();
            name = u.displayName();
            if (u.isEnterpriseOnly()) {
                kind = "ENTERPRISE"; // shown by the enterprise's name; the code stays for the demand analysis
                org = u.enterpriseUscc();
                name = u.enterpriseUscc() == null ? name
                        : enterprises.find(u.enterpriseUscc()).map(io.zhida.enterprise.EnterpriseProfile::name).orElse(name);
            } else {
                kind = "DEPARTMENT";
                org = u.departmentName();
            }
        }
        new Validation().requireText(name, "authorName", "姓名或称呼", 100).requireText(body, "body", "意见", 2000)
                .require(org == null || org.length() <= 200, "organisation", "单位名称不能超过 200 字").throwIfInvalid();
        if ((name + body + (org == null ? "" : org)).chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t')) {
            throw new InvalidInputException("body", "意见含有控制字符");
        }
        return jdbc.sql("""
                INSERT INTO consultation_comment (consultation_id, author_name, organisation, author_kind, body)
                VALUES (:c, :name, :org, :kind, :body) RETURNING id""")
                .param("c", consultationId).param("name", name).param("org", org).param("kind", kind).param("body", body.strip())
                .query(Long.class).single();
    }

    /** The author answers one comment: 采纳, 部分采纳 or 不采纳, with the reason. */
    @Transactional
    public void answer(ZhidaUser user, long commentId, String verdict, String reason) {
        AccessPolicy.POLICY_AUTHORING.require(user);
        new Validation().require(List.of("ADOPTED", "PARTLY", "NOT").contains(verdict), "verdict", "答复应为采纳、部分采纳或不采纳")
                .requireText(reason, "reason", "答复理由", 1000).throwIfInvalid();
        jdbc.sql("SELECT c.id FROM consultation c JOIN consultation_comment m ON m.consultation_id = c.id WHERE m.id = :id FOR SHARE OF c")
                .param("id", commentId).query(Long.class).optional();
        int changed = jdbc.sql("""
                UPDATE consultation_comment m SET verdict = :v, reason = :r, answered_by = :by, answered_at = now()
                FROM consultation c WHERE m.id = :id AND c.id = m.consultation_id AND c.status = 'OPEN'""")
                .param("v", verdict).param("r", reason.strip()).param("by", user.displayName()).param("id", commentId).update();
        if (changed == 0) {
            throw new InvalidInputException("comment", "意见不存在或征询已结束");
        }
    }

    /** Closes the consultation and publishes the summary; every comment must have its answer. */
    @Transactional
    public Consultation close(ZhidaUser user, long consultationId, String note) {
        AccessPolicy.POLICY_AUTHORING.require(user);
        jdbc.sql("SELECT id FROM consultation WHERE id = :id FOR UPDATE").param("id", consultationId).query(Long.class).optional();
        Consultation c = find(consultationId);
        if (!c.open()) {
            throw new InvalidInputException("status", "意见征询已结束");
        }
        if (c.unanswered() > 0) {
            throw new InvalidInputException("comments", "还有 " + c.unanswered() + " 条意见未答复，逐条答复后方可结束征询");
        }
        long adopted = c.comments().stream().filter(m -> "ADOPTED".equals(m.verdict())).count();
        long partly = c.comments().stream().filter(m -> "PARTLY".equals(m.verdict())).count();
        String summary = "征询自 " + java.time.LocalDate.ofInstant(c.openedAt(), Today.ZONE) + " 至 " + LocalDate.now(clock) + "（原定截止 " + c.closesOn() + "），邀请企业 " + c.invitedEnterprises() + " 家及" + String.join("、", c.invitedDepartments())
                + (c.invitedContacts().isEmpty() ? "" : "、" + String.join("、", c.invitedContacts()))
                + "；收到意见 " + c.comments().size() + " 条，采纳 " + adopted + " 条、部分采纳 " + partly + " 条、不采纳 "
                + (c.comments().size() - adopted - partly) + " 条。" + (note == null || note.isBlank() ? "" : note.strip());
        if (summary.length() > 4000) {
            throw new InvalidInputException("note", "说明过长");
        }
        if (jdbc.sql("UPDATE consultation SET status = 'CLOSED', summary = :s, closed_at = now() WHERE id = :id AND status = 'OPEN'")
                .param("s", summary).param("id", consultationId).update() == 0) {
            throw new InvalidInputException("status", "意见征询已结束");
        }
        audit.record("consultation.close", "consultation", String.valueOf(consultationId), "意见征询结束并公布：" + summary, null, null);
        return find(consultationId);
    }

    public Consultation find(long id) {
        return load(" WHERE id = :id", Map.of("id", id)).stream().findFirst().orElseThrow(() -> new NotFoundException("意见征询不存在"));
    }

    /** Open ones for the portal, newest first; and all for the authors. */
    public List<Consultation> list(boolean openOnly) {
        return load((openOnly ? " WHERE status = 'OPEN'" : "") + " ORDER BY id DESC LIMIT 200", Map.of());
    }

    /** The consultations the condition picks, with their invitees and comments: three queries whatever their number. */
    private List<Consultation> load(String condition, Map<String, ?> params) {
        List<Consultation> heads = jdbc.sql("SELECT * FROM consultation" + condition).params(params)
                .query((rs, n) -> new Consultation(rs.getLong("id"), rs.getString("item_code"), rs.getString("item_name"),
                        rs.getString("draft_text"), rs.getObject("closes_on", LocalDate.class), rs.getString("status"), rs.getString("opened_by"),
                        rs.getTimestamp("opened_at").toInstant(), rs.getString("summary"), rs.getInt("invited_enterprises"), List.of(), List.of(), List.of()))
                .list();
        if (heads.isEmpty()) {
            return heads;
        }
        List<Long> ids = heads.stream().map(Consultation::id).toList();
        Map<Long, List<String>> departments = new HashMap<>();
        Map<Long, List<String>> contacts = new HashMap<>();
        jdbc.sql("SELECT consultation_id, kind, name FROM consultation_invitee WHERE consultation_id IN (:ids) AND kind <> 'ENTERPRISE' ORDER BY name")
                .param("ids", ids).query(rs -> {
                    (rs.getString(2).equals("DEPARTMENT") ? departments : contacts).computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(3));
                });
        Map<Long, List<Consultation.Comment>> comments = new HashMap<>();
        jdbc.sql("SELECT * FROM consultation_comment WHERE consultation_id IN (:ids) ORDER BY id").param("ids", ids)
                .query(rs -> {
                    comments.computeIfAbsent(rs.getLong("consultation_id"), k -> new ArrayList<>()).add(new Consultation.Comment(rs.getLong("id"),
                            rs.getString("author_name"), rs.getString("organisation"), rs.getString("author_kind"), rs.getString("body"),
                            rs.getTimestamp("created_at").toInstant(), rs.getString("verdict"), rs.getString("reason"), rs.getString("answered_by")));
                });
        return heads.stream().map(c -> new Consultation(c.id(), c.itemCode(), c.itemName(), c.draftText(), c.closesOn(), c.status(), c.openedBy(),
                c.openedAt(), c.summary(), c.invitedEnterprises(), departments.getOrDefault(c.id(), List.of()),
                contacts.getOrDefault(c.id(), List.of()), comments.getOrDefault(c.id(), List.of()))).toList();
    }

    @Override
    public List<Attachment> forItem(String itemCode) {
        return jdbc.sql("SELECT id, status, summary, closes_on FROM consultation WHERE item_code = :c ORDER BY id DESC")
                .param("c", itemCode)
                .query((rs, n) -> new Attachment(
                        "CLOSED".equals(rs.getString("status")) ? "意见征询情况（已公布）" : "意见征询进行中（截止 " + rs.getObject("closes_on", LocalDate.class) + "）",
                        rs.getString("summary") == null ? "征询尚未结束，意见逐条答复后公布汇总。" : rs.getString("summary"),
                        "/portal/consultations/" + rs.getLong("id")))
                .list();
    }
}
