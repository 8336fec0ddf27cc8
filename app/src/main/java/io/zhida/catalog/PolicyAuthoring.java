package io.zhida.catalog;

import io.zhida.catalog.internal.ItemValidator;
import io.zhida.catalog.internal.PolicyRows;
import io.zhida.identity.AuditLog;
import io.zhida.identity.CurrentUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.InvalidInputException.FieldError;
import io.zhida.platform.NotFoundException;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The item lifecycle: draft → standardization review (approve, or return with reasons) → published
 * → revised (a new version) → abolished. Every transition is audited; the reviewer is never the author.
 */
@Service
public class PolicyAuthoring {

    /** The standardization review checklist (标准化审查要点); all must be confirmed to approve. */
    public static final List<String> CHECKLIST = List.of(
            "要素齐全：名称、依据、对象、条件、材料、部门、时限、联系方式均已填写",
            "文字条件与政策原文一致",
            "机器规则与文字条件一致，已用政策计算器核对典型企业",
            "金额公式、上限与年度预算符合原文",
            "可由共享数据获取的材料已标注，不要求企业重复提交",
            "办理方式与办理部门、办理时限明确");

    private final PolicyRows rows;
    private final ItemValidator validator;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ReviewScope reviewScope;
    private final LegalReviews legalReviews;

    PolicyAuthoring(PolicyRows rows, ItemValidator validator, AuditLog audit, ApplicationEventPublisher events, ReviewScope reviewScope,
                    LegalReviews legalReviews) {
        this.reviewScope = reviewScope;
        this.legalReviews = legalReviews;
        this.rows = rows;
        this.validator = validator;
        this.audit = audit;
        this.events = events;
    }

    /** Creates or updates a document by its 文号. */
    public void saveDocument(PolicyDocument document) {
        io.zhida.platform.Validation validation = new io.zhida.platform.Validation();
        validator.scopeProblems(document.industries(), document.regions())
                .forEach(p -> validation.require(false, p.field(), p.message()));
        validation
                .requireText(document.number(), "number", "文号", 100)
                .requireText(document.title(), "title", "标题", 300)
                .requireText(document.issuer(), "issuer", "发文机关", 200)
                .require(PolicyDocument.LEVELS.contains(document.level()), "level", "层级应为 国家、省、市 或 县")
                .require(document.validFrom() == null || document.validTo() == null || !document.validTo().isBefore(document.validFrom()),
                        "validTo", "有效期截止日期早于起始日期")
                .throwIfInvalid();
        String textBefore = rows.documentId(document.number()).flatMap(rows::document).map(PolicyDocument::fullText).orElse(null);
        rows.saveDocument(document);
        legalReviews.reopenIfChanged(document.number(), textBefore, document.fullText() == null ? "" : document.fullText());
        audit.record("policy.document.save", "policy_document", document.number(), "保存政策文件 " + document.title(), null, document);
        events.publishEvent(new PolicyDocumentSaved(document.number()));
    }

