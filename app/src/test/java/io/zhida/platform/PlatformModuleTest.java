package io.zhida.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.zhida.support.ModuleDatabase;
import io.zhida.support.ModuleTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform on its own, without any other module (and so without identity's security rules): this node registers
 * itself and is alive to the database, changes of other nodes arrive through the cluster feed, a list is paged by the
 * {@link PageQuery} contract over {@link Listing}, and the input layer answers under /api in problem+json.
 * No module of the platform's own serves a list, so the test declares a small API over the cluster feed's table.
 */
@ModuleTest
class PlatformModuleTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        ModuleDatabase.register(registry, "platform");
    }

    /** A change every node must follow, as a module would declare one. */
    public record Ping(String marker, int number) implements ClusterWide {
    }

    /** A list that grows, served the way the modules serve theirs: a PageQuery argument and a Listing. */
    @RestController
    static class ChangesApi {
        private final JdbcClient jdbc;

        ChangesApi(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @GetMapping("/api/v1/module-test/changes")
        Map<String, Object> changes(@RequestParam String marker, PageQuery page) {
            Page<Long> rows = Listing.sql(jdbc, "SELECT id", "FROM cluster_change WHERE payload->>'marker' = :marker", "id",
                    (rs, n) -> rs.getLong(1)).param("marker", marker).page(page);
            return Map.of("ids", rows.rows(), "total", rows.total(), "page", rows.number(), "pages", rows.pages(),
                    "hasNext", rows.hasNext());
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ListOfChanges {
        @Bean
        ChangesApi changesApi(JdbcClient jdbc) {
            return new ChangesApi(jdbc);
        }
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Nodes nodes;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void thisNodeIsAliveAndChangesOfAnotherNodeArriveAsRemoteChanges() {
        assertThat(context.getBeanProvider(io.zhida.identity.UserAdministration.class).getIfAvailable()).as("no other module").isNull();
        assertThat(context.getBeanProvider(io.zhida.calendar.WorkingCalendar.class).getIfAvailable()).isNull();
        assertThat(context.getBeanProvider(io.zhida.cockpit.Cockpit.class).getIfAvailable()).isNull();

        int self = nodes.current();
        assertThat(jdbc.sql("SELECT pid FROM app_node WHERE id = ?").param(self).query(Long.class).single())
                .isEqualTo(ProcessHandle.current().pid());
        assertThat(alive(self)).isTrue();
        int other = self == Integer.MAX_VALUE ? 1 : self + 1;
        assertThat(alive(other)).as("a node nobody runs").isFalse();

        Queue<RemoteChange> received = new ConcurrentLinkedQueue<>();
        context.addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof RemoteChange change) {
                received.add(change);
            }
        });
        String marker = UUID.randomUUID().toString();
        events.publishEvent(new Ping(marker, 1)); // this node's own change: written to the feed, not sent back to itself
        assertThat(jdbc.sql("SELECT origin_node FROM cluster_change WHERE payload->>'marker' = ?").param(marker)
                .query(Integer.class).list()).containsExactly(self);

        // another node's change, as that node's ClusterFeed writes it
        jdbc.sql("""
                WITH change AS (INSERT INTO cluster_change (type, payload, origin_node) VALUES (?, CAST(? AS jsonb), ?) RETURNING id)
                SELECT pg_notify('zhida_cluster', id::text) FROM change""")
                .params(Ping.class.getName(), "{\"marker\":\"" + marker + "\",\"number\":2}", other).query().listOfRows();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(received)
                .anySatisfy(change -> assertThat(change.as(Ping.class)).contains(new Ping(marker, 2))));
        assertThat(received).filteredOn(change -> change.as(Ping.class).map(p -> p.marker().equals(marker)).orElse(false))
                .as("delivered once, and never this node's own change").singleElement()
                .extracting(RemoteChange::originNode).isEqualTo(other);
    }

    @Test
    void aListIsPagedByThePageQueryContract() throws Exception {
        String marker = UUID.randomUUID().toString();
        for (int i = 0; i < 45; i++) {
            events.publishEvent(new Ping(marker, i));
        }
        List<Integer> seen = new ArrayList<>();
        for (int page = 1; page <= 3; page++) {
            String body = mvc.perform(get("/api/v1/module-test/changes").with(user("platform-tester"))
                            .param("marker", marker).param("page", Integer.toString(page)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.total").value(45))
                    .andExpect(jsonPath("$.pages").value(3))
                    .andExpect(jsonPath("$.page").value(page))
                    .andReturn().getResponse().getContentAsString();
            List<Integer> ids = JsonPath.read(body, "$.ids");
            assertThat(ids).hasSize(page < 3 ? PageQuery.DEFAULT_SIZE : 5).isSorted();
            seen.addAll(ids);
        }
        Set<Integer> distinct = new HashSet<>(seen);
        assertThat(distinct).as("every row once, on one page").hasSize(45);
        mvc.perform(get("/api/v1/module-test/changes").with(user("platform-tester")).param("marker", marker).param("size", "50"))
                .andExpect(jsonPath("$.ids.length()").value(45)).andExpect(jsonPath("$.hasNext").value(false));
        mvc.perform(get("/api/v1/module-test/changes").with(user("platform-tester")).param("marker", marker).param("page", "9"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.ids.length()").value(0)).andExpect(jsonPath("$.total").value(45));
    }

    @Test
    void badPagingIsA400ProblemNamingTheField() throws Exception {
        Map<String, String[]> bad = Map.of(
                "page=0", new String[] {"page", "页码应为 1 到 1000000 之间的整数"},
                "page=abc", new String[] {"page", "收到“abc”"},
                "size=100000", new String[] {"size", "每页条数只能是 20、50 或 100"},
                "page=1&page=2", new String[] {"page", "页码只能给一个"});
        for (Map.Entry<String, String[]> query : bad.entrySet()) {
            mvc.perform(get("/api/v1/module-test/changes?marker=x&" + query.getKey()).with(user("platform-tester")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.title").value("输入有误"))
                    .andExpect(jsonPath("$.errors[0].field").value(query.getValue()[0]))
                    .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString(query.getValue()[1])));
        }
        mvc.perform(get("/api/v1/module-test/changes").with(user("platform-tester")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("marker"));
    }

    @Test
    void theInputLayerAnswersInProblemJsonAndTheNodeReportsHealthy() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/api/v1/no-such-thing").with(user("platform-tester")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("接口不存在：GET /api/v1/no-such-thing"));
        mvc.perform(get("/api/v1/module-test/changes").with(user("platform-tester")).param("marker", "a\u0000b"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("marker"))
                .andExpect(jsonPath("$.errors[0].message").value(Matchers.containsString("控制字符")))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("script-src 'self'")));
    }

    private boolean alive(int node) {
        return jdbc.sql("SELECT zhida_node_alive(?)").param(node).query(Boolean.class).single();
    }
}
