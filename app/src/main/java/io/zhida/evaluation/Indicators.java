package io.zhida.evaluation;

import io.zhida.evaluation.internal.IndicatorRows;
import io.zhida.identity.AuditLog;
import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Validation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicator system (三率 → second level → third-level points) with a weight scheme per half-year.
 * Shipped with a Binzhou-style "3221" default of 3 → 13 → 21: the first half stresses awareness, the
 * second fulfilment. The evaluation officer edits names, weights and sources.
 */
@Service
public class Indicators {

    private final IndicatorRows rows;
    private final AuditLog audit;

    Indicators(IndicatorRows rows, AuditLog audit) {
        this.rows = rows;
        this.audit = audit;
    }

    public List<IndicatorScheme> schemes() {
        return rows.schemes();
    }

    public IndicatorScheme scheme(long id) {
        return rows.schemes().stream().filter(s -> s.id() == id).findFirst().orElseThrow(() -> new NotFoundException("没有这套指标体系"));
    }

    public List<Indicator> tree(long scheme) {
        return rows.tree(scheme);
    }

    /** Leaves with their effective weight in percent of the whole (sums to 100 in a consistent tree). */
    public Map<Indicator, BigDecimal> leaves(long scheme) {
        Map<Indicator, BigDecimal> leaves = new LinkedHashMap<>();
        collect(rows.tree(scheme), BigDecimal.valueOf(100), leaves);
        return leaves;
    }

