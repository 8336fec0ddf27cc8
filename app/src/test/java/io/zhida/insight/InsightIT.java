package io.zhida.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.evaluation.Survey;
import io.zhida.evaluation.Surveys;
import io.zhida.identity.Role;
import io.zhida.identity.ZhidaUser;
import io.zhida.rectification.Appeal;
import io.zhida.rectification.Appeals;
import io.zhida.support.Sessions;
import io.zhida.support.Sheets;
import io.zhida.support.SystemClientsFixture;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * 诉求智能分析 over real texts: a made-up concern (研发费用加计扣除的申报材料繁琐) planted in 市经信局 as enterprises' appeals,
 * appeals the 12345 hotline hands over through its API and survey answers, among unrelated texts of that department, of 市人社局
 * and of no department. The analysis finds the concern's words among the top hot words and as one topic, its drill-down
 * returns exactly the planted texts, another department's reviewer sees none of them, bad input is a 400, and the monthly
 * report's XLSX holds the top words.
 */
@ZhidaIntegrationTest
class InsightIT {

    static final String JXJ = "C-JXJ";
    static final String RSJ = "C-RSJ";
    static final List<String> PLANTED_APPEALS = List.of("研发费用加计扣除申报材料太繁琐，希望简化流程", "研发费用加计扣除的申报材料要求繁琐，填报困难",
            "申报研发费用加计扣除时材料繁琐，多次补正", "研发费用加计扣除政策好，但申报材料过于繁琐", "建议精简研发费用加计扣除的申报材料，太繁琐了",
            "研发费用加计扣除申报需要的材料繁琐且重复", "我们申报研发费用加计扣除，材料清单繁琐", "研发费用加计扣除申报材料繁琐，耗费大量时间");
    static final List<String> PLANTED_HOTLINE = List.of("来电反映：研发费用加计扣除申报材料繁琐，希望一次告知", "来电反映研发费用加计扣除的申报材料繁琐",
            "企业来电：研发费用加计扣除申报材料繁琐，盼简化", "来电咨询研发费用加计扣除申报，反映材料繁琐");
    static final List<String> PLANTED_SURVEY = List.of("研发费用加计扣除申报材料繁琐", "希望研发费用加计扣除少交材料，申报太繁琐",
            "研发费用加计扣除的申报材料能否精简，太繁琐", "研发费用加计扣除申报材料繁琐，建议数据共享", "加计扣除申报材料繁琐，研发费用归集难",
            "研发费用加计扣除申报材料繁琐费时");
    static final List<String> OTHER_JXJ = List.of("窗口服务态度很好，办理迅速", "资金拨付账户变更后如何处理", "专精特新企业认定的辅导能否加强",
            "技改项目备案流程需要多久", "展会补贴发放进度能否公开", "厂区周边道路施工影响货车进出", "用电增容报装时间太长", "融资担保费补贴标准能否提高",
            "数字化转型设备购置补贴何时兑现", "小微企业贷款贴息审核进度慢", "出口信用保险补贴怎么领取", "人才公寓申请条件不清楚", "工业用地租金补贴标准咨询",
            "智能制造示范项目评审时间");
    static final List<String> OTHER_SURVEY = List.of("绿色工厂认定流程咨询", "质量品牌奖励发放时间", "网上办事系统经常卡顿", "首台套保险补偿比例偏低",
            "窗口人员业务熟练", "希望多开展政策宣讲", "政策推送很及时", "兑现速度比去年快", "补贴到账及时", "办事指南写得清楚", "电话咨询一直占线",
            "线上申报页面加载慢");
    static final List<String> OTHER_RSJ = List.of("招聘难，希望人社局组织招聘会", "稳岗返还资金什么时候到账", "社保补贴申请流程复杂", "技能培训补贴发放慢",
            "高校毕业生就业补贴咨询", "稳岗返还到账时间太长", "以工代训补贴标准咨询", "招聘会信息发布不及时");
    static final List<String> OTHER_NONE = List.of("营业执照变更后政策是否受影响", "企业搬迁后原补贴如何处理", "外地企业能否享受本市政策", "个体户能否申请补贴");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Appeals appeals;
    @Autowired
    Surveys surveys;
    @Autowired
    PolicyCatalog catalog;

