package io.zhida.applications;

import io.zhida.applications.internal.ApplicationRows;
import io.zhida.applications.internal.RecordRows;
import io.zhida.funds.GrantEvents;
import io.zhida.identity.CurrentUser;
import io.zhida.notify.Inbox;
import io.zhida.platform.ProcessedEvents;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Follows a grant after approval: 公示 over → payment clock; paid, failed or withdrawn → timeline and message. */
@Component
class GrantFollower {

    private final ApplicationRows rows;
    private final RecordRows records;
    private final TimeLimits limits;
    private final Inbox inbox;
    private final String financeDepartment;
    private final ProcessedEvents processed;

    private final io.zhida.funds.BankAccounts accounts;

    GrantFollower(ApplicationRows rows, RecordRows records, TimeLimits limits, Inbox inbox,
                  @Value("${zhida.funds.finance-department:C-CZJ}") String financeDepartment, ProcessedEvents processed,
                  io.zhida.funds.BankAccounts accounts) {
        this.accounts = accounts;
        this.processed = processed;
        this.rows = rows;
        this.records = records;
        this.limits = limits;
        this.inbox = inbox;
        this.financeDepartment = financeDepartment;
    }

    @ApplicationModuleListener
    void on(GrantEvents.GrantBecamePayable payable) {
        if (!processed.firstDelivery("applications.grant-follower", payable)) {
            return;
        }
        if (payable.applicationId() != null) {
            limits.openPayment(payable.applicationId(), financeDepartment, payable.payDueAt());
            records.event(payable.applicationId(), CurrentUser.SYSTEM, "PAYABLE", "公示期满无异议，进入拨付",
                    "拨付时限至 " + WorkingTimeText.format(payable.payDueAt()));
            if (accounts.find(payable.uscc()).isEmpty()) {
                limits.pausePayment(payable.applicationId());
                records.event(payable.applicationId(), CurrentUser.SYSTEM, "WAITING_ACCOUNT", "等待企业确认收款账户",
                        "确认对公收款账户后即可拨付，拨付时限在此期间暂停");
            }
        }
    }

    /** The enterprise confirmed its account: payment clocks that waited for it go on. */
    @ApplicationModuleListener
    void on(io.zhida.funds.BankAccountConfirmed confirmed) {
        if (!processed.firstDelivery("applications.grant-follower", confirmed)) {
            return;
        }
        for (long id : rows.waitingForPayment(confirmed.uscc())) {
            limits.resumePayment(id);
            records.event(id, CurrentUser.SYSTEM, "ACCOUNT_CONFIRMED", "企业已确认收款账户", "拨付时限继续计算");
        }
    }

    @ApplicationModuleListener
    void on(GrantEvents.GrantPaid paid) {
        if (!processed.firstDelivery("applications.grant-follower", paid)) {
            return;
        }
        String body = "「" + paid.itemName() + "」" + Applications.money(paid.amount()) + " 元已拨付至贵单位对公账户，请注意查收。";
        if (paid.applicationId() != null) {
            rows.paid(paid.applicationId());
            limits.close(paid.applicationId(), TimeLimitTask.Kind.PAY, null);
            records.event(paid.applicationId(), CurrentUser.SYSTEM, "PAID", "资金已拨付", Applications.money(paid.amount()) + " 元，银行回单确认到账");
            body += "\n欢迎在“我的申报”中对本次服务进行评价（好差评）。";
        }
        inbox.send(paid.uscc(), "资金已拨付：" + paid.itemName(), body);
    }

    @ApplicationModuleListener
    void on(GrantEvents.GrantPaymentFailed failed) {
        if (!processed.firstDelivery("applications.grant-follower", failed)) {
            return;
        }
        if (failed.applicationId() != null) {
            records.event(failed.applicationId(), CurrentUser.SYSTEM, "PAY_FAILED", "拨付失败，待重新拨付", failed.reason());
        }
        inbox.send(failed.uscc(), "资金拨付未成功", "银行退回原因：" + failed.reason() + "。请在“收款账户”中核对贵单位对公账户，财政部门将重新拨付。");
    }

    @ApplicationModuleListener
    void on(GrantEvents.GrantCancelled cancelled) {
        if (!processed.firstDelivery("applications.grant-follower", cancelled)) {
            return;
        }
        if (cancelled.applicationId() != null) {
            rows.reject(cancelled.applicationId(), Application.Status.APPROVED, cancelled.reason());
            limits.closeAll(cancelled.applicationId());
            records.event(cancelled.applicationId(), CurrentUser.SYSTEM, "CANCELLED", "核准撤销", cancelled.reason());
        }
        inbox.send(cancelled.uscc(), "资金核准已撤销", cancelled.reason());
    }
}
