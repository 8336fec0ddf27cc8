package io.zhida.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Pages name people, not accounts. */
@ZhidaIntegrationTest
class PeopleIT {

    @Autowired
    People people;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void aUsernameIsShownAsThePersonsNameAndAnythingElseAsRecorded() throws Exception {
        assertThat(people.name("reviewer")).isEqualTo("张伟（经信局审核员）");
        assertThat(people.name("定时任务")).isEqualTo("定时任务");
        assertThat(people.name(null)).isEmpty();
        jdbc.sql("INSERT INTO audit_log (actor, action, subject_type, subject_id, summary) VALUES ('reviewer', 'test.people', 'test', '1', '按姓名显示测试')")
                .update();
        String audit = mvc.perform(get("/admin/audit").param("actor", "reviewer").cookie(Sessions.login(mvc, "admin")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(audit).contains("<span>张伟（经信局审核员）</span> <small class=\"text-muted font-monospace\">reviewer</small>");
    }
}
