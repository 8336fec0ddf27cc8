package io.zhida;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each module owns its tables: SQL in one module names only its own tables and the read views other modules
 * publish for that purpose, the way {@link ModularityTests} holds the Java imports to each module's API. Every
 * table the migrations create has exactly one owner here.
 * Migrations are kept per module ({@code db/migration/<module>/}) from V28 on; the earlier ones stay where they were.
 */
class TableOwnershipTest {

    /** Module → the tables it owns (creates, writes, and answers for). */
    static final Map<String, Set<String>> OWNED = Map.ofEntries(
            Map.entry("platform", Set.of("spring_session", "spring_session_attributes", "app_node", "cluster_change", "processed_event",
                    "rate_limit_bucket", "shedlock", "event_publication")),
            Map.entry("identity", Set.of("region", "department", "app_user", "user_role", "api_token", "audit_log", "login_failure",
                    "system_client", "client_token", "enterprise_agent",
                    "enterprise_system_grant")),
            Map.entry("enterprise", Set.of("enterprise", "enterprise_attribute", "enterprise_import", "enterprise_import_error",
                    "enterprise_value_history", "correction_request", "data_source", "tag_rule")),
            Map.entry("catalog", Set.of("policy_document", "policy_item", "policy_item_version", "policy_text_proposal")),
            Map.entry("consultation", Set.of("consultation", "consultation_invitee", "consultation_comment")),
            Map.entry("retention", Set.of("retention_round", "retention_entry")),
            Map.entry("calendar", Set.of("calendar_day", "calendar_year")),
            Map.entry("matching", Set.of("match_run", "match_set", "match_delta", "match_subject", "match_announced", "match_news")),
            Map.entry("notify", Set.of("inbox_message", "outbound_message", "outbound_usage", "channel_mute", "channel_record")),
            Map.entry("applications", Set.of("application", "application_event", "application_file", "application_review", "application_task",
                    "expert_score", "service_rating", "task_reminder")),
            Map.entry("funds", Set.of("fund_grant", "fund_pool", "fund_item_stop", "bank_account", "account_reminder", "disclosure_objection", "no_application_run",
                    "no_application_run_line", "no_application_plan_line", "payout_batch", "payout_line")),
            Map.entry("rates", Set.of("awareness_cell")),
            Map.entry("backtoback", Set.of("b2b_answer", "b2b_category", "b2b_draw", "b2b_result", "b2b_round", "b2b_rule", "b2b_sample",
                    "unit_rating")),
            Map.entry("evaluation", Set.of("eval_campaign", "eval_item_decision", "eval_campaign_item", "eval_campaign_target", "eval_indicator", "eval_reminder",
                    "eval_result", "eval_scheme", "eval_score", "eval_self_answer", "eval_self_submission", "eval_third_party", "survey",
                    "survey_answer", "survey_answer_value", "survey_invitation", "survey_question")),
            Map.entry("rectification", Set.of("appeal", "problem", "problem_counter", "problem_event")),
            Map.entry("integration", Set.of("webhook_subscription", "webhook_delivery")),
            Map.entry("assistance", Set.of("assistance_request", "assistance_file", "assistance_event")),
            Map.entry("discipline", Set.of("discipline_clue", "discipline_clue_event")),
            Map.entry("experience", Set.of("experience_member", "experience_task", "experience_finding", "experience_recheck")),
            Map.entry("liaison", Set.of("liaison_tier", "liaison_member", "liaison_contact", "liaison_demand")),
            Map.entry("callback", Set.of("callback_quota", "callback_sample")),
            Map.entry("monitoring", Set.of("monitoring_point", "monitoring_observation")),
            Map.entry("news", Set.of("news_article")),
            Map.entry("cockpit", Set.of("cockpit_enterprise", "cockpit_fact", "cockpit_item", "cockpit_month", "cockpit_report", "cockpit_slice",
                    "cockpit_stage")));

    /** Views a module publishes for the others to read (new ones in its own migration folder). */
    static final Map<String, Set<String>> PUBLISHED = Map.of(
            "notify", Set.of("announced_pair"),
            "enterprise", Set.of("enterprise_facts"),
            "applications", Set.of("application_facts", "service_rating_facts", "application_task_facts", "application_decision_facts"),
            "funds", Set.of("grant_facts", "pool_facts", "objection_facts"),
            "catalog", Set.of("item_author_facts"),
            "rectification", Set.of("appeal_facts", "problem_facts"),
            "evaluation", Set.of("survey_answer_facts"),
            "assistance", Set.of("assistance_facts"),
            "liaison", Set.of("liaison_demand_facts", "liaison_contact_facts"),
            "callback", Set.of("callback_answer_facts"));

