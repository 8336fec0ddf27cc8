package io.zhida.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.zhida.catalog.RuleBook;
import io.zhida.engine.standard.Uscc;
import io.zhida.identity.UserAdministration;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Enterprise data in: the API, imports in three formats with their bad rows, provenance, history, tags, corrections. */
@ZhidaIntegrationTest
class EnterpriseDataIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EnterpriseProfiles profiles;
    @Autowired
    RuleBook rules;
    String admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = "Bearer " + Sessions.token(mvc, "admin");
    }

    /** A valid code, different for each seed, in the demo city's 青山县. */
    static String uscc(int seed) {
        String org = String.format("%08d", 70_000_000 + seed);
        String first17 = "91519921" + org + "X".replace("X", "1");
        return first17 + Uscc.checkCharacter(first17);
    }

    /** The data standard is declared once: the table, the import and the API follow from {@code DataStandard}. */
    @Test
    void everyStoredAttributeOfTheStandardHasItsColumnAndGoesInAndOutUnderItsName() throws Exception {
        Map<String, String> columns = new java.util.HashMap<>();
        jdbc.sql("SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'enterprise' AND table_schema = current_schema()")
                .query(rs -> {
                    columns.put(rs.getString(1), rs.getString(2));
                });
        Map<io.zhida.engine.rule.AttributeType, List<String>> sqlTypes = Map.of(
                io.zhida.engine.rule.AttributeType.STRING, List.of("character varying", "character", "text"),
                io.zhida.engine.rule.AttributeType.INT, List.of("integer"),
                io.zhida.engine.rule.AttributeType.DOUBLE, List.of("numeric"),
                io.zhida.engine.rule.AttributeType.DATE, List.of("date"),
                io.zhida.engine.rule.AttributeType.BOOL, List.of("boolean"),
                io.zhida.engine.rule.AttributeType.STRING_LIST, List.of("ARRAY"));
        for (io.zhida.enterprise.internal.ProfileColumns.Column c : io.zhida.enterprise.internal.ProfileColumns.ALL) {
            assertThat(columns).as("column for %s", c.attribute()).containsKey(c.column());
            assertThat(sqlTypes.get(c.type())).as("type of %s", c.column()).contains(columns.get(c.column()));
        }

        String code = uscc(40);
        Map<String, Object> sent = new java.util.LinkedHashMap<>();
        for (io.zhida.engine.rule.DataStandard.Entry entry : io.zhida.engine.rule.DataStandard.stored()) {
            sent.put(entry.name(), sample(entry));
        }
        sent.put("uscc", code);
        String body = new tools.jackson.databind.json.JsonMapper().writeValueAsString(sent);
        String json = mvc.perform(post("/api/v1/enterprises").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        for (Map.Entry<String, Object> value : sent.entrySet()) {
            String name = value.getKey().equals("tags") ? "manual_tags" : value.getKey();
            Object back = JsonPath.read(json, "$." + name);
            assertThat(back instanceof Number n ? new java.math.BigDecimal(n.toString()) : back).as(name)
                    .isEqualTo(value.getValue() instanceof Number n ? new java.math.BigDecimal(n.toString()) : value.getValue());
        }
    }

    private static Object sample(io.zhida.engine.rule.DataStandard.Entry entry) {
        var allowed = entry.values();
        return switch (entry.type()) {
            case DATE -> "2020-01-02";
            case INT -> 7;
            case DOUBLE -> 1234.5;
            case BOOL -> true;
            case STRING_LIST -> List.of("甲", "乙");
            case STRING -> !allowed.codes().isEmpty() ? allowed.codes().get(0)
                    : allowed.codeList() == io.zhida.engine.rule.DataStandard.CodeList.REGION ? "519921"
                    : allowed.codeList() == io.zhida.engine.rule.DataStandard.CodeList.INDUSTRY ? "C3911"
                    : entry.name().equals("contact_phone") ? "13800000000"
                    : entry.name().equals("contact_email") ? "office@example.cn" : "标准测试" + entry.name().length();
        };
    }

    @Test
    void theApiCreatesThenUpdatesAProfileAndRefusesAnInvalidCodeWithoutWritingAnything() throws Exception {
        String code = uscc(1);
        mvc.perform(post("/api/v1/enterprises").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"uscc\":\"" + code + "\",\"name\":\"青山接口测试有限公司\",\"region\":\"519921\",\"industry\":\"C3911\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.name").value("青山接口测试有限公司"));
        mvc.perform(post("/api/v1/enterprises").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"uscc\":\"" + code + "\",\"revenue\": 12500000.5, \"employees\": 80}")
                        .param("source", "统计联网直报平台").param("asOf", "2026-06-30"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.revenue").value(12500000.5))
                .andExpect(jsonPath("$.name").value("青山接口测试有限公司"));
        assertThat(profiles.provenance(code)).containsEntry("revenue",
                new io.zhida.enterprise.internal.EnterpriseRows.Source("统计联网直报平台", java.time.LocalDate.parse("2026-06-30")));

        String bad = code.substring(0, 17) + (code.charAt(17) == 'A' ? 'B' : 'A');
        mvc.perform(post("/api/v1/enterprises").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"uscc\":\"" + bad + "\",\"name\":\"校验位错误公司\",\"region\":\"519921\",\"industry\":\"C3911\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", Matchers.startsWith("application/problem+json")))
                .andExpect(jsonPath("$.errors[0].field").value("uscc"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("校验位")));
        assertThat(profiles.find(bad)).isEmpty();

        mvc.perform(post("/api/v1/enterprises").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"uscc\":\"" + code + "\",\"employees\":\"很多\",\"industry\":\"C05\",\"region\":\"110101\",\"founded_year\":2001}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("employees", "industry", "region", "founded_year")));
        assertThat(profiles.find(code).orElseThrow().value("employees")).as("nothing half-written").isEqualTo(80);

        String newOne = uscc(2);
        mvc.perform(post("/api/v1/enterprises").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"uscc\":\"" + newOne + "\",\"revenue\":100}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("name"));
        assertThat(profiles.find(newOne)).isEmpty();

        mvc.perform(post("/api/v1/enterprises").header("Authorization", "Bearer " + Sessions.token(mvc, "clerk"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"uscc\":\"" + code + "\",\"employees\":1}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aCsvImportReportsBadRowsImportsTheGoodOnesAndChangesNothingTheSecondTime() throws Exception {
        String a = uscc(11);
        String b = uscc(12);
        String badCheck = a.substring(0, 17) + (a.charAt(17) == 'A' ? 'B' : 'A');
        String csv = "uscc,name,region,industry,revenue,employees,qualifications,legacy_code\n"
                + a + ",\"青山导入一号有限公司\",519921,C3911,3000000,25,高新技术企业|专精特新中小企业,x\n"
                + b + ",\"临江导入二号有限公司, 分公司\",519923,F5212,,8,,\n"
                + badCheck + ",校验位错误公司,519921,C3911,1,1,,\n"
                + uscc(13) + ",类型错误公司,519921,C3911,很多,1,,\n"
                + uscc(14) + ",区划错误公司,999999,C3911,1,1,,\n"
                + uscc(15) + ",,,,1,1,,\n"
                + uscc(16) + ",列数不对公司,519921\n";
        Map<String, Object> first = importAndWait("exchange.csv", csv.getBytes(StandardCharsets.UTF_8), "市场监管局企业登记系统");
        assertThat(first).containsEntry("state", "DONE").containsEntry("created", 2).containsEntry("rejected", 5);
        List<Map<String, Object>> errors = errorsOf(first);
        assertThat(errors).extracting(e -> e.get("rowNo") + ":" + e.get("field"))
                .contains("1:legacy_code", "4:uscc", "5:revenue", "6:region", "7:name", "8:-");
        assertThat(profiles.find(a).orElseThrow().value("qualifications")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).containsExactly("高新技术企业", "专精特新中小企业");
        assertThat(profiles.find(b).orElseThrow().name()).isEqualTo("临江导入二号有限公司, 分公司");
        assertThat(profiles.find(b).orElseThrow().value("revenue")).as("an empty cell is not zero").isNull();

        long history = jdbc.sql("SELECT count(*) FROM enterprise_value_history").query(Long.class).single();
        Map<String, Object> again = importAndWait("exchange.csv", csv.getBytes(StandardCharsets.UTF_8), "市场监管局企业登记系统");
        assertThat(again).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("unchanged", 2);
        assertThat(jdbc.sql("SELECT count(*) FROM enterprise_value_history").query(Long.class).single()).isEqualTo(history);

        String changed = "uscc,revenue\n" + a + ",4500000\n";
        Map<String, Object> third = importAndWait("revenue.csv", changed.getBytes(StandardCharsets.UTF_8), "统计联网直报平台");
        assertThat(third).containsEntry("updated", 1);
        assertThat(profiles.history(a, 10)).anySatisfy(h -> {
            assertThat(h.attribute()).isEqualTo("revenue");
            assertThat(h.oldValue()).isEqualTo("3000000.00");
            assertThat(h.newValue()).isEqualTo("4500000.00");
            assertThat(h.source().system()).isEqualTo("统计联网直报平台");
        });
        mvc.perform(get("/enterprises/" + a).cookie(Sessions.login(mvc, "admin"))).andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("统计联网直报平台"),
                        Matchers.containsString("市场监管局企业登记系统"), Matchers.containsString("4,500,000.00"),
                        Matchers.containsString("数据变更记录"))));
    }

    @Test
    void xlsxAndJsonImportsTakeTheSameNamesAndMalformedFilesFailWithAReason() throws Exception {
        String x = uscc(21);
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet("企业");
            String[] header = {"uscc", "name", "region", "industry", "employees", "dishonest"};
            for (int i = 0; i < header.length; i++) {
                sheet.createRow(0).createCell(i);
            }
            var h = sheet.getRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            var r = sheet.createRow(1);
            r.createCell(0).setCellValue(x);
            r.createCell(1).setCellValue("表格导入有限公司");
            r.createCell(2).setCellValue("519922");
            r.createCell(3).setCellValue("I6513");
            r.createCell(4).setCellValue(42);
            r.createCell(5).setCellValue(false);
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        assertThat(importAndWait("exchange.xlsx", xlsx, "市场监管局企业登记系统")).containsEntry("created", 1).containsEntry("rejected", 0);
        assertThat(profiles.find(x).orElseThrow().value("employees")).isEqualTo(42);
        assertThat((Boolean) profiles.find(x).orElseThrow().value("dishonest")).isFalse();

        String j = uscc(22);
        String json = "[{\"uscc\":\"" + j + "\",\"name\":\"JSON 导入有限公司\",\"region\":\"519903\",\"industry\":\"M7320\","
                + "\"rd_expense\": 1234.567, \"qualifications\": [\"科技型中小企业\"]}, 42, {\"uscc\":\"" + j + "\",\"employees\":true}]";
        Map<String, Object> fromJson = importAndWait("exchange.json", json.getBytes(StandardCharsets.UTF_8), "科技项目管理系统");
        assertThat(fromJson).containsEntry("created", 1).containsEntry("rejected", 2);
        assertThat(errorsOf(fromJson)).extracting(e -> e.get("rowNo") + ":" + e.get("field")).containsExactly("2:-", "3:employees");
        assertThat((java.math.BigDecimal) profiles.find(j).orElseThrow().value("rd_expense")).isEqualByComparingTo("1234.57");

        assertThat(importAndWait("no-uscc.csv", "name,region\n某公司,519921\n".getBytes(StandardCharsets.UTF_8), "x"))
                .containsEntry("state", "FAILED").containsEntry("message", "表头缺少 uscc（统一社会信用代码）列");
        assertThat(importAndWait("quote.csv", ("uscc,name\n" + uscc(23) + ",\"没有闭合\n").getBytes(StandardCharsets.UTF_8), "x"))
                .containsEntry("state", "FAILED");
        assertThat(importAndWait("broken.json", "{\"enterprises\": [ {\"uscc\": ".getBytes(StandardCharsets.UTF_8), "x"))
                .containsEntry("state", "FAILED");
        assertThat(profiles.find(uscc(23))).isEmpty();
        mvc.perform(multipart("/api/v1/enterprises/imports").file(new MockMultipartFile("file", "data.txt", "text/plain", new byte[] {1}))
                        .param("source", "x").param("asOf", "2026-01-01").header("Authorization", admin))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("file"));
    }

    @Test
    void aDeclaredAttributeIsTypedInRulesAndImportedIntoProfiles() throws Exception {
        Cookie session = Sessions.login(mvc, "admin");
        mvc.perform(post("/enterprises/attributes").cookie(session).with(csrf())
                        .param("name", "green_level").param("label", "绿色工厂等级").param("celType", "int").param("unit", "级")
                        .param("sourceSystem", "工信绿色制造平台").param("ownerDepartment", "C-JXJ"))
                .andExpect(status().is3xxRedirection());
        assertThat(rules.compiler().condition("e.green_level >= 2").attributes()).contains("green_level");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rules.compiler().condition("e.green_level == 'A'"))
                .isInstanceOf(io.zhida.engine.rule.RuleCompilationException.class);
        mvc.perform(post("/enterprises/attributes").cookie(session).with(csrf())
                        .param("name", "revenue").param("label", "重名").param("celType", "int")
                        .param("sourceSystem", "x").param("ownerDepartment", "C-JXJ"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("已存在")));

        String g = uscc(31);
        Map<String, Object> done = importAndWait("green.csv", ("uscc,name,region,industry,green_level\n" + g + ",绿色工厂有限公司,519921,C3911,3\n"
                + uscc(32) + ",等级写错公司,519921,C3911,三级\n").getBytes(StandardCharsets.UTF_8), "工信绿色制造平台");
        assertThat(done).containsEntry("created", 1).containsEntry("rejected", 1);
        assertThat(profiles.find(g).orElseThrow().attributes()).containsEntry("green_level", 3);
    }

    @Test
    void tagRulesTagTheEnterprisesTheyHoldForAndRefuseRulesOverTags() throws Exception {
        Cookie session = Sessions.login(mvc, "admin");
        mvc.perform(post("/enterprises/tag-rules").cookie(session).with(csrf()).param("tag", "出口企业")
                        .param("condition", "e.export_value > 0.0").param("description", "上年有出口"))
                .andExpect(status().is3xxRedirection());
        long exporters = jdbc.sql("SELECT count(*) FROM enterprise WHERE export_value > 0").query(Long.class).single();
        assertThat(exporters).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM enterprise WHERE '出口企业' = ANY(tags)").query(Long.class).single()).isEqualTo(exporters);
        assertThat(jdbc.sql("SELECT count(*) FROM enterprise WHERE '出口企业' = ANY(tags) AND NOT (export_value > 0)")
                .query(Long.class).single()).isZero();

        mvc.perform(post("/enterprises/tag-rules").cookie(session).with(csrf()).param("tag", "循环")
                        .param("condition", "'出口企业' in e.tags"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("不能引用企业标签")));
        mvc.perform(post("/enterprises/tag-rules").cookie(session).with(csrf()).param("tag", "写错")
                        .param("condition", "e.revenue >"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("第 1 行")));
        assertThat(jdbc.sql("SELECT count(*) FROM tag_rule WHERE tag IN ('循环', '写错')").query(Long.class).single()).isZero();

        mvc.perform(post("/enterprises/tag-rules/delete").cookie(session).with(csrf()).param("tag", "出口企业"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT count(*) FROM enterprise WHERE '出口企业' = ANY(tags)").query(Long.class).single()).isZero();
    }

    @Test
    void anEnterpriseAsksTheOwnerDepartmentToCorrectAValueAndIsAnswered() throws Exception {
        String mine = jdbc.sql("SELECT enterprise_uscc FROM app_user WHERE username = 'enterprise'").query(String.class).single();
        Cookie enterprise = Sessions.login(mvc, "enterprise");
        mvc.perform(post("/enterprises/" + mine + "/corrections").cookie(enterprise).with(csrf())
                        .param("attribute", "employees").param("proposedValue", "很多").param("reason", "年报"))
                .andExpect(status().isOk()).andExpect(content().string(Matchers.containsString("不是")));
        mvc.perform(post("/enterprises/" + mine + "/corrections").cookie(enterprise).with(csrf())
                        .param("attribute", "employees").param("proposedValue", "321").param("reason", "2025 年报从业人员 321 人"))
                .andExpect(status().is3xxRedirection());
        String other = jdbc.sql("SELECT uscc FROM enterprise WHERE uscc <> :u LIMIT 1").param("u", mine).query(String.class).single();
        mvc.perform(post("/enterprises/" + other + "/corrections").cookie(enterprise).with(csrf())
                        .param("attribute", "employees").param("proposedValue", "1").param("reason", "x"))
                .andExpect(status().isForbidden());
        long id = jdbc.sql("SELECT id FROM correction_request WHERE uscc = :u AND attribute = 'employees'").param("u", mine)
                .query(Long.class).single();
        assertThat(jdbc.sql("SELECT owner_department FROM correction_request WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("C-TJJ");

        Cookie wrongDepartment = Sessions.login(mvc, "reviewer");
        mvc.perform(post("/enterprises/corrections/" + id).cookie(wrongDepartment).with(csrf()).param("decision", "accept"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/enterprises/corrections").cookie(wrongDepartment))
                .andExpect(content().string(Matchers.not(Matchers.containsString("2025 年报从业人员 321 人"))));

        Cookie adminSession = Sessions.login(mvc, "admin");
        mvc.perform(get("/enterprises/corrections").cookie(adminSession))
                .andExpect(content().string(Matchers.containsString("2025 年报从业人员 321 人")));
        mvc.perform(post("/enterprises/corrections/" + id).cookie(adminSession).with(csrf()).param("decision", "accept"))
                .andExpect(status().is3xxRedirection());
        assertThat(profiles.find(mine).orElseThrow().value("employees")).isEqualTo(321);
        assertThat(profiles.provenance(mine).get("employees").system()).startsWith("数据纠错");
        mvc.perform(post("/enterprises/corrections/" + id).cookie(adminSession).with(csrf()).param("decision", "reject")
                        .param("answer", "再次处理"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT status FROM correction_request WHERE id = :id").param("id", id).query(String.class).single())
                .as("a second decision changes nothing").isEqualTo("ACCEPTED");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT count(*) FROM inbox_message WHERE uscc = :u AND title LIKE '%纠错%'").param("u", mine).query(Long.class).single() == 1);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor csrf() {
        return org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf();
    }

    private Map<String, Object> importAndWait(String name, byte[] bytes, String source) throws Exception {
        String body = mvc.perform(multipart("/api/v1/enterprises/imports").file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
                        .param("source", source).param("asOf", "2026-06-30").header("Authorization", admin))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(body, "$.id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> !"RUNNING".equals(
                JsonPath.read(statusJson(id), "$.status.state")));
        String json = statusJson(id);
        Map<String, Object> status = JsonPath.read(json, "$.status");
        status.put("errors", JsonPath.read(json, "$.errors"));
        return status;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> errorsOf(Map<String, Object> status) {
        return (List<Map<String, Object>>) status.get("errors");
    }

    private String statusJson(int id) throws Exception {
        return mvc.perform(get("/api/v1/enterprises/imports/" + id).header("Authorization", admin))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
