package io.zhida.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.zhida.identity.internal.HandlerRules;
import io.zhida.notify.internal.OutboundDispatcher;
import io.zhida.support.Sessions;
import io.zhida.support.ZhidaIntegrationTest;
import jakarta.servlet.http.Cookie;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Reads never write: every page and API read without path variables, opened by every demo account,
 * and a sample of detail pages, leave every table of the database exactly as it was.
 */
@ZhidaIntegrationTest
class ReadsNeverWriteIT {

    /** The HTTP session store and framework bookkeeping (node liveness, idempotency keys, rate-limit buckets), not data. */
    private static final Set<String> NOT_DATA = Set.of("spring_session", "spring_session_attributes", "flyway_schema_history",
            "shedlock", "event_publication", "event_publication_archive", "app_node", "processed_event", "rate_limit_bucket");
    private static final List<String> USERS = List.of("leader", "head", "county", "finance", "evaluator", "enterprise", "admin",
            "clerk", "reviewer", "author");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OutboundDispatcher outbox;

    @Test
    void noReadChangesAnyTable() throws Exception {
        List<String> reads = new ArrayList<>(parameterlessReads());
        reads.addAll(detailPages());
        assertThat(reads).hasSizeGreaterThan(80);
        List<String> writes = new ArrayList<>();
        for (String username : USERS) {
            Cookie session = Sessions.login(mvc, username);
            String token = Sessions.token(mvc, username);
            Map<String, String> before = quiet();
            for (String path : reads) {
                mvc.perform(request(path, session, token));
            }
            Map<String, String> after = quiet();
            if (!after.equals(before)) {
                writes.add(username + "'s reads changed " + changed(before, after));
                for (String path : reads) { // name the culprits, where a second reading writes again
                    Map<String, String> one = quiet();
                    mvc.perform(request(path, session, token));
                    Map<String, String> again = quiet();
                    if (!again.equals(one)) {
                        writes.add(username + " GET " + path + " changed " + changed(one, again));
                    }
                }
            }
        }
        assertThat(writes).as("GET requests that wrote to the database").isEmpty();
    }

    private static MockHttpServletRequestBuilder request(String path, Cookie session, String token) {
        return path.startsWith("/api/") ? get(path).header("Authorization", "Bearer " + token) : get(path).cookie(session);
    }

    private List<String> parameterlessReads() {
        return mappings.getHandlerMethods().entrySet().stream()
                .filter(e -> !HandlerRules.isFramework(e.getValue()) && e.getValue().getBeanType() != RuleLessController.class)
                .filter(e -> e.getKey().getMethodsCondition().getMethods().isEmpty()
                        || e.getKey().getMethodsCondition().getMethods().contains(RequestMethod.GET))
                .flatMap(e -> e.getKey().getPatternValues().stream())
                .filter(p -> !p.contains("{"))
                .distinct().sorted().toList();
    }

    /** One real record per detail page the sweep of issue 14 looked at, where the test database has one. */
    private List<String> detailPages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/applications/%s", "SELECT id::text FROM application ORDER BY id LIMIT 1");
        pages.put("/rectification/%s", "SELECT id::text FROM problem ORDER BY id LIMIT 1");
        pages.put("/appeals/%s", "SELECT id::text FROM appeal ORDER BY id LIMIT 1");
        pages.put("/funds/runs/%s", "SELECT id::text FROM no_application_run ORDER BY id LIMIT 1");
        pages.put("/funds/batches/%s", "SELECT id::text FROM payout_batch ORDER BY id LIMIT 1");
        pages.put("/evaluation/campaigns/%s", "SELECT id::text FROM eval_campaign ORDER BY id LIMIT 1");
        pages.put("/evaluation/surveys/%s", "SELECT id::text FROM survey ORDER BY id LIMIT 1");
        pages.put("/enterprises/%s", "SELECT uscc FROM enterprise ORDER BY uscc LIMIT 1");
        pages.put("/matching/items/%s", "SELECT code FROM policy_item ORDER BY code LIMIT 1");
        pages.put("/portal/items/%s", "SELECT code FROM policy_item ORDER BY code LIMIT 1");
        pages.put("/catalog/review/%s", "SELECT i.code FROM policy_item i JOIN policy_item_version v ON v.item_id = i.id WHERE v.state = 'IN_REVIEW' LIMIT 1");
        pages.put("/funds/pools?year=%s", "SELECT (extract(year FROM now()) + 5)::int::text");
        pages.put("/portal/surveys/%s", "SELECT token FROM survey_invitation ORDER BY token LIMIT 1");
        pages.put("/portal/b2b/%s", "SELECT token FROM b2b_draw ORDER BY token LIMIT 1");
        String item = "SELECT i.code FROM policy_item i WHERE i.published_version IS NOT NULL AND i.abolished_at IS NULL ORDER BY i.code LIMIT 1";
        pages.put("/applications/new?item=%s", item);
        pages.put("/portal/calculator?item=%s", item);
        pages.put("/matching/sandbox?item=%s", item);
        pages.put("/funds/grants?item=%s", item);
        pages.put("/evaluation/rates/records?measure=awareness&groupBy=city&key=city&from=2026-01-01&to=%s", "SELECT current_date::text");
        pages.put("/api/v1/evaluation/rates?from=2026-01-01&to=%s", "SELECT current_date::text");
        pages.put("/api/v1/calendar/working-days/add?from=2026-09-30&days=%s", "SELECT '3'");
        return pages.entrySet().stream()
                .flatMap(p -> jdbc.sql(p.getValue()).query(String.class).optional().map(v -> p.getKey().formatted(v)).stream())
                .toList();
    }

    /**
     * A checksum of every data table, once the SMS and e-mail queued by earlier work are sent (the dispatcher
     * runs every two seconds on its own) and two readings in a row agree (listeners of earlier work have finished).
     */
    private Map<String, String> quiet() throws InterruptedException {
        Map<String, String> last = Map.of();
        for (int i = 0; i < 50; i++) {
            outbox.dispatch();
            Map<String, String> now = checksums();
            if (now.equals(last)) {
                return now;
            }
            last = now;
            Thread.sleep(100);
        }
        return last;
    }

    private Map<String, String> checksums() {
        Map<String, String> sums = new LinkedHashMap<>();
        List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() "
                + "AND table_type = 'BASE TABLE' ORDER BY table_name").query(String.class).list();
        for (String table : tables) {
            if (!NOT_DATA.contains(table)) {
                sums.put(table, jdbc.sql("SELECT count(*) || ':' || coalesce(sum(hashtextextended(t::text, 0)), 0) FROM \"" + table + "\" t")
                        .query(String.class).single());
            }
        }
        return sums;
    }

    private static List<String> changed(Map<String, String> before, Map<String, String> after) {
        return Stream.concat(before.keySet().stream(), after.keySet().stream()).distinct()
                .filter(t -> !Objects.equals(before.get(t), after.get(t))).toList();
    }
}
