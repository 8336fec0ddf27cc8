package io.zhida.evaluation;

import io.zhida.catalog.PolicyAuthoring;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.funds.FundPool;
import io.zhida.funds.FundPools;
import io.zhida.identity.AccessPolicy;
import io.zhida.identity.AuditLog;
import io.zhida.identity.ZhidaUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Validation;
import io.zhida.rates.RateRow;
import io.zhida.rates.ThreeRates;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 评估决定资金: an item's evaluation ends in a decision the platform acts on — 停止执行 closes the item's pools to new
 * reservations (finance pays nothing new under it) and takes the item offline (abolished, with the decision as the
 * reason), 调整完善 sends it back to authoring as a new version, 继续执行 is
 * recorded. The basis (the item's three rates over the last year and its pool) is kept with the decision.
 */
@Service
public class ItemDecisions {

    private final JdbcClient jdbc;
    private final PolicyCatalog catalog;
    private final PolicyAuthoring authoring;
    private final FundPools pools;
    private final ThreeRates rates;
    private final AuditLog audit;
    private final Clock clock;
    private final Campaigns campaigns;

    ItemDecisions(JdbcClient jdbc, PolicyCatalog catalog, PolicyAuthoring authoring, FundPools pools, ThreeRates rates, AuditLog audit,
                  Clock clock, Campaigns campaigns) {
        this.campaigns = campaigns;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.authoring = authoring;
        this.pools = pools;
        this.rates = rates;
        this.audit = audit;
        this.clock = clock;
    }

    /** The figures a decision rests on, in words: the three rates of the last twelve months and this year's pool. */
    public String basis(String itemCode) {
        LocalDate today = LocalDate.now(clock);
        RateRow r = rates.rate(today.minusYears(1), today, ThreeRates.GroupBy.ITEM, itemCode);
        String pool = pools.find(itemCode, today.getYear())
                .map((FundPool p) -> "；" + today.getYear() + " 年资金池预算 " + p.budget().toPlainString() + " 元，已拨付 " + p.paid().toPlainString()
                        + " 元，已核定未拨付 " + p.reserved().toPlainString() + " 元，享受企业 " + p.grants() + " 户")
                .orElse("；本年度未设资金池");
        return campaign(itemCode) + "近一年知晓率 " + r.awareness().percent() + "（" + r.awareness().numerator() + "/" + r.awareness().denominator() + "），满意率 "
                + r.satisfaction().percent() + "（" + r.satisfaction().numerator() + "/" + r.satisfaction().denominator() + "），兑现率 "
                + r.fulfillment().percent() + "（" + r.fulfillment().numerator() + "/" + r.fulfillment().denominator() + "）" + pool;
    }

    /** The latest scored 三评 campaign that covered the item: its lead department's score and place. */
    private String campaign(String itemCode) {
        String lead = catalog.published(itemCode).flatMap(i -> i.content().departments().stream().findFirst()).orElse(null);
        return campaigns.all().stream()
                .filter(c -> c.scoredAt() != null && c.items().contains(itemCode))
                .max(java.util.Comparator.comparing(Campaign::scoredAt))
                .flatMap(c -> campaigns.results(c.id()).stream()
                        .filter(r -> "DEPARTMENT".equals(r.kind()) && r.code().equals(lead)).findFirst()
                        .map(r -> "三评「" + c.name() + "」牵头部门" + r.name() + "得分 " + r.total().toPlainString() + "（第 " + r.rank() + " 名）；"))
                .orElse("");
    }

    @Transactional
    public ItemDecision decide(ZhidaUser user, String itemCode, String stage, String decision, String reason) {
        AccessPolicy.EVALUATION_WORK.require(user);
        if (pools.stopped(itemCode).isPresent()) {
            throw new InvalidInputException("decision", "该事项已决定停止执行");
        }
        PolicyItem item = catalog.published(itemCode).orElseThrow(() -> new NotFoundException("事项未发布或不存在：" + itemCode));
        new Validation()
                .require(List.of("MID", "AFTER").contains(stage), "stage", "评估阶段应为事中或事后")
                .require(List.of("CONTINUE", "ADJUST", "STOP").contains(decision), "decision", "评估结论应为继续执行、调整完善或停止执行")
                .requireText(reason, "reason", "结论理由", 2000)
                .throwIfInvalid();
        if (pools.stopped(itemCode).isPresent()) {
            throw new InvalidInputException("decision", "该事项已决定停止执行");
        }
        String basis = basis(itemCode);
        long id = jdbc.sql("""
                INSERT INTO eval_item_decision (item_code, stage, decision, basis, reason, decided_by)
                VALUES (:code, :stage, :decision, :basis, :reason, :by) RETURNING id""")
                .param("code", itemCode).param("stage", stage).param("decision", decision).param("basis", basis)
                .param("reason", reason.strip()).param("by", user.displayName()).query(Long.class).single();
        ItemDecision recorded = find(id);
        if ("STOP".equals(decision)) {
            // no new money under it, and no longer offered, matched or applied for; grants already made are still paid
            pools.stop(itemCode, recorded.stageLabel() + "结论：" + reason.strip());
            authoring.abolish(itemCode, "经" + recorded.stageLabel() + "决定停止执行：" + reason.strip());
        } else if ("ADJUST".equals(decision) && catalog.workingView().stream().noneMatch(i -> i.code().equals(itemCode)
                && i.state() != PolicyItem.State.PUBLISHED)) {
            authoring.revise(itemCode);
        }
        audit.record("evaluation.item.decide", "policy_item", itemCode, recorded.stageLabel() + "结论：" + recorded.decisionLabel()
                + "（" + item.content().name() + "）：" + reason.strip(), null, basis);
        return recorded;
    }

    public List<ItemDecision> latest(int limit) {
        return jdbc.sql("SELECT * FROM eval_item_decision ORDER BY decided_at DESC, id DESC LIMIT :n").param("n", Math.min(Math.max(limit, 1), 500))
                .query(ItemDecisions::row).list();
    }

    public List<ItemDecision> of(String itemCode) {
        return jdbc.sql("SELECT * FROM eval_item_decision WHERE item_code = :c ORDER BY decided_at DESC, id DESC").param("c", itemCode)
                .query(ItemDecisions::row).list();
    }

    private ItemDecision find(long id) {
        return jdbc.sql("SELECT * FROM eval_item_decision WHERE id = :id").param("id", id).query(ItemDecisions::row).single();
    }

    private static ItemDecision row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ItemDecision(rs.getLong("id"), rs.getString("item_code"), rs.getString("stage"), rs.getString("decision"),
                rs.getString("basis"), rs.getString("reason"), rs.getString("decided_by"), rs.getTimestamp("decided_at").toInstant());
    }
}
