package io.zhida.discipline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyItem;
import io.zhida.funds.Grant;
import io.zhida.funds.GrantRequest;
import io.zhida.funds.GrantRoute;
import io.zhida.funds.Grants;
import io.zhida.identity.Organisations;
import io.zhida.identity.Role;
import io.zhida.identity.UserAdministration;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The 纪检监察 link: the inspector sees a grant to a dishonest enterprise among the findings, hands it as a clue to the
 * unit, the unit's head answers, the inspector concludes; a joint supervision brings another unit in; nobody acts out
 * of turn or outside their unit, and each new role is refused outside its own pages.
 */
@ZhidaIntegrationTest
class DisciplineIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Grants grants;
    @Autowired
    PolicyCatalog catalog;
    @Autowired
    UserAdministration users;
    @Autowired
    Organisations organisations;

    @Test
    void aFindingBecomesAClueTheUnitAnswersAndTheInspectorConcludes() throws Exception {
        PolicyItem item = catalog.onlineItems().get(0);
        String uscc = jdbc.sql("SELECT uscc FROM enterprise ORDER BY uscc LIMIT 1 OFFSET 2400").query(String.class).single();
        jdbc.sql("UPDATE enterprise SET dishonest = true WHERE uscc = ?").param(uscc).update();
        String name = jdbc.sql("SELECT name FROM enterprise WHERE uscc = ?").param(uscc).query(String.class).single();
        Grant grant = grants.grant(new GrantRequest(uscc, name, "519921", item.code(), item.content().name(), 2035, new BigDecimal("7700"),
                new BigDecimal("7700"), null, null, new BigDecimal("100000000"), GrantRoute.APPLICATION, null, null, "reviewer", null));

        Cookie inspector = Sessions.login(mvc, "inspector");
        assertThat(mvc.perform(get("/discipline").param("kind", "DISHONEST_GRANT").cookie(inspector)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains(name).contains("移送线索");
        for (Finding.Kind kind : Finding.Kind.values()) {
            mvc.perform(get("/discipline").param("kind", kind.name()).cookie(inspector)).andExpect(status().isOk());
        }

        mvc.perform(post("/discipline/clues").param("source", "DISHONEST_GRANT").param("ref", "G" + grant.id()).param("department", "C-JXJ")
                        .param("title", "失信企业获得兑现").param("evidence", "失信企业 " + name + " 获得兑现 7700 元。").param("workingDays", "5")
                        .cookie(inspector).with(csrf()))
                .andExpect(flash().attribute("message", "线索已移送责任单位"));
        long id = jdbc.sql("SELECT id FROM discipline_clue WHERE source_ref = ?").param("G" + grant.id()).query(Long.class).single();
        mvc.perform(post("/discipline/clues").param("source", "DISHONEST_GRANT").param("ref", "G" + grant.id()).param("department", "C-JXJ")
                        .param("title", "再移送一次").param("evidence", "同一条").cookie(inspector).with(csrf()))
                .andExpect(flash().attribute("error", Matchers.containsString("请勿重复移送")));
        mvc.perform(post("/discipline/clues").param("source", "OTHER").param("department", "NO-SUCH").param("title", "x").param("evidence", "y")
                .cookie(inspector).with(csrf())).andExpect(flash().attribute("error", Matchers.containsString("请选择责任单位")));

        Cookie head = Sessions.login(mvc, "head"); // 经信局负责人
        Cookie otherHead = otherHead();
        mvc.perform(get("/discipline/clues/" + id).cookie(otherHead)).andExpect(status().isForbidden());
        mvc.perform(post("/discipline/clues/" + id + "/answer").param("answer", "别的单位来答").cookie(otherHead).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/discipline/clues/" + id + "/answer").param("answer", "纪检自己答").cookie(inspector).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/discipline/clues/" + id + "/close").param("conclusion", "TRUE").param("result", "未答复就办结").cookie(inspector).with(csrf()))
                .andExpect(flash().attribute("error", "责任单位尚未答复，不能办结"));
        assertThat(mvc.perform(get("/discipline/clues").cookie(head)).andReturn().getResponse().getContentAsString()).contains("失信企业获得兑现");
        mvc.perform(post("/discipline/clues/" + id + "/answer").param("answer", "经核查，该企业在申报后被列入失信名单，已暂停拨付并追回。")
                .cookie(head).with(csrf())).andExpect(flash().attribute("message", "已答复纪检监察"));
        mvc.perform(post("/discipline/clues/" + id + "/close").param("conclusion", "TRUE").param("result", "责成经信局完善失信核查环节")
                .cookie(head).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/discipline/clues/" + id + "/close").param("conclusion", "TRUE").param("result", "责成经信局完善失信核查环节")
                .cookie(inspector).with(csrf())).andExpect(flash().attribute("message", "线索已办结"));
        assertThat(jdbc.sql("SELECT status || ':' || conclusion FROM discipline_clue WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("CLOSED:TRUE");
        assertThat(jdbc.sql("SELECT string_agg(step, ',' ORDER BY id) FROM discipline_clue_event WHERE clue_id = ?").param(id)
                .query(String.class).single()).isEqualTo("OPENED,ANSWERED,CLOSED");
    }

    @Test
    void aJointSupervisionBringsAnotherUnitInAndEndsWithItsResult() throws Exception {
        Cookie inspector = Sessions.login(mvc, "inspector");
        mvc.perform(post("/discipline/clues").param("source", "OTHER").param("department", "C-JXJ").param("title", "联合督办测试")
                .param("evidence", "多部门推诿").cookie(inspector).with(csrf())).andExpect(status().is3xxRedirection());
        long id = jdbc.sql("SELECT max(id) FROM discipline_clue WHERE title = '联合督办测试'").query(Long.class).single();
        Cookie otherHead = otherHead();
        mvc.perform(get("/discipline/clues/" + id).cookie(otherHead)).andExpect(status().isForbidden());
        mvc.perform(post("/discipline/clues/" + id + "/joint").param("units", "C-RSJ").param("plan", "会商研判后联合督办").cookie(inspector).with(csrf()))
                .andExpect(flash().attribute("message", "已启动联合督办"));
        mvc.perform(get("/discipline/clues/" + id).cookie(otherHead)).andExpect(status().isOk()); // now one of the joint units
        mvc.perform(post("/discipline/clues/" + id + "/close").param("conclusion", "PARTLY").param("result", "两部门明确职责分工")
                .cookie(inspector).with(csrf())).andExpect(flash().attribute("message", "线索已办结"));
    }

    @Test
    void eachNewRoleIsRefusedOutsideItsOwnPages() throws Exception {
        Cookie inspector = Sessions.login(mvc, "inspector");
        long application = 1; // the roles are refused before any application is looked up
        mvc.perform(post("/applications/" + application + "/decide").param("approve", "true").param("reason", "x").cookie(inspector).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/funds/batches").cookie(inspector).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/rectification").param("title", "x").cookie(inspector).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(get("/discipline").cookie(Sessions.login(mvc, "agent"))).andExpect(status().isForbidden());
        mvc.perform(get("/assistance/centre").cookie(Sessions.login(mvc, "officer"))).andExpect(status().isForbidden());
        mvc.perform(get("/assistance/agent").cookie(inspector)).andExpect(status().isForbidden());
        mvc.perform(get("/discipline/clues").cookie(Sessions.login(mvc, "enterprise"))).andExpect(status().isForbidden());
        mvc.perform(get("/discipline").cookie(Sessions.login(mvc, "head"))).andExpect(status().isForbidden());
        mvc.perform(get("/discipline").cookie(inspector)).andExpect(status().isOk());
    }

    private Cookie otherHead() throws Exception {
        if (jdbc.sql("SELECT count(*) FROM app_user WHERE username = 'head-rsj'").query(Long.class).single() == 0) {
            users.create(new UserAdministration.UserForm("head-rsj", "人社局负责人", Sessions.DEMO_PASSWORD, Set.of(Role.DEPT_HEAD), null,
                    organisations.departmentByCode("C-RSJ").orElseThrow().id(), null, null));
        }
        return Sessions.login(mvc, "head-rsj");
    }
}