    private static void collect(List<Indicator> nodes, BigDecimal share, Map<Indicator, BigDecimal> leaves) {
        for (Indicator i : nodes) {
            BigDecimal mine = share.multiply(i.weight()).divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP);
            if (i.leaf()) {
                leaves.put(i, mine);
            } else {
                collect(i.children(), mine, leaves);
            }
        }
    }

    /** Where siblings' weights do not add up to 100, or a leaf has no source: shown on the editor. */
    public List<String> problems(long scheme) {
        List<String> problems = new ArrayList<>();
        check("第一级", rows.tree(scheme), problems);
        return problems;
    }

    private static void check(String where, List<Indicator> siblings, List<String> problems) {
        if (siblings.isEmpty()) {
            return;
        }
        BigDecimal sum = siblings.stream().map(Indicator::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(BigDecimal.valueOf(100)) != 0) {
            problems.add(where + "的权重合计为 " + sum.stripTrailingZeros().toPlainString() + "，应为 100");
        }
        for (Indicator i : siblings) {
            if (i.leaf() && i.source() == null) {
                problems.add(i.code() + " " + i.name() + " 未指定评分来源");
            }
            check(i.code() + " " + i.name() + " 的下级", i.children(), problems);
        }
    }

    @Transactional
    public void update(long scheme, long id, String name, BigDecimal weight, Indicator.Source source, String ref, String actor) {
        validate(name, weight, source, ref);
        if (rows.update(scheme, id, name.trim(), weight, source == null ? null : source.name(), blank(ref)) == 0) {
            throw new NotFoundException("没有这个指标");
        }
        audit.record("indicator.update", "eval_indicator", String.valueOf(id), "修改评价指标", null, name + " " + weight);
    }

    @Transactional
    public long add(long scheme, Long parent, String code, String name, BigDecimal weight, Indicator.Source source, String ref) {
        validate(name, weight, source, ref);
        if (code == null || !code.matches("[0-9A-Za-z.\\-]{1,20}")) {
            throw new InvalidInputException("code", "指标编号为 1–20 位字母、数字或点，如 3.22");
        }
        try {
            return rows.insert(scheme, parent, code, name.trim(), weight, source == null ? null : source.name(), blank(ref), 999);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new InvalidInputException("code", "指标编号已存在：" + code);
        }
    }

    @Transactional
    public void delete(long scheme, long id) {
        rows.delete(scheme, id);
    }

    private static void validate(String name, BigDecimal weight, Indicator.Source source, String ref) {
        new Validation().requireText(name, "name", "指标名称", 200)
                .require(weight != null && weight.signum() >= 0 && weight.compareTo(BigDecimal.valueOf(100)) <= 0 && weight.scale() <= 2,
                        "weight", "权重应为 0–100，最多两位小数")
                .require(source != Indicator.Source.PLATFORM || Indicator.PLATFORM_MEASURES.containsKey(ref), "sourceRef",
                        "平台数据指标需选择数据项")
                .require(source != Indicator.Source.SURVEY || "AWARENESS".equals(ref) || "SATISFACTION".equals(ref), "sourceRef",
                        "问卷指标需选择知晓或满意度题")
                .throwIfInvalid();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** The default system, installed once on an empty platform. */
    @EventListener(ApplicationReadyEvent.class)
    @Transactional
    public void installDefaults() {
        if (!rows.schemes().isEmpty()) {
            return;
        }
        install("上半年评估（侧重精准宣传）", 1, new int[] {40, 30, 30});
        install("下半年评估（侧重及时兑现）", 2, new int[] {25, 30, 45});
    }

    private void install(String name, int half, int[] top) {
        long scheme = rows.insertScheme(name, half);
        Object[][] tree = {
                {"1", "政策知晓覆盖率", top[0], new Object[][] {
                        {"1.1", "政策发布", 25, new Object[][] {{"1.1.1", "政策上线发布及时性", 50, "SELF", null}, {"1.1.2", "政策解读完整易懂", 50, "THIRD_PARTY", null}}},
                        {"1.2", "精准推送", 30, new Object[][] {{"1.2.1", "符合条件企业推送阅读率", 100, "PLATFORM", "AWARENESS"}}},
                        {"1.3", "宣传培训", 15, new Object[][] {{"1.3.1", "政策宣讲覆盖情况", 100, "SELF", null}}},
                        {"1.4", "企业知晓", 30, new Object[][] {{"1.4.1", "企业问卷知晓率", 100, "SURVEY", "AWARENESS"}}}}},
                {"2", "政策办理满意率", top[1], new Object[][] {
                        {"2.1", "申报便利", 20, new Object[][] {{"2.1.1", "申报材料精简度", 50, "THIRD_PARTY", null}, {"2.1.2", "线上可办情况", 50, "SELF", null}}},
                        {"2.2", "办理时效", 20, new Object[][] {{"2.2.1", "环节按时办结率", 100, "PLATFORM", "ON_TIME"}}},
                        {"2.3", "服务评价", 30, new Object[][] {{"2.3.1", "办件好评率", 50, "PLATFORM", "SATISFACTION"}, {"2.3.2", "企业问卷满意度", 50, "SURVEY", "SATISFACTION"}}},
                        {"2.4", "渠道体验", 15, new Object[][] {{"2.4.1", "网站、电话、大厅申报体验", 100, "THIRD_PARTY", null}}},
                        {"2.5", "诉求回应", 15, new Object[][] {{"2.5.1", "诉求按时答复率", 100, "PLATFORM", "APPEALS"}}}}},
                {"3", "政策兑现到位率", top[2], new Object[][] {
                        {"3.1", "兑现及时", 35, new Object[][] {{"3.1.1", "按时足额拨付率", 100, "PLATFORM", "FULFILLMENT"}}},
                        {"3.2", "兑现规模", 20, new Object[][] {{"3.2.1", "资金拨付率", 60, "PLATFORM", "AMOUNT"}, {"3.2.2", "免申即享资金占比", 40, "PLATFORM", "NO_APPLICATION"}}},
                        {"3.3", "兑现规范", 25, new Object[][] {{"3.3.1", "公示与异议处理", 35, "THIRD_PARTY", null}, {"3.3.2", "兑现材料现场核实", 35, "THIRD_PARTY", null}, {"3.3.3", "兑现情况自评", 30, "SELF", null}}},
                        {"3.4", "效果反馈", 20, new Object[][] {{"3.4.1", "政策效果自评", 30, "SELF", null}, {"3.4.2", "企业获得感", 40, "SURVEY", "SATISFACTION"}, {"3.4.3", "问题整改完成率", 30, "PLATFORM", "RECTIFICATION"}}}}}};
        int position = 0;
        for (Object[] first : tree) {
            long a = rows.insert(scheme, null, (String) first[0], (String) first[1], BigDecimal.valueOf((int) first[2]), null, null, position++);
            for (Object[] second : (Object[][]) first[3]) {
                long b = rows.insert(scheme, a, (String) second[0], (String) second[1], BigDecimal.valueOf((int) second[2]), null, null, position++);
                for (Object[] third : (Object[][]) second[3]) {
                    rows.insert(scheme, b, (String) third[0], (String) third[1], BigDecimal.valueOf((int) third[2]), (String) third[3],
                            (String) third[4], position++);
                }
            }
        }
    }
}
