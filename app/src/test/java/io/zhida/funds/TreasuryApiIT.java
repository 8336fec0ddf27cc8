package io.zhida.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.support.Sessions;
import io.zhida.support.SystemClientsFixture;
import io.zhida.support.ZhidaIntegrationTest;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The treasury reads finance's payout batch and sends back the bank's result line by line (scope payments:write): a
 * result with an unknown line or outcome refuses the whole call with nothing settled, a repeated call settles nothing
 * twice, and the pool's paid total moves once.
 */
@ZhidaIntegrationTest
class TreasuryApiIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Grants grants;
    @Autowired
    BankAccounts accounts;
    @Autowired
    PayoutBatches batches;
    @Autowired
    PolicyCatalog catalog;

    @Test
    void theTreasuryReadsTheBatchAndSendsBackTheBanksResultOnce() throws Exception {
        PolicyItem item = catalog.onlineItems().get(0);
        List<String> uscc = jdbc.sql("SELECT uscc FROM enterprise ORDER BY uscc LIMIT 2 OFFSET 2310").query(String.class).list();
        Grant paid = payable(uscc.get(0), item, "5100.00");
        Grant failed = payable(uscc.get(1), item, "6200.00");
        PayoutBatch batch = batches.create().orElseThrow();
        String admin = "Bearer " + Sessions.token(mvc, "admin");
        String treasury = SystemClientsFixture.bearer(mvc, SystemClientsFixture.register(mvc, admin, "国库集中支付系统", "payments:write"), null);

        String page = mvc.perform(get("/api/v1/payout-batches").header("Authorization", treasury)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(page, "$.rows[*].number")).contains(batch.number());
        String view = mvc.perform(get("/api/v1/payout-batches/" + batch.number()).header("Authorization", treasury)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        long paidLine = line(view, paid.id());
        long failedLine = line(view, failed.id());
        BigDecimal poolPaidBefore = poolPaid(item.code());

        String results = "{\"results\":[{\"line\":" + paidLine + ",\"outcome\":\"PAID\"},"
                + "{\"line\":" + failedLine + ",\"outcome\":\"FAILED\",\"reason\":\"账户已销户\"}]}";
        // refused whole: an unknown line, an unknown outcome, a failure without its reason, a wrong batch number, no scope
        mvc.perform(results(batch.number(), treasury, results.replace(String.valueOf(failedLine), "999999999")))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("不属于本批次")));
        mvc.perform(results(batch.number(), treasury, results.replace("\"FAILED\"", "\"OK\""))).andExpect(status().isBadRequest());
        mvc.perform(results(batch.number(), treasury, results.replace(",\"reason\":\"账户已销户\"", ""))).andExpect(status().isBadRequest());
        mvc.perform(results(batch.number(), treasury, "{\"results\":[]}")).andExpect(status().isBadRequest());
        mvc.perform(results(batch.number(), treasury, "{\"results\":")).andExpect(status().isBadRequest());
        mvc.perform(results("BF20990101-99999", treasury, results)).andExpect(status().isNotFound());
        mvc.perform(results("../x", treasury, results)).andExpect(status().isBadRequest());
        mvc.perform(results(batch.number(), SystemClientsFixture.bearer(mvc, SystemClientsFixture.register(mvc, admin, "只读国库", "grants:read"),
                null), results)).andExpect(status().isForbidden());
        mvc.perform(results(batch.number(), "Bearer " + Sessions.token(mvc, "finance"), results)).andExpect(status().isForbidden());
        assertThat(grants.find(paid.id()).orElseThrow().status()).isEqualTo(Grant.Status.IN_BATCH);

        mvc.perform(results(batch.number(), treasury, results)).andExpect(status().isOk())
                .andExpect(jsonPath("$.paid").value(1)).andExpect(jsonPath("$.failed").value(1)).andExpect(jsonPath("$.alreadySettled").value(0));
        mvc.perform(results(batch.number(), treasury, results)).andExpect(status().isOk())
                .andExpect(jsonPath("$.paid").value(0)).andExpect(jsonPath("$.alreadySettled").value(2));
        assertThat(grants.find(paid.id()).orElseThrow().status()).isEqualTo(Grant.Status.PAID);
        assertThat(grants.find(failed.id()).orElseThrow().status()).isEqualTo(Grant.Status.FAILED);
        assertThat(poolPaid(item.code()).subtract(poolPaidBefore)).isEqualByComparingTo("5100.00");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'payout.settle' AND subject_id = ? AND actor LIKE 'client:%'")
                .param(String.valueOf(batch.id())).query(Long.class).single()).isEqualTo(2);
    }

    private Grant payable(String uscc, PolicyItem item, String amount) {
        String name = jdbc.sql("SELECT name FROM enterprise WHERE uscc = ?").param(uscc).query(String.class).single();
        Grant grant = grants.grant(new GrantRequest(uscc, name, "519921", item.code(), item.content().name(), 2034, new BigDecimal(amount),
                new BigDecimal(amount), null, null, new BigDecimal("100000000"), GrantRoute.APPLICATION, null, null, "reviewer", null));
        jdbc.sql("UPDATE fund_grant SET status = 'PAYABLE', payable_at = now() WHERE id = ?").param(grant.id()).update();
        accounts.confirm(uscc, name, "示范银行", "62220200" + Math.abs(uscc.hashCode() % 100000));
        return grant;
    }

    private static long line(String batchView, long grantId) {
        List<Number> ids = JsonPath.read(batchView, "$.lines[?(@.grantId == " + grantId + ")].id");
        assertThat(ids).hasSize(1);
        return ids.get(0).longValue();
    }

    private BigDecimal poolPaid(String itemCode) {
        return jdbc.sql("SELECT coalesce(sum(paid), 0) FROM fund_pool WHERE item_code = ?").param(itemCode).query(BigDecimal.class).single();
    }

    private org.springframework.test.web.servlet.RequestBuilder results(String number, String bearer, String body) {
        return post("/api/v1/payout-batches/" + number + "/results").header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON).content(body);
    }
}
