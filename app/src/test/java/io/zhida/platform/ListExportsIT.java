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
        String[][] more = {
                {"admin", "/notify/outbox/export.xlsx", "收件地址"}, {"admin", "/admin/departments/export.xlsx", "市财政局"},
                {"admin", "/admin/regions/export.xlsx", "青山县"}, {"admin", "/enterprises/imports/export.xlsx", "来源系统"},
                {"admin", "/enterprises/tag-rules/export.xlsx", "规上工业企业"}, {"admin", "/enterprises/attributes/export.xlsx", "employees"},
                {"author", "/catalog/documents/export.xlsx", "文号"}, {"reviewer", "/catalog/review/export.xlsx", "事项编码"},
                {"reviewer", "/enterprises/corrections/export.xlsx", "申请更正为"}, {"finance", "/funds/objections/export.xlsx", "异议人"},
                {"finance", "/funds/runs/export.xlsx", "待补充数据"}, {"evaluator", "/evaluation/surveys/export.xlsx", "有效答卷"},
                {"evaluator", "/evaluation/campaigns/export.xlsx", "自评截止"}, {"evaluator", "/evaluation/b2b/rounds.xlsx", "随机种子"},
                {"evaluator", "/rectification/export.xlsx", "整改时限"}, {"evaluator", "/appeals/export.xlsx", "承办部门"},
                {"enterprise", "/my/messages/export.xlsx", "标题"}, {"enterprise", "/my/policies/export.xlsx", "预计金额（元）"},
                {"enterprise", "/my/appeals/export.xlsx", "编号"}, {"leader", "/funds/grants/list.xlsx?region=519921", "统一社会信用代码"}};
        for (String[] e : more) {
            assertThat(Sheets.text(mvc.perform(get(e[1]).cookie(Sessions.login(mvc, e[0]))).andExpect(status().isOk()).andReturn()))
                    .as(e[1]).contains(e[2]);
        }
        assertThat(mvc.perform(get("/funds/grants").param("region", "519921").cookie(Sessions.login(mvc, "leader"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("资金明细");
        mvc.perform(get("/funds/grants").cookie(Sessions.login(mvc, "enterprise"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users/export.xlsx").cookie(finance)).andExpect(status().isForbidden());
        mvc.perform(get("/notify/outbox/export.xlsx").cookie(finance)).andExpect(status().isForbidden());
        mvc.perform(get("/funds/batches/export.xlsx").cookie(Sessions.login(mvc, "enterprise"))).andExpect(status().isForbidden());
    }
}
