package io.zhida.cockpit;

import io.zhida.platform.InvalidInputException;
import io.zhida.platform.NotFoundException;
import io.zhida.platform.Pdf;
import io.zhida.platform.Spreadsheet;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The monthly 兑现 report (Guangyuan publishes the city's monthly figures) and the quarterly funds report
 * (Mianyang), as XLSX and PDF with charts, from the cockpit's read model; kept once generated.
 */
@Service
public class Reports {

    /** A stored report without its files. */
    public record Report(long id, String kind, String period, String title, String generatedBy, Instant generatedAt) {
    }

    /** One row of a report table. */
    public record Line(String name, long count, BigDecimal granted, BigDecimal paid, long paidCount, long paidOnTime, BigDecimal budget) {
        public String onTimePercent() {
            return paidCount == 0 ? "—" : BigDecimal.valueOf(paidOnTime * 1000 / paidCount, 1) + "%";
        }

        /** Bar width in percent of the largest paid amount of its table. */
        public int bar(BigDecimal max) {
            return max.signum() == 0 ? 0 : paid.multiply(BigDecimal.valueOf(100)).divide(max, 0, java.math.RoundingMode.HALF_UP).intValue();
        }
    }

    private final Cockpit cockpit;
    private final JdbcClient jdbc;
    private final ITemplateEngine templates;
    private final io.zhida.identity.Organisations organisations;
    private final Clock clock;

    Reports(Cockpit cockpit, JdbcClient jdbc, ITemplateEngine templates, io.zhida.identity.Organisations organisations, Clock clock) {
        this.clock = clock;
        this.organisations = organisations;
        this.cockpit = cockpit;
        this.jdbc = jdbc;
        this.templates = templates;
    }

    public List<Report> all() {
        return jdbc.sql("SELECT id, kind, period, title, generated_by, generated_at FROM cockpit_report ORDER BY period DESC, kind")
                .query((rs, n) -> new Report(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant())).list();
    }

    public byte[] file(long id, String type) {
        String column = type.equals("pdf") ? "pdf" : "xlsx";
        return jdbc.sql("SELECT " + column + " FROM cockpit_report WHERE id = ?").param(id).query(byte[].class).optional()
                .orElseThrow(() -> new NotFoundException("没有这份报告"));
    }

    public Report get(long id) {
        return all().stream().filter(r -> r.id() == id).findFirst().orElseThrow(() -> new NotFoundException("没有这份报告"));
    }

    /** Generates (or regenerates) a report: kind MONTHLY with period 2026-10, or QUARTERLY with period 2026Q3. */
    @Transactional
    public Report generate(String kind, String period, String actor) {
        LocalDate from;
        LocalDate to;
        String title;
        try {
            if ("MONTHLY".equals(kind)) {
                YearMonth m = YearMonth.parse(period);
                from = m.atDay(1);
                to = m.atEndOfMonth();
                title = m.getYear() + " 年 " + m.getMonthValue() + " 月惠企政策兑现情况";
            } else if ("QUARTERLY".equals(kind) && period.matches("\\d{4}Q[1-4]")) {
                int year = Integer.parseInt(period.substring(0, 4));
                int q = period.charAt(5) - '0';
                from = LocalDate.of(year, q * 3 - 2, 1);
                to = from.plusMonths(3).minusDays(1);
                title = year + " 年第 " + q + " 季度惠企资金兑付情况";
            } else {
                throw new InvalidInputException("period", "期间应为 2026-10（月报）或 2026Q3（季报）");
            }
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("period", "期间应为 2026-10（月报）或 2026Q3（季报）");
        }
        if (from.isAfter(LocalDate.now(clock))) {
            throw new InvalidInputException("period", "不能为尚未开始的期间生成报告");
        }
        CockpitFilter period0 = new CockpitFilter(from, to, null, null, null, null, null);
        CockpitFilter yearToDate = new CockpitFilter(from.withDayOfYear(1), to, null, null, null, null, null);
        CockpitSummary s = cockpit.summary(period0);
        CockpitSummary ytd = cockpit.summary(yearToDate);
        List<Line> counties = countyLines(period0);
        List<Line> departments = departmentLines(period0);
        Map<String, Object> vars = new java.util.LinkedHashMap<>();
        vars.put("title", title);
        vars.put("from", from);
        vars.put("to", to);
        vars.put("s", s);
        vars.put("ytd", ytd);
        vars.put("counties", counties);
        vars.put("departments", departments);
        vars.put("countyMax", counties.stream().map(Line::paid).reduce(BigDecimal.ZERO, BigDecimal::max));
        vars.put("departmentMax", departments.stream().map(Line::paid).reduce(BigDecimal.ZERO, BigDecimal::max));
        vars.put("generatedOn", LocalDate.now(clock));
        vars.put("quarterly", kind.equals("QUARTERLY"));
        Context ctx = new Context();
        vars.forEach(ctx::setVariable);
        byte[] pdf = Pdf.render(templates.process("cockpit/report", ctx));
        byte[] xlsx = xlsx(title, s, ytd, counties, departments);
        jdbc.sql("""
                        INSERT INTO cockpit_report (kind, period, title, xlsx, pdf, generated_by) VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (kind, period) DO UPDATE SET title = excluded.title, xlsx = excluded.xlsx, pdf = excluded.pdf,
                          generated_by = excluded.generated_by, generated_at = now()""")
                .params(kind, period, title, xlsx, pdf, actor).update();
        return all().stream().filter(r -> r.kind().equals(kind) && r.period().equals(period)).findFirst().orElseThrow();
    }

    /** On the 1st at 06:00 last month's report; on the first day of a quarter also last quarter's. */
    @Scheduled(cron = "${zhida.cockpit.report-cron:0 0 6 1 * *}", zone = "Asia/Shanghai")
    @SchedulerLock(name = "cockpit-reports", lockAtMostFor = "PT30M")
    public void scheduled() {
        YearMonth last = YearMonth.from(LocalDate.now(clock)).minusMonths(1);
        generate("MONTHLY", last.toString(), "system");
        if (LocalDate.now(clock).getMonthValue() % 3 == 1) {
            generate("QUARTERLY", last.getYear() + "Q" + ((last.getMonthValue() - 1) / 3 + 1), "system");
        }
    }

    /** Every county, also one with nothing to report. */
    private List<Line> countyLines(CockpitFilter f) {
        List<Line> lines = new ArrayList<>();
        for (var county : organisations.counties()) {
            CockpitSummary one = cockpit.summary(new CockpitFilter(f.from(), f.to(), county.code(), null, null, null, null));
            lines.add(new Line(county.name(), one.granted(), one.grantedAmount(), one.paidAmount(), one.paid(), one.paidOnTime(), null));
        }
        return lines;
    }

    private List<Line> departmentLines(CockpitFilter f) {
        List<Line> lines = new ArrayList<>();
        for (CockpitSummary.Slice d : cockpit.breakdown(f).departments()) {
            CockpitSummary one = cockpit.summary(new CockpitFilter(f.from(), f.to(), null, d.key(), null, null, null));
            lines.add(new Line(d.name(), one.granted(), one.grantedAmount(), one.paidAmount(), one.paid(), one.paidOnTime(), one.budget()));
        }
        return lines;
    }

    private static byte[] xlsx(String title, CockpitSummary s, CockpitSummary ytd, List<Line> counties, List<Line> departments) {
        try (Spreadsheet sheet = Spreadsheet.of(title, List.of("项目", "本期", "本年累计"))) {
            sheet.row("网上申报（件）", s.submitted(), ytd.submitted());
            sheet.row("核准（件）", s.approved(), ytd.approved());
            sheet.row("核定资金（笔）", s.granted(), ytd.granted());
            sheet.row("核定金额（元）", s.grantedAmount(), ytd.grantedAmount());
            sheet.row("免申即享（笔）", s.noApplicationGrants(), ytd.noApplicationGrants());
            sheet.row("已拨付（笔）", s.paid(), ytd.paid());
            sheet.row("按时拨付（笔）", s.paidOnTime(), ytd.paidOnTime());
            sheet.row("已拨付金额（元）", s.paidAmount(), ytd.paidAmount());
            sheet.row(List.of());
            sheet.row("县（区）", "核定（笔）", "核定金额（元）", "已拨付（元）", "按时拨付率");
            counties.forEach(l -> sheet.row(l.name(), l.count(), l.granted(), l.paid(), l.onTimePercent()));
            sheet.row(List.of());
            sheet.row("部门", "核定（笔）", "核定金额（元）", "已拨付（元）", "按时拨付率", "年度预算（元）");
            departments.forEach(l -> sheet.row(l.name(), l.count(), l.granted(), l.paid(), l.onTimePercent(), l.budget()));
            return sheet.bytes();
        }
    }
}
