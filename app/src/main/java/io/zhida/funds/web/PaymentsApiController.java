package io.zhida.funds.web;

import io.zhida.funds.PayoutBatch;
import io.zhida.funds.PayoutBatches;
import io.zhida.funds.internal.BankFile;
import io.zhida.identity.AccessRule;
import io.zhida.identity.Audience;
import io.zhida.identity.DataScope;
import io.zhida.identity.Scope;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.Page;
import io.zhida.platform.PageQuery;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The treasury's side of 拨付 (scope payments:write): it reads the batches finance made and their payment lines, and sends
 * back the bank's result for each line, as finance's result file would. Settling is once per line, so a repeated call
 * changes nothing.
 */
@AccessRule(audience = Audience.SYSTEMS, scope = DataScope.WHOLE_CITY, scopes = Scope.PAYMENTS_WRITE)
@RestController
class PaymentsApiController {

    private static final String NUMBER = "BF\\d{8}-\\d{5,12}";

    /** One line's result: {@code PAID} or {@code FAILED}, and why it failed. */
    record LineResult(Long line, String outcome, String reason) {
    }

    record Results(List<LineResult> results) {
    }

    record BatchView(PayoutBatch batch, List<PayoutBatch.Line> lines) {
    }

    private final PayoutBatches batches;

    PaymentsApiController(PayoutBatches batches) {
        this.batches = batches;
    }

    @GetMapping("/api/v1/payout-batches")
    Page<PayoutBatch> list(PageQuery page) {
        return batches.all().page(page);
    }

    @GetMapping("/api/v1/payout-batches/{number}")
    BatchView batch(@PathVariable String number) {
        PayoutBatch batch = batches.byNumber(checked(number));
        return new BatchView(batch, batches.lines(batch.id()));
    }

    @PostMapping("/api/v1/payout-batches/{number}/results")
    PayoutBatch.Settlement results(@PathVariable String number, @RequestBody Results body) {
        checked(number);
        if (body == null || body.results() == null) {
            throw new InvalidInputException("results", "请在 results 中逐笔回传结果");
        }
        List<BankFile.Result> results = new ArrayList<>();
        for (int i = 0; i < Math.min(body.results().size(), 10_001); i++) {
            LineResult r = body.results().get(i);
            if (r == null || r.line() == null) {
                throw new InvalidInputException("results", "第 " + (i + 1) + " 笔缺少明细号 line");
            }
            String outcome = switch (r.outcome() == null ? "" : r.outcome()) {
                case "PAID" -> "成功";
                case "FAILED" -> "失败";
                default -> throw new InvalidInputException("results", "第 " + (i + 1) + " 笔：outcome 应为 PAID 或 FAILED");
            };
            String reason = r.reason() == null ? "" : r.reason().strip();
            if (reason.length() > 200 || reason.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidInputException("results", "第 " + (i + 1) + " 笔：失败原因不超过 200 字，且不含控制字符");
            }
            results.add(new BankFile.Result(i + 1, String.valueOf(r.line()), outcome, reason));
        }
        return batches.settle(number, results);
    }

    private static String checked(String number) {
        if (!number.matches(NUMBER)) {
            throw new InvalidInputException("number", "批次号应形如 BF20261129-00012");
        }
        return number;
    }
}
