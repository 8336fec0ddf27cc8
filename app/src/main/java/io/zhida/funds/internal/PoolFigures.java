package io.zhida.funds.internal;

import io.zhida.catalog.ItemFigures;
import io.zhida.funds.FundPool;
import io.zhida.funds.Grants;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** The item page's money for the year: enterprises granted, amount granted and paid, budget left. */
@Component
class PoolFigures implements ItemFigures {

    private final PoolRows pools;

    PoolFigures(PoolRows pools) {
        this.pools = pools;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<Figure> figures(String itemCode, int year) {
        List<Figure> figures = new ArrayList<>();
        pools.find(itemCode, year).ifPresent((FundPool p) -> {
            figures.add(new Figure("已享受企业", p.grants() + " 户"));
            figures.add(new Figure("已核定金额", Grants.yuan(p.reserved().add(p.paid())) + " 元"));
            figures.add(new Figure("已拨付", Grants.yuan(p.paid()) + " 元（" + p.paidGrants() + " 户）"));
            figures.add(new Figure("资金池余额", Grants.yuan(p.available()) + " 元 / 预算 " + Grants.yuan(p.budget()) + " 元"));
        });
        return figures;
    }
}
