package io.zhida.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.zhida.engine.standard.Uscc;
import io.zhida.funds.FundPools;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Bad input from outside — a NUL byte, a GBK file, an impossible date, 1e30, a year that cannot be, a
 * code that names nothing, a path or method the API does not have — is refused with 400 (or the
 * fitting 4xx) that says which field and why, as problem+json under /api, and nothing is written.
 */
@ZhidaIntegrationTest
class InputAttackIT {

    private static final Charset GBK = Charset.forName("GBK");
    private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    FundPools pools;

    private String admin;

    @BeforeEach
    void tokens() throws Exception {
        admin = "Bearer " + Sessions.token(mvc, "admin");
    }

    private static String uscc(int seed) {
        String first17 = "91519921" + String.format("%08d", 71_000_000 + seed) + "1";
        return first17 + Uscc.checkCharacter(first17);
    }

    private long count(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (Object p : params) {
            spec = spec.param(p);
        }
        return spec.query(Long.class).single();
    }

    @Test
    void aNulByteInTheCalculatorApiIsRefusedNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/calculator").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"condition\": \"e.revenue > 0\", \"enterprise\": {\"name\": \"坏\\u0000公司\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("enterprise.name"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("控制字符")));
        mvc.perform(post("/api/v1/calculator").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"condition\": \"e.revenue > 0\\u0000\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("condition"));
        // 1e2 is no way to write an amount of money
        mvc.perform(post("/api/v1/calculator").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"condition\": \"e.revenue > 0\", \"cap\": 1e2}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("cap"));
    }

    @Test
    void aNulByteInTheEnterpriseApiIsRefusedAndNothingIsWritten() throws Exception {
        String code = uscc(1);
        mvc.perform(post("/api/v1/enterprises").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"uscc\":\"" + code + "\",\"name\":\"青山\\u0000有限公司\",\"region\":\"519921\",\"industry\":\"C3911\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        // a control character in a query parameter is refused before any controller reads it
        mvc.perform(post("/api/v1/enterprises").header("Authorization", admin).contentType(MediaType.APPLICATION_JSON)
                        .param("source", "接口\u0000报送").content("{\"uscc\":\"" + code + "\",\"name\":\"青山有限公司\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("source"));
        assertThat(count("SELECT count(*) FROM enterprise WHERE uscc = ?", code)).isZero();
    }

    @Test
    void aNulByteInTheAppealFormGetsTheErrorPageAndNoAppeal() throws Exception {
        Cookie enterprise = Sessions.login(mvc, "enterprise");
        long before = count("SELECT count(*) FROM appeal");
        MvcResult result = mvc.perform(post("/my/appeals").cookie(enterprise).with(csrf())
                        .param("kind", "REQUEST").param("content", "希望加快兑现\u0000进度"))
                .andExpect(status().isBadRequest()).andReturn();
        assertThat(result.getResponse().getErrorMessage()).contains("content").contains("控制字符");
        assertThat(count("SELECT count(*) FROM appeal")).isEqualTo(before);
        // a policy item code that names nothing is refused too
        mvc.perform(post("/my/appeals").cookie(enterprise).with(csrf())
                        .param("kind", "REQUEST").param("itemCode", "NO-SUCH-ITEM").param("content", "希望加快兑现进度"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("error", "政策事项编码不存在"));
        assertThat(count("SELECT count(*) FROM appeal")).isEqualTo(before);
    }

    @Test
    void aGbkCsvImportsWithItsChineseNamesAndAnUndecodableFileIsRefusedWithTheReason() throws Exception {
        String code = uscc(2);
        byte[] gbk = ("uscc,name,region,industry\n" + code + ",示范市锦绣纺织有限公司,519921,C1711\n").getBytes(GBK);
        String body = mvc.perform(multipart("/api/v1/enterprises/imports").file(new MockMultipartFile("file", "gbk.csv", "text/csv", gbk))
                        .param("source", "市场监管局企业登记系统").param("asOf", "2026-06-30").header("Authorization", admin))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        int id = JsonPath.read(body, "$.id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> !"RUNNING".equals(
                JsonPath.read(importStatus(id), "$.status.state")));
        assertThat((String) JsonPath.read(importStatus(id), "$.status.state")).isEqualTo("DONE");
        assertThat(jdbc.sql("SELECT name FROM enterprise WHERE uscc = ?").param(code).query(String.class).single())
                .isEqualTo("示范市锦绣纺织有限公司");

        // UTF-8 with a byte-order mark is UTF-8
        String bomCode = uscc(3);
        byte[] bom = ("\uFEFFuscc,name,region,industry\n" + bomCode + ",示范市带签名有限公司,519921,C1711\n").getBytes(StandardCharsets.UTF_8);
        String bomBody = mvc.perform(multipart("/api/v1/enterprises/imports").file(new MockMultipartFile("file", "bom.csv", "text/csv", bom))
                        .param("source", "市场监管局企业登记系统").param("asOf", "2026-06-30").header("Authorization", admin))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        int bomId = JsonPath.read(bomBody, "$.id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> !"RUNNING".equals(
                JsonPath.read(importStatus(bomId), "$.status.state")));
        assertThat(jdbc.sql("SELECT name FROM enterprise WHERE uscc = ?").param(bomCode).query(String.class).single())
                .isEqualTo("示范市带签名有限公司");

        // Latin-1 is neither UTF-8 nor GBK: refused at once, with the reason, and no import is started
        long imports = count("SELECT count(*) FROM enterprise_import");
        byte[] latin1 = ("uscc,name\n" + uscc(4) + ",Café Müller, Grüße\n").getBytes(StandardCharsets.ISO_8859_1);
        mvc.perform(multipart("/api/v1/enterprises/imports").file(new MockMultipartFile("file", "latin1.csv", "text/csv", latin1))
                        .param("source", "x").param("asOf", "2026-06-30").header("Authorization", admin))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("文件编码无法识别")));
        // UTF-16 is named as such
        byte[] utf16 = ("uscc,name\n" + uscc(5) + ",某公司\n").getBytes(StandardCharsets.UTF_16);
        mvc.perform(multipart("/api/v1/enterprises/imports").file(new MockMultipartFile("file", "utf16.csv", "text/csv", utf16))
                        .param("source", "x").param("asOf", "2026-06-30").header("Authorization", admin))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("UTF-16")));
        // an upload's form fields are checked too (after authentication, so an anonymous upload is never parsed)
        mvc.perform(multipart("/api/v1/enterprises/imports").file(new MockMultipartFile("file", "gbk.csv", "text/csv", gbk))
                        .param("source", "市场监管局\u0000").param("asOf", "2026-06-30").header("Authorization", admin))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("source"));
        mvc.perform(multipart("/api/v1/enterprises/imports").file(new MockMultipartFile("file", "gbk.csv", "text/csv", gbk))
                        .param("source", "市场监管局").param("asOf", "2026-06-30"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM));
        assertThat(count("SELECT count(*) FROM enterprise_import")).isEqualTo(imports);
    }

    private String importStatus(int id) throws Exception {
        return mvc.perform(get("/api/v1/enterprises/imports/" + id).header("Authorization", admin))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void anImpossibleDateInThePolicyYamlIsRefusedNamingTheFieldNotRolledIntoMarch() throws Exception {
        String yaml = """
                documents:
                  - number: 示测发〔2026〕99号
                    title: 日期测试文件
                    level: 市
                    issuer: 市经济和信息化局
                    published: 2026-02-30
                items:
                  - code: T-DATE-1
                    name: 日期测试事项
                    document: 示测发〔2026〕99号
                    departments: [C-JXJ]
                    mode: 即申即享
                    condition: e.revenue >= 1000000
                    benefit_type: 资金奖励
                    cap: 1e30
                """;
        mvc.perform(post("/api/v1/policy-items/import").contentType(MediaType.parseMediaType("application/yaml"))
                        .content(yaml.getBytes(StandardCharsets.UTF_8)).header("Authorization", "Bearer " + Sessions.token(mvc, "author")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[?(@.field == 'published')].message").value(org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.containsString("2026-02-30"))))
                .andExpect(jsonPath("$.errors[?(@.field == 'published')].line").value(org.hamcrest.Matchers.hasItem(6)))
                .andExpect(jsonPath("$.errors[?(@.field == 'cap')]").isNotEmpty());
        assertThat(count("SELECT count(*) FROM policy_document WHERE doc_number = ?", "示测发〔2026〕99号")).isZero();
        // the same file in GBK reads the same (and is refused for the same reasons, not for its encoding)
        mvc.perform(post("/api/v1/policy-items/import").contentType(MediaType.parseMediaType("application/yaml"))
                        .content(yaml.getBytes(GBK)).header("Authorization", "Bearer " + Sessions.token(mvc, "author")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'published')]").isNotEmpty());
    }

    @Test
    void thePoolBudgetFormRefusesExponentsImpossibleYearsAndUnknownItemsWithoutWriting() throws Exception {
        Cookie finance = Sessions.login(mvc, "finance");
        String item = jdbc.sql("SELECT code FROM policy_item ORDER BY code LIMIT 1").query(String.class).single();
        int year = Today.date().getYear();
        pools.open(item, year, new BigDecimal("1000.00"));
        BigDecimal before = pools.find(item, year).orElseThrow().budget();
        for (String[] bad : new String[][] {{item, String.valueOf(year), "1e30", "budget"}, {item, String.valueOf(year), "1e2", "budget"},
                {item, String.valueOf(year), "100.123", "budget"}, {item, String.valueOf(year), "-5", "budget"},
                {item, "99999", "100", "year"}, {"NO-SUCH-ITEM", String.valueOf(year), "100", "item"}}) {
            MvcResult result = mvc.perform(post("/funds/pools").cookie(finance).with(csrf())
                            .param("item", bad[0]).param("year", bad[1]).param("budget", bad[2]))
                    .andExpect(status().isBadRequest()).andReturn();
            assertThat(result.getResponse().getContentAsString()).as(String.join(" ", bad)).contains("（参数 " + bad[3] + "）");
        }
        // not an integer at all: the binding names the field too
        mvc.perform(post("/funds/pools").cookie(finance).with(csrf()).param("item", item).param("year", "2026年").param("budget", "100"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("year")));
        assertThat(pools.find(item, year).orElseThrow().budget()).isEqualByComparingTo(before);
        assertThat(count("SELECT count(*) FROM fund_pool WHERE year > 2100 OR item_code = 'NO-SUCH-ITEM'")).isZero();
        mvc.perform(get("/funds/pools").cookie(finance).param("year", "99999")).andExpect(status().isBadRequest());
    }

    @Test
    void everyApiErrorIsProblemJsonInChinese() throws Exception {
        String token = "Bearer " + Sessions.token(mvc, "evaluator");
        mvc.perform(get("/api/v1/no-such-thing").header("Authorization", token))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.title").value("未找到"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("/api/v1/no-such-thing")));
        mvc.perform(delete("/api/v1/calculator"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.title").value("请求方法不被支持"));
        mvc.perform(post("/api/v1/calculator").contentType(MediaType.TEXT_PLAIN).content("e.revenue > 0"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.title").value("不支持的请求内容类型"));
        mvc.perform(get("/api/v1/evaluation/rates").header("Authorization", token).param("from", "2026-02-30").param("to", "2026-03-31"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(get("/api/v1/evaluation/rates").header("Authorization", token).param("to", "2026-03-31"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        mvc.perform(post("/api/v1/calculator").contentType(MediaType.APPLICATION_JSON).content("{\"condition\": "))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.title").value("输入有误"));
        mvc.perform(get("/api/v1/policy-items").param("q", "稳岗\u0000"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(PROBLEM))
                .andExpect(jsonPath("$.errors[0].field").value("q"));
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void onARealServerTheRefusalIsTheChinese400PageBeforeLoginOrCsrfReadTheForm() throws Exception {
        var http = java.net.http.HttpClient.newHttpClient();
        var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=admin%00&password=x")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("输入有误").contains("“username”含有不可见的控制字符");
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).contains("script-src 'self'"));
    }

    @Test
    void textDecodingTellsUtf8GbkAndRefusals() {
        assertThat(TextFiles.decode("纺织".getBytes(GBK), "file")).isEqualTo("纺织");
        assertThat(TextFiles.decode("\uFEFF纺织".getBytes(StandardCharsets.UTF_8), "file")).isEqualTo("纺织");
        assertThat(TextFiles.decode("plain ascii".getBytes(StandardCharsets.US_ASCII), "file")).isEqualTo("plain ascii");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TextFiles.decode("a\u0000b".getBytes(StandardCharsets.UTF_8), "file"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("控制字符");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TextFiles.decode("繁體中文字測試內容".getBytes(Charset.forName("Big5")), "file"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("文件编码无法识别");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Inputs.optionalDate("2026-02-30", "published", "发布日期"))
                .isInstanceOf(InvalidInputException.class);
        assertThat(Inputs.money("1,234,567.5", "budget", "预算")).isEqualByComparingTo("1234567.50");
    }
}