    /** Creates the item, or updates its working draft. Published content is never edited in place: revise first. */
    @Transactional
    public PolicyItem saveDraft(ItemContent content) {
        List<ItemValidator.Problem> problems = validator.validate(content, n -> rows.documentId(n).isPresent());
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.stream().map(p -> new FieldError(p.field(),
                    p.ruleLine() == null ? p.message() : "第" + p.ruleLine() + "行第" + p.ruleColumn() + "列：" + p.message())).toList());
        }
        Long documentId = content.documentNumber() == null ? null : rows.documentId(content.documentNumber()).orElse(null);
        var ids = rows.itemIds(content.code());
        long itemId;
        int version;
        if (ids.isEmpty()) {
            itemId = rows.createItem(content.code());
            version = 1;
        } else {
            itemId = ids.get()[0];
            if (ids.get()[2] == 0) {
                throw new InvalidInputException("code", "事项“" + content.code() + "”已发布，修改须先发起修订（产生新版本）");
            }
            version = (int) ids.get()[2];
            PolicyItem working = rows.version(content.code(), version).orElseThrow();
            if (working.state() == PolicyItem.State.IN_REVIEW) {
                throw new InvalidInputException("code", "事项正在标准化审查中，审查结束前不能修改");
            }
        }
        PolicyItem before = ids.isEmpty() ? null : rows.version(content.code(), version).orElse(null);
        rows.writeVersion(itemId, version, content, documentId, CurrentUser.actor());
        rows.setWorkingVersion(itemId, version);
        PolicyItem after = rows.version(content.code(), version).orElseThrow();
        audit.record(before == null ? "policy.item.create" : "policy.item.edit", "policy_item", content.code() + "@v" + version,
                (before == null ? "新建事项 " : "修改事项草稿 ") + content.name(), before == null ? null : before.content(), after.content());
        return after;
    }

    @Transactional
    public void submitForReview(String code) {
        PolicyItem working = working(code);
        long itemId = rows.itemIds(code).orElseThrow()[0];
        int changed = rows.setState(itemId, working.version(), working.state().name(), "IN_REVIEW");
        if (changed == 0 || working.state() == PolicyItem.State.IN_REVIEW) {
            throw new InvalidInputException("state", "只有草稿或已退回的版本可以提交审查");
        }
        audit.record("policy.item.submit", "policy_item", code + "@v" + working.version(), "提交标准化审查 " + working.content().name(), null, null);
    }

    /**
     * Approves and publishes. The whole checklist must be confirmed, the reviewer may not be the author,
     * and a signed-in reviewer must have the item in their review scope.
     */
    @Transactional
    public PolicyItem approve(String code, List<Integer> confirmedChecklist, String note) {
        return approve(code, confirmedChecklist, note, true);
    }

    /** For trusted loads (the demo library, audited as 批量导入): no reviewer's scope applies. */
    @Transactional
    PolicyItem approveTrusted(String code, List<Integer> confirmedChecklist, String note) {
        return approve(code, confirmedChecklist, note, false);
    }

    private PolicyItem approve(String code, List<Integer> confirmedChecklist, String note, boolean scoped) {
        PolicyItem working = inReview(code);
        if (confirmedChecklist == null || !confirmedChecklist.containsAll(java.util.stream.IntStream.range(0, CHECKLIST.size()).boxed().toList())) {
            throw new InvalidInputException("checklist", "请逐项确认全部审查要点后再通过");
        }
        String reviewer = CurrentUser.actor();
        if (reviewer.equals(working.author()) && !CurrentUser.SYSTEM.equals(reviewer)) {
            throw new InvalidInputException("reviewer", "审查人不能是事项的编制人");
        }
        if (scoped) {
            CurrentUser.get().ifPresent(user -> reviewScope.require(user, working));
        }
        legalReviews.requirePassed(working.content().documentNumber());
        if (scoped) {
            legalReviews.requireIssued(working.content().documentNumber());
        }
        long itemId = rows.itemIds(code).orElseThrow()[0];
        if (rows.setState(itemId, working.version(), "IN_REVIEW", "PUBLISHED") == 0) {
            throw new InvalidInputException("state", "该版本已不在审查中");
        }
        rows.recordReview(itemId, working.version(), reviewer, note);
        rows.publish(itemId, working.version());
        audit.record("policy.item.publish", "policy_item", code + "@v" + working.version(),
                "审查通过并发布 " + working.content().name() + (note == null || note.isBlank() ? "" : "（" + note + "）"),
                working.publishedVersion() == null ? null : rows.version(code, working.publishedVersion()).map(PolicyItem::content).orElse(null),
                working.content());
        events.publishEvent(new PolicyItemPublished(code, working.version()));
        return rows.version(code, working.version()).orElseThrow();
    }

    @Transactional
    public void returnForChanges(String code, String reason) {
        PolicyItem working = inReview(code);
        CurrentUser.get().ifPresent(user -> reviewScope.require(user, working));
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "退回须写明理由");
        }
        long itemId = rows.itemIds(code).orElseThrow()[0];
        rows.setState(itemId, working.version(), "IN_REVIEW", "RETURNED");
        rows.recordReview(itemId, working.version(), CurrentUser.actor(), reason);
        audit.record("policy.item.return", "policy_item", code + "@v" + working.version(), "退回修改：" + reason, null, null);
    }

    /** Starts a new version from the published one; the published version stays online until the new one is approved. */
    @Transactional
    public PolicyItem revise(String code) {
        long[] ids = rows.itemIds(code).orElseThrow(() -> new NotFoundException("事项不存在：" + code));
        if (ids[1] == 0) {
            throw new InvalidInputException("state", "事项尚未发布，直接修改草稿即可");
        }
        if (ids[2] != 0) {
            throw new InvalidInputException("state", "事项已有修订中的版本 v" + ids[2]);
        }
        PolicyItem published = rows.version(code, (int) ids[1]).orElseThrow();
        int next = rows.nextVersion(ids[0]);
        Long documentId = published.content().documentNumber() == null ? null : rows.documentId(published.content().documentNumber()).orElse(null);
        rows.writeVersion(ids[0], next, published.content(), documentId, CurrentUser.actor());
        rows.setWorkingVersion(ids[0], next);
        audit.record("policy.item.revise", "policy_item", code + "@v" + next, "发起修订 " + published.content().name() + "（v" + next + "）", null, null);
        return rows.version(code, next).orElseThrow();
    }

    @Transactional
    public void abolish(String code, String reason) {
        long[] ids = rows.itemIds(code).orElseThrow(() -> new NotFoundException("事项不存在：" + code));
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "废止须写明理由");
        }
        rows.abolish(ids[0], reason);
        audit.record("policy.item.abolish", "policy_item", code, "废止事项：" + reason, null, null);
        events.publishEvent(new PolicyItemAbolished(code));
    }

    /**
     * 废止 a document: it stays readable, marked abolished, and every item that comes from it is abolished
     * with it, so that nothing is matched, applied for or paid under a repealed document.
     */
    @Transactional
    public List<String> abolishDocument(long id, String reason) {
        PolicyDocument document = rows.document(id).orElseThrow(() -> new NotFoundException("政策文件不存在"));
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "废止须写明理由");
        }
        if (document.abolished()) {
            throw new InvalidInputException("status", "该文件已废止");
        }
        List<String> items = rows.abolishDocument(id, reason);
        audit.record("policy.document.abolish", "policy_document", document.number(),
                "废止政策文件 " + document.title() + "：" + reason + "（连带废止事项 " + items.size() + " 项）", null, items);
        for (String code : items) {
            abolish(code, "所依据的政策文件 " + document.number() + " 已废止：" + reason);
        }
        events.publishEvent(new PolicyDocumentSaved(document.number()));
        return items;
    }

    private PolicyItem working(String code) {
        long[] ids = rows.itemIds(code).orElseThrow(() -> new NotFoundException("事项不存在：" + code));
        if (ids[2] == 0) {
            throw new InvalidInputException("state", "事项没有待处理的版本");
        }
        return rows.version(code, (int) ids[2]).orElseThrow();
    }

    private PolicyItem inReview(String code) {
        PolicyItem working = working(code);
        if (working.state() != PolicyItem.State.IN_REVIEW) {
            throw new InvalidInputException("state", "该版本不在审查中（当前：" + working.state().label() + "）");
        }
        return working;
    }
}
