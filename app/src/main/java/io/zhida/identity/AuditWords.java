package io.zhida.identity;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The audit log in words: what each recorded action and kind of object is called on the page and in the export
 * ({@code @auditWords} in templates). A code not listed here is shown as it is, so nothing recorded is ever hidden.
 */
@Component("auditWords")
public class AuditWords {

    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("application.submit", "提交申报"), Map.entry("application.accept", "专窗受理"),
            Map.entry("application.return", "退回补正"), Map.entry("application.refuse", "不予受理"),
            Map.entry("application.dispatch", "交办部门"), Map.entry("application.approve", "核准申报"),
            Map.entry("application.reject", "审核不通过"), Map.entry("application.amount.propose", "拟核定金额"),
            Map.entry("application.amount.confirm", "确认核定金额"), Map.entry("application.amount.return", "退回核定金额"),
            Map.entry("application.rate", "评价办理服务"), Map.entry("task.remind", "催办"),
            Map.entry("grant.create", "核定资金"), Map.entry("pool.budget", "调整资金池预算"),
            Map.entry("payout.batch", "生成拨付批次"), Map.entry("payout.settle", "导入银行回单"),
            Map.entry("funds.run.confirm", "确认免申即享发放"),
            Map.entry("objection.create", "提出公示异议"), Map.entry("objection.accept", "受理公示异议"),
            Map.entry("objection.answer", "答复公示异议"), Map.entry("objection.unfounded", "异议不成立"),
            Map.entry("policy.item.create", "新建政策事项"), Map.entry("policy.item.edit", "修改政策事项"),
            Map.entry("policy.item.submit", "提交事项审核"), Map.entry("policy.item.return", "退回事项修改"),
            Map.entry("policy.item.publish", "发布政策事项"), Map.entry("policy.item.revise", "修订政策事项"),
            Map.entry("policy.item.abolish", "废止政策事项"), Map.entry("policy.document.save", "保存政策文件"),
            Map.entry("policy.document.abolish", "废止政策文件"),
            Map.entry("enterprise.upsert", "更新企业档案"), Map.entry("enterprise.import.start", "导入企业数据"),
            Map.entry("enterprise.attribute.declare", "新增数据项"), Map.entry("enterprise.correction.request", "申请数据纠错"),
            Map.entry("enterprise.correction.accepted", "采纳数据纠错"), Map.entry("enterprise.correction.rejected", "不予采纳数据纠错"),
            Map.entry("campaign.create", "发起评估活动"), Map.entry("campaign.score", "评估计分排名"),
            Map.entry("indicator.update", "修改评估指标"), Map.entry("problem.check", "整改复核"),
            Map.entry("calendar.day", "设置工作日历"), Map.entry("calendar.remove", "删除日历调整"),
            Map.entry("region.create", "新增行政区划"), Map.entry("region.update", "修改行政区划"),
            Map.entry("department.create", "新增部门"), Map.entry("department.update", "修改部门"),
            Map.entry("user.create", "新建用户"), Map.entry("user.update", "修改用户"), Map.entry("user.enable", "启用用户"),
            Map.entry("user.disable", "停用用户"), Map.entry("user.unlock", "解除登录限制"),
            Map.entry("login.delay", "登录延时（多次失败）"), Map.entry("login.throttle", "登录限流"),
            Map.entry("b2b.round", "发起背靠背评价"), Map.entry("b2b.score", "背靠背计分排名"),
            Map.entry("enterprise.tag-rule.save", "保存标签规则"), Map.entry("payout.remind-accounts", "提醒企业确认收款账户"),
            Map.entry("client.register", "登记对接系统"), Map.entry("client.disable", "停用对接系统"), Map.entry("client.token", "对接系统获取令牌"),
            Map.entry("webhook.subscribe", "订阅事件推送"), Map.entry("webhook.unsubscribe", "取消事件推送"),
            Map.entry("webhook.replay", "重新推送事件"), Map.entry("agent.authorize", "授权经办人"), Map.entry("agent.withdraw", "撤销经办人授权"),
            Map.entry("agent.authorize-system", "授权对接系统代为申报"), Map.entry("agent.withdraw-system", "撤销对接系统代为申报"));

    private static final Map<String, String> SUBJECTS = Map.ofEntries(
            Map.entry("application", "申报"), Map.entry("grant", "资金"), Map.entry("fund_pool", "资金池"),
            Map.entry("payout_batch", "拨付批次"), Map.entry("no_application_run", "免申即享发放"), Map.entry("policy_item", "政策事项"),
            Map.entry("policy_document", "政策文件"), Map.entry("enterprise", "企业"), Map.entry("enterprise_import", "数据导入"),
            Map.entry("enterprise_attribute", "数据项"), Map.entry("correction_request", "纠错申请"), Map.entry("eval_campaign", "评估活动"),
            Map.entry("eval_indicator", "评估指标"), Map.entry("problem", "整改问题"), Map.entry("calendar", "工作日历"),
            Map.entry("region", "行政区划"), Map.entry("department", "部门"), Map.entry("user", "用户"), Map.entry("address", "访问地址"),
            Map.entry("objection", "公示异议"), Map.entry("fund_grant", "资金"), Map.entry("b2b_round", "背靠背评价"),
            Map.entry("tag_rule", "标签规则"), Map.entry("system_client", "对接系统"), Map.entry("webhook_subscription", "事件订阅"),
            Map.entry("webhook_delivery", "事件推送"));

    public String action(String code) {
        return code == null ? "" : ACTIONS.getOrDefault(code, code);
    }

    /** "政策事项 ZL-001（第 2 版）" rather than "policy_item ZL-001@v2". */
    public String subject(String type, String id) {
        String what = type == null ? "" : SUBJECTS.getOrDefault(type, type);
        String which = id == null ? "" : id.replaceFirst("@v(\\d+)$", "（第 $1 版）");
        return (what + " " + which).strip();
    }
}
