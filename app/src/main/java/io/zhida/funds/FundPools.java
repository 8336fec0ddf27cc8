package io.zhida.funds;

import io.zhida.funds.internal.PoolRows;
import io.zhida.identity.AuditLog;
import io.zhida.platform.InvalidInputException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 资金池 per item and year: opened from the item's annual budget, adjustable by finance. */
@Service
public class FundPools {

    private final PoolRows rows;
    private final AuditLog audit;

    FundPools(PoolRows rows, AuditLog audit) {
        this.rows = rows;
        this.audit = audit;
    }

    public List<FundPool> all(int year) {
        return rows.all(year);
    }

    public Optional<FundPool> find(String itemCode, int year) {
        return rows.find(itemCode, year);
    }

    /** Opens the pool from the item's annual budget if there is none yet. */
    @Transactional
    public void open(String itemCode, int year, BigDecimal budget) {
        if (budget != null) {
            rows.open(itemCode, year, budget);
        }
    }

    /**
     * 停止执行 after an evaluation's decision: no new reservation in any year's pool of the item from now on; grants
     * already made stay and are paid. Once stopped, an item stays stopped (a new policy is a new item).
     */
    @Transactional
    public void stop(String itemCode, String reason) {
        if (rows.stop(itemCode, reason, io.zhida.identity.CurrentUser.actor())) {
            audit.record("pool.stop", "fund_pool", itemCode, "评估决定停止执行，资金池不再新增预留：" + reason, null, null);
        }
    }

    public Optional<String> stopped(String itemCode) {
        return rows.stopped(itemCode);
    }

    /** Sets the budget; never below what is already reserved and paid. */
    @Transactional
    public void setBudget(String itemCode, int year, BigDecimal budget) {
        if (budget == null || budget.signum() < 0 || budget.scale() > 2) {
            throw new InvalidInputException("budget", "预算应为不小于 0 的金额，最多两位小数");
        }
        Optional<FundPool> before = rows.find(itemCode, year);
        if (rows.setBudget(itemCode, year, budget) == 0) {
            FundPool p = before.orElseThrow();
            throw new InvalidInputException("budget", "预算不能低于已占用的 " + Grants.yuan(p.reserved().add(p.paid())) + " 元（已核定未拨付 + 已拨付）");
        }
        audit.record("pool.budget", "fund_pool", itemCode + "/" + year, "调整资金池预算",
                before.map(p -> p.budget().toPlainString()).orElse(null), budget.toPlainString());
    }
}
