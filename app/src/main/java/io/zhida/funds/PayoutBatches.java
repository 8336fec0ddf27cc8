package io.zhida.funds;

import io.zhida.funds.internal.BankFile;
import io.zhida.funds.internal.BatchRows;
import io.zhida.funds.internal.GrantRows;
import io.zhida.funds.internal.PoolRows;
import io.zhida.identity.AuditLog;
import io.zhida.identity.CurrentUser;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 拨付批次 for the finance officer: payable grants (and failed ones, for a retry) with a confirmed
 * account go into a batch; the bank's result file marks each line paid or failed. A grant is in at
 * most one live payment line (a partial unique index), so it cannot be paid twice.
 */
@Service
public class PayoutBatches {

    static final int MAX_LINES = 10_000;

    private final BatchRows batches;
    private final GrantRows grants;
    private final PoolRows pools;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    private final io.zhida.notify.Inbox inbox;
    private final Clock clock;

    PayoutBatches(BatchRows batches, GrantRows grants, PoolRows pools, AuditLog audit, ApplicationEventPublisher events,
                  io.zhida.notify.Inbox inbox, Clock clock) {
        this.clock = clock;
        this.inbox = inbox;
        this.batches = batches;
        this.grants = grants;
        this.pools = pools;
        this.audit = audit;
        this.events = events;
    }

    /** @return the new batch, or empty when nothing is ready to pay */
    @Transactional
    public java.util.Optional<PayoutBatch> create() {
        long id = batches.create(CurrentUser.actor());
        int lines;
        try {
            lines = batches.fill(id, MAX_LINES);
        } catch (DuplicateKeyException e) {
            throw new InvalidInputException("batch", "另一个拨付批次正在生成，请刷新后再试");
        }
        if (lines == 0) {
            batches.delete(id);
            return java.util.Optional.empty();
        }
        PayoutBatch batch = batches.find(id).orElseThrow();
        audit.record("payout.batch", "payout_batch", batch.number(), "生成拨付批次 " + lines + " 笔", null, batch.total().toPlainString());
        return java.util.Optional.of(batch);
    }

    public io.zhida.platform.Listing<PayoutBatch> all() {
        return batches.all();
    }

    public PayoutBatch get(long id) {
        return batches.find(id).orElseThrow(() -> new NotFoundException("没有这个拨付批次"));
    }

    public List<PayoutBatch.Line> lines(long batchId) {
        return batches.lines(batchId);
    }

    public long readyToPay() {
        return batches.ready();
    }

    public long waitingForAccount() {
        return batches.waitingForAccount();
    }

    /** The enterprises to chase for an account, longest waiting first; query (optional): part of the name, or the credit code. */
    public io.zhida.platform.Listing<PayoutBatch.WaitingForAccount> waitingForAccount(String query) {
        return batches.waitingForAccount(io.zhida.platform.Inputs.text(query, "q", "查找内容", 60)); // bounded like its box
    }

    /**
     * Reminds the enterprises whose payable money waits for their receiving account (in-site message, and SMS or
     * e-mail unless muted), each at most once a day; @return how many were reminded now.
     */
    @Transactional
    public int remindWaitingForAccount() {
        int reminded = 0;
        for (PayoutBatch.WaitingForAccount w : batches.waitingForAccount(null).all()) {
            if (batches.remind(w.uscc(), CurrentUser.actor())) {
                inbox.send(w.uscc(), "请确认收款账户，以便拨付 " + Grants.yuan(w.amount()) + " 元",
                        "贵单位有 " + w.grants() + " 笔惠企资金共 " + Grants.yuan(w.amount()) + " 元已核准待拨付，因平台尚无贵单位确认的对公收款账户，暂未拨付。"
                                + "\n请登录平台，在“收款账户”中确认户名与营业执照一致的对公账户，财政部门将在确认后尽快拨付。");
                reminded++;
            }
        }
        audit.record("payout.remind-accounts", "fund_grant", null, "提醒 " + reminded + " 家企业确认收款账户", null, null);
        return reminded;
    }

    public List<PayoutBatch.NameMismatch> nameMismatches() {
        return batches.nameMismatches(500);
    }

