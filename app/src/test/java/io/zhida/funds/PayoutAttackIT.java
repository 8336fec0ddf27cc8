package io.zhida.funds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An enterprise's receiving account held under another name than its registered one — "=cmd|…" included —
 * is not paid until a finance officer has checked it and confirmed the exception with a reason.
 */
@ZhidaIntegrationTest
class PayoutAttackIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Grants grants;
    @Autowired
    BankAccounts accounts;
    @Autowired
    PolicyCatalog catalog;

    @Test
    void anAccountInAnotherNameIsHeldUntilFinanceConfirmsTheException() throws Exception {
        PolicyItem item = catalog.onlineItems().get(0);
        String uscc = jdbc.sql("SELECT uscc FROM enterprise ORDER BY uscc LIMIT 1 OFFSET 2222").query(String.class).single();
        String name = jdbc.sql("SELECT name FROM enterprise WHERE uscc = ?").param(uscc).query(String.class).single();
        Grant grant = grants.grant(new GrantRequest(uscc, name, "519921", item.code(), item.content().name(), 2032, new BigDecimal("3000"),
                new BigDecimal("3000"), null, null, new BigDecimal("100000000"), GrantRoute.APPLICATION, null, null, "reviewer", null));
        jdbc.sql("UPDATE fund_grant SET status = 'PAYABLE' WHERE id = ?").param(grant.id()).update();
        accounts.confirm(uscc, "=cmd|' /C calc'!A0", "示范银行", "62220200005678");
        Cookie finance = Sessions.login(mvc, "finance");

        mvc.perform(post("/funds/batches").cookie(finance).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(lines(grant.id())).isZero();
        // an exception needs a reason, and only finance may confirm it
        mvc.perform(post("/funds/accounts/" + uscc + "/name-exception").cookie(finance).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/funds/accounts/" + uscc + "/name-exception").param("reason", "x").cookie(Sessions.login(mvc, "reviewer")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/funds/batches").cookie(finance).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(lines(grant.id())).isZero();

        mvc.perform(post("/funds/accounts/" + uscc + "/name-exception").param("reason", "企业已更名，工商变更登记办理中，核对营业执照")
                .cookie(finance).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/funds/batches").cookie(finance).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(lines(grant.id())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'bank-account.name-exception' AND subject_id = ?").param(uscc)
                .query(Long.class).single()).isEqualTo(1);

        // a changed account needs a new check
        accounts.confirm(uscc, "另一个户名", "示范银行", "62220200009999");
        assertThat(jdbc.sql("SELECT name_exception_by IS NULL FROM bank_account WHERE uscc = ?").param(uscc).query(Boolean.class).single()).isTrue();
    }

    @Test
    void financeSeesExportsAndRemindsTheEnterprisesWhoseMoneyWaitsForAnAccount() throws Exception {
        PolicyItem item = catalog.onlineItems().get(0);
        String uscc = jdbc.sql("SELECT uscc FROM enterprise ORDER BY uscc LIMIT 1 OFFSET 2233").query(String.class).single();
        String name = jdbc.sql("SELECT name FROM enterprise WHERE uscc = ?").param(uscc).query(String.class).single();
        Grant grant = grants.grant(new GrantRequest(uscc, name, "519921", item.code(), item.content().name(), 2033, new BigDecimal("4200"),
                new BigDecimal("4200"), null, null, new BigDecimal("100000000"), GrantRoute.APPLICATION, null, null, "reviewer", null));
        jdbc.sql("UPDATE fund_grant SET status = 'PAYABLE', payable_at = now() WHERE id = ?").param(grant.id()).update();
        Cookie finance = Sessions.login(mvc, "finance");
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/funds/batches").cookie(finance))
                .andReturn().getResponse().getContentAsString()).contains("待企业确认收款账户").contains("查看名单并提醒");
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/funds/accounts/waiting").param("q", uscc)
                .cookie(finance)).andReturn().getResponse().getContentAsString()).as("found by its credit code").contains(name).contains("共 1 条");
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/funds/accounts/waiting").param("q", "企".repeat(5000))
                .cookie(finance)).andExpect(status().isBadRequest());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/funds/accounts/waiting").param("page", "0").cookie(finance))
                .andExpect(status().isBadRequest());
        var export = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/funds/accounts/waiting.xlsx").cookie(finance))
                .andExpect(status().isOk()).andReturn();
        try (var book = org.apache.poi.ss.usermodel.WorkbookFactory.create(new java.io.ByteArrayInputStream(export.getResponse().getContentAsByteArray()))) {
            boolean found = false;
            for (var row : book.getSheetAt(0)) {
                found |= uscc.equals(new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(row.getCell(0)));
            }
            assertThat(found).isTrue();
        }
        mvc.perform(post("/funds/accounts/remind").cookie(Sessions.login(mvc, "leader")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/funds/accounts/remind").cookie(finance).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/funds/accounts/remind").cookie(finance).with(csrf())).andExpect(status().is3xxRedirection()); // once a day
        assertThat(jdbc.sql("SELECT count(*) FROM inbox_message WHERE uscc = ? AND title LIKE '请确认收款账户%'").param(uscc).query(Long.class).single())
                .isEqualTo(1);
    }

    private long lines(long grantId) {
        return jdbc.sql("SELECT count(*) FROM payout_line WHERE grant_id = ?").param(grantId).query(Long.class).single();
    }
}
