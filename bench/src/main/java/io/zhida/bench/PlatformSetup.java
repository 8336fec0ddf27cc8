package io.zhida.bench;

import io.zhida.datagen.DemoCity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * What an administrator sets up on a new platform, through the administrator pages: the city's regions
 * and departments (the demo city's, which the generated enterprises and items refer to) and the staff
 * accounts the bench signs in as.
 */
final class PlatformSetup {

    static final String PASSWORD = "bench-Passw0rd-2026";
    static final String AUTHOR = "bench-author";
    static final String REVIEWER = "bench-reviewer";
    static final String EVALUATOR = "bench-evaluator";
    static final String LEADER = "bench-leader";

    private final PlatformHttp http;
    private final PlatformHttp.Session admin;
    private final String adminToken;

    PlatformSetup(PlatformHttp http, PlatformHttp.Session admin, String adminToken) {
        this.http = http;
        this.admin = admin;
        this.adminToken = adminToken;
    }

    void organisations() {
        for (DemoCity.Region r : DemoCity.regions()) {
            saved(admin.postForm("/admin/regions", List.of("code", r.code(), "name", r.name(),
                    "parentCode", r.parentCode() == null ? "" : r.parentCode(), "level", r.parentCode() == null ? "CITY" : "COUNTY")),
                    "/admin/regions", "region " + r.code());
        }
        for (DemoCity.Department d : DemoCity.departments()) {
            saved(admin.postForm("/admin/departments", List.of("code", d.code(), "name", d.name(), "regionCode", d.regionCode(),
                    "kind", d.kind(), "active", "true")), "/admin/departments", "department " + d.code());
        }
    }

    /** The staff the bench works as: an author and a reviewer of 市经信局, an evaluation officer, a city leader. */
    void staff() {
        Map<String, Long> departments = departmentIds();
        user(AUTHOR, "基准测试政策编制员", "AUTHOR", null, departments.get("C-JXJ"), null);
        user(REVIEWER, "基准测试审核员", "REVIEWER", null, departments.get("C-JXJ"), null);
        user(EVALUATOR, "基准测试督查员", "EVALUATOR", null, departments.get("C-YSHJ"), null);
        user(LEADER, "基准测试市领导", "LEADER", DemoCity.CITY_CODE, null, null);
    }

    void enterpriseUser(String username, String uscc) {
        user(username, "企业办事员" + username.substring(username.length() - 2), "ENTERPRISE", null, null, uscc);
    }

    private void user(String username, String name, String role, String region, Long departmentId, String uscc) {
        List<String> form = new ArrayList<>(List.of("username", username, "displayName", name, "password", PASSWORD, "roles", role));
        if (region != null) {
            form.addAll(List.of("regionCode", region));
        }
        if (departmentId != null) {
            form.addAll(List.of("departmentId", departmentId.toString()));
        }
        if (uscc != null) {
            form.addAll(List.of("enterpriseUscc", uscc));
        }
        saved(admin.postForm("/admin/users", form), "/admin/users", "user " + username);
    }

    private Map<String, Long> departmentIds() {
        JsonNode list = Jsons.read(http.get("/api/v1/admin/departments", adminToken).expect(200, "departments").body());
        Map<String, Long> ids = new HashMap<>();
        list.forEach(d -> ids.put(d.path("code").asString(), d.path("id").asLong()));
        return ids;
    }

    /** The administrator pages answer a saved form with a redirect to the list, and an invalid one with the form and its errors. */
    private static void saved(HttpResponse r, String list, String what) {
        if (r.status() != 302 || r.location() == null || !r.location().endsWith(list)) {
            throw new IllegalStateException("saving " + what + " failed: HTTP " + r.status() + " " + r.snippet());
        }
    }
}