    @Test
    void aPlantedConcernIsATopicOfTopWordsItsTextsAreExactlyThePlantedOnesAndOnlyItsDepartmentSeesThem() throws Exception {
        PolicyItem item = catalog.onlineItems().stream().filter(i -> i.content().departments().get(0).equals(JXJ)).findFirst().orElseThrow();
        List<String> firms = jdbc.sql("SELECT uscc FROM enterprise ORDER BY uscc LIMIT 60").query(String.class).list();
        Set<String> planted = plant(item, firms);
        String month = jdbc.sql("SELECT to_char(max(submitted_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM') FROM appeal").query(String.class).single();
        String reviewer = "Bearer " + Sessions.token(mvc, "reviewer");

        // the concern's words lead the department's hot words, and form one topic
        String hot = mvc.perform(get("/api/v1/insight/hot-words").param("month", month).header("Authorization", reviewer))
                .andExpect(status().isOk()).andExpect(jsonPath("$.department").value(JXJ)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        List<String> top = JsonPath.read(hot, "$.words[*].word");
        assertThat(top.subList(0, 10)).contains("研发", "费用", "加计", "扣除", "申报", "材料", "繁琐");
        assertThat(JsonPath.<List<Integer>>read(hot, "$.words[?(@.word == '加计')].count")).containsExactly(planted.size());
        List<List<String>> topics = JsonPath.read(hot, "$.topics[*].words");
        assertThat(topics).anySatisfy(words -> assertThat(words).contains("研发", "加计", "扣除"));
        assertThat(topics.stream().filter(w -> w.contains("加计")).count()).isEqualTo(1);

        // drill-down: exactly the planted texts, by word and by topic, on the API and the page
        assertThat(textIds(reviewer, "加计", month, null)).isEqualTo(planted);
        assertThat(textIds(reviewer, "研发,加计,扣除", month, null)).isEqualTo(planted);
        String evaluator = "Bearer " + Sessions.token(mvc, "evaluator");
        assertThat(textIds(evaluator, "繁琐", month, JXJ)).as("the evaluation office, for the department").isEqualTo(planted);
        Cookie jxj = Sessions.login(mvc, "reviewer");
        assertThat(page("/insight/words/加计?month=" + month, jxj)).contains("共 " + planted.size() + " 条").contains(PLANTED_HOTLINE.get(0));
        String overview = page("/insight?month=" + month, jxj);
        assertThat(overview).contains("加计").contains("研发").contains("id=\"topics\"");
        List<String> links = org.jsoup.Jsoup.parse(overview).select("main a[href^=/insight]").eachAttr("href");
        assertThat(links).as("words, topics, slices and the report").hasSizeGreaterThan(30);
        List<String> dead = new ArrayList<>();
        for (String link : links) { // as a browser sends them: the href as it is, percent-encoded once
            int status = mvc.perform(get(java.net.URI.create(link)).cookie(jxj)).andReturn().getResponse().getStatus();
            if (status != 200) {
                dead.add(link + " → " + status);
            }
        }
        assertThat(dead).isEmpty();

        // another department's reviewer: refused for 市经信局, and its own analysis holds none of the planted texts
        String rsj = "Bearer " + Sessions.token(mvc, "reviewer-rsj");
        mvc.perform(get("/api/v1/insight/hot-words").param("month", month).param("department", JXJ).header("Authorization", rsj))
                .andExpect(status().isForbidden()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(textIds(rsj, "加计", month, null)).isEmpty();
        assertThat(JsonPath.<List<String>>read(mvc.perform(get("/api/v1/insight/hot-words").param("month", month).header("Authorization", rsj))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8), "$.words[*].word"))
                .contains("招聘", "稳岗").doesNotContain("加计", "繁琐");
        Cookie rsjPage = Sessions.login(mvc, "reviewer-rsj");
        mvc.perform(get("/insight").param("department", JXJ).cookie(rsjPage)).andExpect(status().isForbidden());
        mvc.perform(get("/insight/report").param("month", month).param("department", JXJ).cookie(rsjPage)).andExpect(status().isForbidden());
        mvc.perform(get("/insight").cookie(Sessions.login(mvc, "clerk"))).andExpect(status().isForbidden());

        // the monthly report, as a page and as a workbook POI opens, with the top words in the order of the analysis
        assertThat(page("/insight/report?month=" + month, jxj)).contains("政策诉求月报").contains("加计").contains("report-samples");
        MvcResult xlsx = mvc.perform(get("/insight/report.xlsx").param("month", month).cookie(jxj)).andExpect(status().isOk()).andReturn();
        assertThat(Sheets.text(xlsx)).contains("政策诉求月报").contains("话题").contains(PLANTED_APPEALS.get(0).substring(0, 8));
        assertThat(hotWordsOf(xlsx)).startsWith(top.subList(0, 5).toArray(String[]::new));
    }

    @Test
    void badInputIsA400NamingTheFieldAndSystemsNeedTheirScope() throws Exception {
        String reviewer = "Bearer " + Sessions.token(mvc, "reviewer");
        problem(get("/api/v1/insight/hot-words").param("month", "2026-13").header("Authorization", reviewer), "month");
        problem(get("/api/v1/insight/hot-words").param("from", "2026-05-10").param("to", "2026-05-01").header("Authorization", reviewer), "from");
        problem(get("/api/v1/insight/hot-words").param("from", "2024-01-01").param("to", "2026-01-01").header("Authorization", reviewer), "to");
        problem(get("/api/v1/insight/hot-words").param("limit", "1000").header("Authorization", reviewer), "limit");
        problem(get("/api/v1/insight/hot-words").param("department", "NO-SUCH").header("Authorization", reviewer), "department");
        problem(get("/api/v1/insight/texts").param("words", "加计").param("size", "100000").header("Authorization", reviewer), "size");
        problem(get("/api/v1/insight/texts").param("words", "加".repeat(21)).header("Authorization", reviewer), "words");
        problem(get("/api/v1/insight/texts").param("words", "a,b,c,d,e,f,g").header("Authorization", reviewer), "words");
        Cookie jxj = Sessions.login(mvc, "reviewer");
        mvc.perform(get("/insight/report").param("month", "2026-13").cookie(jxj)).andExpect(status().isBadRequest());
        mvc.perform(get("/insight/words/" + "研".repeat(21)).cookie(jxj)).andExpect(status().isBadRequest());
        mvc.perform(get("/insight").param("from", "2026-05-10").param("to", "2026-05-01").cookie(jxj)).andExpect(status().isBadRequest());

        String admin = "Bearer " + Sessions.token(mvc, "admin");
        var reader = SystemClientsFixture.register(mvc, admin, "政策研究系统", "insight:read");
        mvc.perform(get("/api/v1/insight/hot-words").header("Authorization", SystemClientsFixture.bearer(mvc, reader, null)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.department").doesNotExist());
        mvc.perform(get("/api/v1/insight/texts").param("words", "加计").header("Authorization", SystemClientsFixture.bearer(mvc, reader, null)))
                .andExpect(status().isForbidden());
        var other = SystemClientsFixture.register(mvc, admin, "只读匹配系统", "matches:read");
        mvc.perform(get("/api/v1/insight/hot-words").header("Authorization", SystemClientsFixture.bearer(mvc, other, null)))
                .andExpect(status().isForbidden());
    }

    /** Plants the concern and the unrelated texts; returns the planted texts' ids as the analysis names them. */
    private Set<String> plant(PolicyItem item, List<String> firms) throws Exception {
        Set<String> planted = new HashSet<>();
        int f = 0;
        for (String text : PLANTED_APPEALS) {
            planted.add("appeal:" + appeals.submit(firm(firms.get(f++)), Appeal.Kind.REQUEST, item.code(), JXJ, text));
        }
        for (String text : OTHER_JXJ) {
            appeals.submit(firm(firms.get(f++)), Appeal.Kind.REQUEST, null, JXJ, text);
        }
        for (String text : OTHER_RSJ) {
            appeals.submit(firm(firms.get(f++)), Appeal.Kind.COMPLAINT, null, RSJ, text);
        }
        for (String text : OTHER_NONE) {
            appeals.submit(firm(firms.get(f++)), Appeal.Kind.REQUEST, null, null, text);
        }
        String admin = "Bearer " + Sessions.token(mvc, "admin");
        String hotline = SystemClientsFixture.bearer(mvc, SystemClientsFixture.register(mvc, admin, "12345 热线（诉求分析）", "appeals:write"), null);
        for (int i = 0; i < PLANTED_HOTLINE.size(); i++) {
            String body = "{\"reference\":\"12345-INSIGHT-" + i + "\",\"uscc\":\"" + firms.get(f++) + "\",\"kind\":\"REQUEST\",\"departmentCode\":\""
                    + JXJ + "\",\"content\":\"" + PLANTED_HOTLINE.get(i) + "\"}";
            String number = JsonPath.read(mvc.perform(post("/api/v1/appeals").header("Authorization", hotline).contentType(MediaType.APPLICATION_JSON)
                    .content(body)).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8), "$.number");
            planted.add("appeal:" + jdbc.sql("SELECT id FROM appeal WHERE number = ?").param(number).query(Long.class).single());
        }
        long survey = surveys.create("惠企政策办理意见征集（诉求分析）", null, item.code(), 0, List.of(
                new Survey.NewQuestion(Survey.Kind.RATING, "办理满意程度", List.of(), null, false),
                new Survey.NewQuestion(Survey.Kind.TEXT, "您对政策办理还有什么意见和建议？", List.of(), null, true)), "evaluator");
        long question = surveys.get(survey).questions().get(1).id();
        List<String> answers = new ArrayList<>(PLANTED_SURVEY);
        answers.addAll(OTHER_SURVEY);
        for (int i = 0; i < answers.size(); i++) {
            String uscc = firms.get(f++);
            surveys.phone(survey, uscc, null, null, Map.of(question, List.of(answers.get(i))), "evaluator");
            if (i < PLANTED_SURVEY.size()) {
                long answer = jdbc.sql("SELECT id FROM survey_answer WHERE survey_id = ? AND uscc = ?").params(survey, uscc).query(Long.class).single();
                planted.add("survey:" + answer + ":" + question);
            }
        }
        assertThat(planted).hasSize(PLANTED_APPEALS.size() + PLANTED_HOTLINE.size() + PLANTED_SURVEY.size());
        return planted;
    }

    private Set<String> textIds(String bearer, String words, String month, String department) throws Exception {
        var request = get("/api/v1/insight/texts").param("words", words).param("month", month).param("size", "100").header("Authorization", bearer);
        if (department != null) {
            request = request.param("department", department);
        }
        String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        List<String> ids = JsonPath.read(body, "$.rows[*].id");
        assertThat(JsonPath.<Integer>read(body, "$.total")).isEqualTo(ids.size());
        return new HashSet<>(ids);
    }

    private void problem(org.springframework.test.web.servlet.RequestBuilder request, String field) throws Exception {
        mvc.perform(request).andExpect(status().isBadRequest()).andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    private String page(String path, Cookie session) throws Exception {
        return mvc.perform(get(path).cookie(session)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    /** The words of the 热词 rows of the report's sheet, in their order. */
    private static List<String> hotWordsOf(MvcResult xlsx) throws Exception {
        List<String> words = new ArrayList<>();
        try (var book = WorkbookFactory.create(new ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            DataFormatter format = new DataFormatter();
            for (Row row : book.getSheetAt(0)) {
                if ("热词".equals(format.formatCellValue(row.getCell(0)))) {
                    words.add(format.formatCellValue(row.getCell(1)));
                }
            }
        }
        return words;
    }

    private static ZhidaUser firm(String uscc) {
        return new ZhidaUser(0, "insight-" + uscc, "企业经办人", null, Set.of(Role.ENTERPRISE), null, null, null, null, false, uscc, true);
    }
}
