package io.zhida.evaluation;

import io.zhida.identity.Organisations;
import io.zhida.platform.Pdf;
import io.zhida.platform.Spreadsheet;
import io.zhida.rates.ThreeRates;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/** 评估报告: the city's, a department's or a county's, as PDF with bar charts, and the whole campaign as XLSX. */
@Service
public class CampaignReport {

    private final Campaigns campaigns;
    private final ThreeRates rates;
    private final Organisations organisations;
    private final ITemplateEngine templates;
    private final Clock clock;

    CampaignReport(Campaigns campaigns, ThreeRates rates, Organisations organisations, ITemplateEngine templates, Clock clock) {
        this.clock = clock;
        this.campaigns = campaigns;
        this.rates = rates;
        this.organisations = organisations;
        this.templates = templates;
    }

    /** unitKind/unitCode null = the city report with all rankings. */
    public byte[] pdf(long campaignId, String unitKind, String unitCode) {
        Campaign c = campaigns.get(campaignId);
        List<Campaign.Result> results = campaigns.results(campaignId);
        Context ctx = new Context();
        ctx.setVariable("c", c);
        ctx.setVariable("generatedOn", LocalDate.now(clock));
        ctx.setVariable("counties", results.stream().filter(r -> r.kind().equals("COUNTY")).toList());
        ctx.setVariable("departments", results.stream().filter(r -> r.kind().equals("DEPARTMENT")).toList());
        ctx.setVariable("city", rates.rate(c.periodFrom(), c.periodTo(), ThreeRates.GroupBy.CITY, "city"));
        if (unitKind != null) {
            Campaign.Result mine = results.stream().filter(r -> r.kind().equals(unitKind) && r.code().equals(unitCode)).findFirst()
                    .orElseThrow(() -> new io.zhida.platform.NotFoundException("该单位不在本次评估中或尚未计分"));
            ctx.setVariable("unit", mine);
            ctx.setVariable("of", results.stream().filter(r -> r.kind().equals(unitKind)).count());
            ctx.setVariable("leaves", campaigns.leafScores(campaignId, unitKind, unitCode));
            ctx.setVariable("problems", campaigns.problems(campaignId, unitKind, unitCode));
        }
        return Pdf.render(templates.process("evaluation/report", ctx));
    }

    public byte[] xlsx(long campaignId) {
        Campaign c = campaigns.get(campaignId);
        List<Campaign.Result> results = campaigns.results(campaignId);
        List<String> roots = results.isEmpty() ? List.of() : new ArrayList<>(results.get(0).subtotals().keySet());
        List<String> header = new ArrayList<>(List.of("类别", "单位", "排名", "总分", "缺项"));
        roots.forEach(r -> header.add(r + "（得分）"));
        try (Spreadsheet sheet = Spreadsheet.of(c.name(), header)) {
            for (Campaign.Result r : results) {
                List<Object> row = new ArrayList<>(List.of(r.kind().equals("COUNTY") ? "县（区）" : "部门", r.name(), r.ranked() ? (Object) r.rank() : "数据不足，不参与排名", r.total(), r.missing()));
                roots.forEach(root -> row.add(r.subtotals().get(root)));
                sheet.row(row);
            }
            sheet.row(List.of());
            sheet.row("单位", "指标编号", "指标", "来源", "权重（%）", "得分");
            for (Campaign.Result r : results) {
                for (Campaign.LeafScore l : campaigns.leafScores(campaignId, r.kind(), r.code())) {
                    sheet.row(r.name(), l.indicatorCode(), l.indicatorName(), l.source(), l.weight(), l.score());
                }
            }
            return sheet.bytes();
        }
    }

    public String unitName(String kind, String code) {
        return organisations.unitName(kind, code);
    }

    static Map<String, String> kinds() {
        return Map.of("COUNTY", "县（区）", "DEPARTMENT", "部门");
    }
}
