package io.zhida.evaluation;

import java.math.BigDecimal;
import java.util.List;

/**
 * One node of an indicator system: a weight in percent of its parent (siblings sum to 100) and, on a
 * leaf, where its score comes from. Effective weight = product of the weights on the path / 100^(depth-1).
 */
public record Indicator(long id, Long parentId, String code, String name, BigDecimal weight, Source source, String sourceRef,
                        int position, List<Indicator> children) {

    public enum Source {
        PLATFORM("平台数据"), SELF("部门自评"), SURVEY("企业问卷"), THIRD_PARTY("第三方评");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Platform measures a leaf can read. */
    public static final java.util.Map<String, String> PLATFORM_MEASURES = java.util.Map.of(
            "AWARENESS", "知晓覆盖率（推送阅读或问卷知晓）", "SATISFACTION", "办理满意率（办件与问卷 4–5 分）",
            "FULFILLMENT", "兑现到位率（按时足额拨付）", "AMOUNT", "资金拨付率（已拨付/已核定）",
            "ON_TIME", "环节按时办结率", "NO_APPLICATION", "免申即享资金占比", "APPEALS", "诉求按时答复率",
            "RECTIFICATION", "问题整改完成率");

    public boolean leaf() {
        return children.isEmpty();
    }
}
