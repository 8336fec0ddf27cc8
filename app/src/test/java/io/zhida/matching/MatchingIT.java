package io.zhida.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.catalog.PolicyCalculator;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.catalog.PolicyLibraryExchange;
import io.zhida.engine.rule.Outcome;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.notify.Inbox;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** 政策找企业 in the running platform: stored matches equal the rule engine pair by pair; new matches reach the inbox once. */
@ZhidaIntegrationTest
class MatchingIT {

    @Autowired
    MatchNews matchNews;

    @Autowired
    MatchingService matching;
    @Autowired
    PolicyCatalog catalog;
    @Autowired
    PolicyCalculator calculator;
    @Autowired
    EnterpriseProfiles profiles;
    @Autowired
    PolicyLibraryExchange exchange;
    @Autowired
    Inbox inbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void storedMatchesEqualTheCalculatorForEveryPairOfASample() {
        List<String> sample = jdbc.sql("SELECT uscc FROM enterprise ORDER BY uscc LIMIT 250").query(String.class).list();
        int eligible = 0;
        int pairs = 0;
        for (String uscc : sample) {
            Map<String, Outcome> stored = new HashMap<>();
            matching.forEnterprise(uscc).forEach(m -> stored.put(m.itemCode(), m.outcome()));
            Map<String, Object> values = profiles.find(uscc).orElseThrow().attributes();
            for (PolicyItem item : catalog.onlineItems()) {
                Outcome expected = calculator.calculate(item.code(), values, PolicyCatalog.today()).result();
                assertThat(stored.getOrDefault(item.code(), Outcome.INELIGIBLE)).as("%s × %s", uscc, item.code()).isEqualTo(expected);
                eligible += expected == Outcome.ELIGIBLE ? 1 : 0;
                pairs++;
            }
        }
        assertThat(pairs).isGreaterThan(250 * 40);
        assertThat(eligible).isGreaterThan(pairs / 50);
    }

    @Test
    void aNewItemIsMatchedPushedToTheInboxOnceAndShownAsMyPolicy() throws Exception {
        String uscc = jdbc.sql("SELECT enterprise_uscc FROM app_user WHERE username = 'enterprise'").query(String.class).single();
        exchange.importYaml("""
                documents: []
                items:
                  - code: T-MATCH-1
                    name: 匹配推送测试补贴
                    departments: [C-JXJ]
                    mode: FULL_REVIEW
                    condition: e.uscc == "%s" // 本测试企业
                    benefit_type: 资金补贴
                    amount: "12345.5"
                """.formatted(uscc), true);
        assertThat(matching.forEnterprise(uscc)).anySatisfy(m -> {
            assertThat(m.itemCode()).isEqualTo("T-MATCH-1");
            assertThat(m.outcome()).isEqualTo(Outcome.ELIGIBLE);
            assertThat(m.itemVersion()).isEqualTo(1);
        });
        assertThat(matching.countForItem("T-MATCH-1", Outcome.ELIGIBLE, null)).isEqualTo(1);

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> messagesFor(uscc, "T-MATCH-1") == 1);
        assertThat(jdbc.sql("SELECT id FROM match_news ORDER BY id DESC LIMIT 20").query(Long.class).list())
                .as("announced by reference: a chunk of news names the pair").anySatisfy(news ->
                        assertThat(matchNews.of(news)).contains(new io.zhida.matching.MatchesFound.Notice(uscc, List.of("T-MATCH-1"))));
        assertThat(inbox.announce(uscc, List.of("T-MATCH-1"))).as("a redelivered event announces nothing").isEmpty();
        assertThat(messagesFor(uscc, "T-MATCH-1")).isEqualTo(1);

        Cookie session = Sessions.login(mvc, "enterprise");
        mvc.perform(get("/my/policies").cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.allOf(Matchers.containsString("匹配推送测试补贴"),
                        Matchers.containsString("本测试企业"), Matchers.containsString("预计 12,345.50 元"))));
        long id = jdbc.sql("SELECT id FROM inbox_message WHERE uscc = :u AND 'T-MATCH-1' = ANY(item_codes)").param("u", uscc)
                .query(Long.class).single();
        mvc.perform(get("/my/messages").cookie(session)).andExpect(status().isOk());
        // the item may have joined the enterprise's 政策包 of the day: its name is in the message, not always in the title
        mvc.perform(get("/my/messages/" + id).cookie(session)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("匹配推送测试补贴")));
        assertThat(jdbc.sql("SELECT read_at IS NOT NULL FROM inbox_message WHERE id = :id").param("id", id).query(Boolean.class).single())
                .isTrue();
        String other = jdbc.sql("SELECT uscc FROM enterprise WHERE uscc <> :u LIMIT 1").param("u", uscc).query(String.class).single();
        long foreign = jdbc.sql("INSERT INTO inbox_message (uscc, title, body) VALUES (:u, '别家消息', '内容') RETURNING id")
                .param("u", other).query(Long.class).single();
        mvc.perform(get("/my/messages/" + foreign).cookie(session)).andExpect(status().isNotFound());
    }

    @Test
    void departmentsListAndExportTheEligibleEnterprisesButEnterprisesMayNot() throws Exception {
        PolicyItem item = catalog.onlineItems().stream()
                .filter(i -> matching.countForItem(i.code(), Outcome.ELIGIBLE, null) > 60).findFirst().orElseThrow();
        long count = matching.countForItem(item.code(), Outcome.ELIGIBLE, null);
        Cookie head = Sessions.login(mvc, "head");
        mvc.perform(get("/matching/items/" + item.code()).cookie(head)).andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("共 " + count + " 户")));
        byte[] xlsx = mvc.perform(get("/matching/items/" + item.code() + "/export.xlsx").cookie(head))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo((int) count);
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("企业名称");
        }
        mvc.perform(get("/matching/items/" + item.code()).cookie(Sessions.login(mvc, "enterprise"))).andExpect(status().isForbidden());
    }

    private long messagesFor(String uscc, String code) {
        return jdbc.sql("SELECT count(*) FROM inbox_message WHERE uscc = :u AND :c = ANY(item_codes)").param("u", uscc).param("c", code)
                .query(Long.class).single();
    }
}
