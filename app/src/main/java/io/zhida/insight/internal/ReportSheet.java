package io.zhida.insight.internal;

import io.zhida.insight.HotWord;
import io.zhida.insight.MonthlyReport;
import io.zhida.insight.Topic;
import io.zhida.insight.Trend;
import io.zhida.platform.Spreadsheet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** The monthly report as one sheet, part by part: 概况, 热词, 话题, 走势, 样本. */
public final class ReportSheet {

    static final List<String> HEADER = List.of("部分", "名称", "本月", "上月", "增减", "说明");

    private ReportSheet() {
    }

    public static byte[] bytes(MonthlyReport r, UnaryOperator<String> departmentName) {
        try (Spreadsheet sheet = Spreadsheet.of("政策诉求月报 " + r.month(), HEADER)) {
            sheet.row("概况", r.scopeName() + " " + r.month() + " 政策诉求月报", r.texts(), r.previousTexts(), r.texts() - r.previousTexts(),
                    "诉求、评价、问卷和帮包诉求中企业所写文字的条数");
            for (Map.Entry<String, Integer> s : r.bySource().entrySet()) {
                sheet.row("来源", s.getKey(), s.getValue(), null, null, null);
            }
            int rank = 1;
            for (HotWord w : r.words()) {
                sheet.row("热词", w.word(), w.count(), w.previous(), w.rise(), "第 " + rank++ + " 位");
            }
            for (Topic t : r.topics()) {
                sheet.row("话题", t.name(), t.count(), t.previous(), t.rise(), t.explanation());
            }
            for (Trend.Series s : r.trend().series()) {
                for (int i = 0; i < r.trend().months().size(); i++) {
                    sheet.row("走势：" + s.name(), r.trend().months().get(i), s.counts().get(i), s.counts().get(i) - s.rises().get(i),
                            s.rises().get(i), null);
                }
            }
            for (MonthlyReport.Sample s : r.samples()) {
                var t = s.text();
                sheet.row("样本：" + s.about(), t.date() + " " + t.source() + " " + nullToDash(t.reference()), null, null, null,
                        nullToDash(t.enterpriseName()) + "｜" + (t.departmentCode() == null ? "未交办" : departmentName.apply(t.departmentCode()))
                                + (t.itemCode() == null ? "" : "｜" + t.itemCode()) + "｜" + t.text());
            }
            return sheet.bytes();
        }
    }

    private static String nullToDash(String s) {
        return s == null ? "—" : s;
    }
}