    public byte[] paymentFile(long batchId, boolean xlsx) {
        PayoutBatch batch = get(batchId);
        List<PayoutBatch.Line> lines = batches.lines(batchId);
        return xlsx ? BankFile.xlsx(batch.number(), lines) : BankFile.csv(lines);
    }

    /**
     * Applies the bank's result file. Lines already settled are skipped, so importing the same file twice
     * changes nothing; unknown line numbers or outcomes are reported and the whole file is refused.
     */
    @Transactional
    public PayoutBatch.Settlement settle(long batchId, String fileName, InputStream file) throws IOException {
        get(batchId);
        return settle(batchId, BankFile.results(fileName, file));
    }

    /**
     * The bank's results sent by another system (the treasury's 国库集中支付), as the file's lines would be: line number,
     * 成功 or 失败, and the reason of a failure. The same checks and the same once-only settlement as the file's.
     */
    @Transactional
    public PayoutBatch.Settlement settle(String batchNumber, List<BankFile.Result> results) {
        PayoutBatch batch = byNumber(batchNumber);
        if (results.isEmpty()) {
            throw new InvalidInputException("results", "请至少回传一笔结果");
        }
        if (results.size() > MAX_LINES) {
            throw new InvalidInputException("results", "一次最多回传 " + MAX_LINES + " 笔");
        }
        return settle(batch.id(), results);
    }

    public PayoutBatch byNumber(String number) {
        return batches.findByNumber(number == null ? "" : number.strip()).orElseThrow(() -> new NotFoundException("没有这个拨付批次"));
    }

    private PayoutBatch.Settlement settle(long batchId, List<BankFile.Result> results) {
        Map<String, PayoutBatch.Line> lines = batches.lines(batchId).stream()
                .collect(Collectors.toMap(l -> String.valueOf(l.id()), Function.identity()));
        List<String> problems = new ArrayList<>();
        for (BankFile.Result r : results) {
            if (!lines.containsKey(r.lineNo())) {
                problems.add("第 " + r.row() + " 行：明细号 " + r.lineNo() + " 不属于本批次");
            } else if (!r.outcome().equals("成功") && !r.outcome().equals("失败")) {
                problems.add("第 " + r.row() + " 行：结果应为“成功”或“失败”，而不是“" + r.outcome() + "”");
            } else if (r.outcome().equals("失败") && r.reason().isBlank()) {
                problems.add("第 " + r.row() + " 行：失败的明细应写明失败原因");
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("file", String.join("；", problems.subList(0, Math.min(20, problems.size()))));
        }
        int paid = 0;
        int failed = 0;
        int already = 0;
        for (BankFile.Result r : results) {
            PayoutBatch.Line line = lines.get(r.lineNo());
            boolean ok = r.outcome().equals("成功");
            if (batches.settleLine(line.id(), ok, ok ? null : r.reason()) == 0) {
                already++;
                continue;
            }
            Grant grant = grants.find(line.grantId()).orElseThrow();
            if (ok) {
                if (grants.markPaid(grant.id()) != 1) {
                    throw new IllegalStateException("grant " + grant.id() + " was not in a batch");
                }
                pools.settle(grant.itemCode(), Integer.parseInt(grant.period()), grant.amount());
                events.publishEvent(new GrantEvents.GrantPaid(grant.id(), grant.applicationId(), grant.uscc(), grant.itemName(), grant.amount(),
                        grant.itemCode(), grant.payDueAt() == null || !clock.instant().isAfter(grant.payDueAt())));
                paid++;
            } else {
                grants.transition(grant.id(), Grant.Status.IN_BATCH, Grant.Status.FAILED);
                events.publishEvent(new GrantEvents.GrantPaymentFailed(grant.id(), grant.applicationId(), grant.uscc(), r.reason(), clock.instant()));
                failed++;
            }
        }
        batches.markSettledIfComplete(batchId);
        audit.record("payout.settle", "payout_batch", String.valueOf(batchId), "导入银行回单：成功 " + paid + " 笔，失败 " + failed + " 笔",
                null, null);
        return new PayoutBatch.Settlement(paid, failed, already, List.of());
    }
}
