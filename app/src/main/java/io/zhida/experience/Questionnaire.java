package io.zhida.experience;

import io.zhida.catalog.ItemContent;
import io.zhida.catalog.PolicyItem;
import java.util.ArrayList;
import java.util.List;

/**
 * The questions of an experience task, drawn from the service's own steps as its 办事指南 states them — its materials, its
 * time limit, its way of handling, its contact — and from the channel the officer tests it through.
 */
public final class Questionnaire {

    private Questionnaire() {
    }

    public static List<String> of(PolicyItem item, ExperienceTask.Channel channel) {
        ItemContent c = item.content();
        List<String> questions = new ArrayList<>();
        questions.add("办事指南是否清楚写明申报条件、办理方式（" + c.mode().label() + "）和兑现标准？");
        List<ItemContent.Material> upload = c.materials().stream().filter(m -> !m.shared()).toList();
        List<ItemContent.Material> shared = c.materials().stream().filter(ItemContent.Material::shared).toList();
        if (!upload.isEmpty()) {
            questions.add("所需材料（" + String.join("、", upload.stream().map(ItemContent.Material::name).toList())
                    + "）是否一次性告知、无额外要求？");
        }
        for (ItemContent.Material m : shared) {
            questions.add("「" + m.name() + "」是否确实免于提交（由平台共享获取），没有被要求另行提供？");
        }
        if (c.timeLimitDays() != null) {
            questions.add("是否在承诺时限 " + c.timeLimitDays() + " 个工作日内办结并告知结果？");
        }
        switch (channel) {
            case ONLINE -> {
                questions.add("网上申报入口是否容易找到、步骤是否清楚、能否一次提交成功？");
                questions.add("政策计算器的测算结果是否与办事指南一致？");
            }
            case WINDOW_SELF, WINDOW_PROXY, WINDOW_WITH -> {
                questions.add("窗口是否首问负责、一次性告知，未出现推诿或让企业反复跑？");
                questions.add("窗口等候和办理时间是否合理（" + channel.label() + "）？");
            }
            case CALLBACK -> questions.add("回访电话是否接通，工作人员能否准确解答政策和办理进度？");
        }
        if (c.contact() != null && !c.contact().isBlank()) {
            questions.add("咨询电话（" + c.contact().strip() + "）是否接通并准确解答？");
        }
        questions.add("办理过程是否廉洁规范，没有索要材料以外的费用、变相设置门槛或吃拿卡要？");
        return List.copyOf(questions);
    }
}