    private static final Path MAIN = Path.of("src", "main");
    private static final Pattern CREATED = Pattern.compile("CREATE\\s+(?:UNLOGGED\\s+)?(TABLE|VIEW)\\s+(?:IF NOT EXISTS\\s+)?(\\w+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DROPPED = Pattern.compile("DROP\\s+(?:TABLE|VIEW)\\s+(?:IF EXISTS\\s+)?(\\w+)", Pattern.CASE_INSENSITIVE);
    /** A table named where SQL names tables. */
    private static final Pattern NAMED = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE|TRUNCATE|COPY)\\s+(?:ONLY\\s+)?(\\w+)", Pattern.CASE_INSENSITIVE);
    /** Java string literals and text blocks: where the SQL is. */
    private static final Pattern STRINGS = Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);

    @Test
    void everyTableTheMigrationsLeaveHasOneOwner() {
        Set<String> existing = new TreeSet<>();
        migrations().forEach(text -> {
            Matcher created = CREATED.matcher(text);
            while (created.find()) {
                existing.add(created.group(2).toLowerCase());
            }
            Matcher dropped = DROPPED.matcher(text);
            while (dropped.find()) {
                existing.remove(dropped.group(1).toLowerCase());
            }
        });
        Map<String, String> owners = owners();
        assertThat(existing).as("tables without an owner in TableOwnershipTest.OWNED").allMatch(owners::containsKey);
        assertThat(owners.keySet()).as("owned tables the migrations do not create").allMatch(t -> existing.contains(t) || t.equals("event_publication"));
    }

    @Test
    void noModuleNamesAnotherModulesTable() throws IOException {
        Map<String, String> owners = owners();
        Set<String> published = new TreeSet<>();
        PUBLISHED.values().forEach(published::addAll);
        Set<String> crossings = new TreeSet<>();
        for (String module : modules()) {
            for (Path file : moduleFiles(module)) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                for (String sql : file.toString().endsWith(".java") ? strings(text) : List.of(text)) {
                    Matcher named = NAMED.matcher(sql);
                    while (named.find()) {
                        String table = named.group(1).toLowerCase();
                        String owner = owners.get(table);
                        if (owner != null && !owner.equals(module) && !published.contains(table)) {
                            crossings.add(module + " names " + table + " (" + owner + ") in " + MAIN.relativize(file).toString().replace('\\', '/'));
                        }
                    }
                }
            }
        }
        assertThat(crossings).as("SQL naming another module's table: read through its Java API or a view it publishes, "
                + "write through its services").isEmpty();
    }

    @Test
    void aModulesMigrationsCreateOnlyWhatItOwnsOrPublishes() throws IOException {
        Path root = MAIN.resolve("resources/db/migration");
        List<String> strays = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                String module = dir.getFileName().toString();
                assertThat(OWNED).as("a migration folder is named after a module").containsKey(module);
                Set<String> own = new TreeSet<>(OWNED.get(module));
                own.addAll(PUBLISHED.getOrDefault(module, Set.of()));
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Matcher created = CREATED.matcher(Files.readString(f, StandardCharsets.UTF_8));
                        while (created.find()) {
                            if (!own.contains(created.group(2).toLowerCase())) {
                                strays.add(f.getFileName() + " creates " + created.group(2));
                            }
                        }
                    }
                }
            }
        }
        assertThat(strays).isEmpty();
    }

    /** Every application module, those without tables (demo, portal) too. */
    private static List<String> modules() throws IOException {
        try (Stream<Path> dirs = Files.list(MAIN.resolve("java/io/zhida"))) {
            return dirs.filter(Files::isDirectory).map(d -> d.getFileName().toString()).sorted().toList();
        }
    }

    private static Map<String, String> owners() {
        Map<String, String> owners = new TreeMap<>();
        OWNED.forEach((module, tables) -> tables.forEach(t -> assertThat(owners.put(t, module)).as("%s has one owner", t).isNull()));
        PUBLISHED.forEach((module, views) -> views.forEach(v -> owners.put(v, module)));
        return owners;
    }

    private static List<String> strings(String java) {
        List<String> out = new ArrayList<>();
        Matcher m = STRINGS.matcher(java);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }

    private static List<Path> moduleFiles(String module) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path root : List.of(MAIN.resolve("java/io/zhida/" + module), MAIN.resolve("resources/io/zhida/" + module))) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql")).sorted().forEach(files::add);
                }
            }
        }
        return files;
    }

    private static int version(Path migration) {
        Matcher v = Pattern.compile("^V(\\d+)__").matcher(migration.getFileName().toString());
        return v.find() ? Integer.parseInt(v.group(1)) : Integer.MAX_VALUE;
    }

    private static Stream<String> migrations() {
        try {
            List<Path> files = new ArrayList<>();
            for (Path root : List.of(MAIN.resolve("resources/db/migration"), MAIN.resolve("java/db/migration"))) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(Files::isRegularFile).forEach(files::add);
                }
            }
            files.sort(java.util.Comparator.comparingInt(TableOwnershipTest::version)); // V2 before V10, as Flyway runs them
            List<String> texts = new ArrayList<>();
            for (Path f : files) {
                texts.add(Files.readString(f, StandardCharsets.UTF_8));
            }
            return texts.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
