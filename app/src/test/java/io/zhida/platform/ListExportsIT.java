package io.zhida.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.support.Sessions;
import io.zhida.support.Sheets;
import io.zhida.support.ZhidaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Lists people keep export to spreadsheets that open, with the columns and rows the page shows, and only for those who may see them. */
@ZhidaIntegrationTest
class ListExportsIT {

    @Autowired
    MockMvc mvc;

    @Test
    void listsExportToSpreadsheetsForThoseWhoMaySeeThem() throws Exception {
        var admin = Sessions.login(mvc, "admin");
        assertThat(Sheets.text(mvc.perform(get("/admin/users/export.xlsx").cookie(admin)).andExpect(status().isOk()).andReturn()))
                .contains("用户名").contains("evaluator").contains("评价督查员");
        assertThat(Sheets.text(mvc.perform(get("/catalog/items/export.xlsx").cookie(Sessions.login(mvc, "author"))).andExpect(status().isOk()).andReturn()))
                .contains("事项编码").contains("办理方式");
        var finance = Sessions.login(mvc, "finance");
        assertThat(Sheets.text(mvc.perform(get("/funds/batches/export.xlsx").cookie(finance)).andExpect(status().isOk()).andReturn())).contains("批次号");
        assertThat(Sheets.text(mvc.perform(get("/my/applications/export.xlsx").cookie(Sessions.login(mvc, "enterprise"))).andExpect(status().isOk())
                .andReturn())).contains("申报编号");
        assertThat(Sheets.text(mvc.perform(get("/enterprises/export.xlsx").param("region", "519921").cookie(Sessions.login(mvc, "county")))
                .andExpect(status().isOk()).andReturn())).contains("青山县").doesNotContain("中心区");
        mvc.perform(get("/admin/users/export.xlsx").cookie(finance)).andExpect(status().isForbidden());
        mvc.perform(get("/funds/batches/export.xlsx").cookie(Sessions.login(mvc, "enterprise"))).andExpect(status().isForbidden());
    }
}
