package io.zhida.applications;

import io.zhida.catalog.ItemContent;
import io.zhida.catalog.PolicyItem;
import io.zhida.engine.rule.Calculator;
import java.util.List;
import java.util.Map;

/**
 * The online form for one item and one enterprise: the figures the platform already holds (shown, not
 * asked), the materials to upload, the estimate, and whether the item can be applied for now.
 */
public record ApplicationForm(PolicyItem item, Map<String, String> figures, List<ItemContent.Material> uploads,
                              List<ItemContent.Material> shared, Calculator.Result calculation, boolean commitmentRequired,
                              String blockedReason) {

    public boolean open() {
        return blockedReason == null;
    }

    public static final String COMMITMENT = "本单位承诺：所提交的申报信息和材料真实、准确、完整，符合政策规定的条件；"
            + "如有虚假，自愿退回已享受的资金，承担相应法律责任，并同意纳入信用记录。";
}
