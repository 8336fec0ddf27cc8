package io.zhida.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The enterprise users the bench works as, each bound to one enterprise, with their browser sessions and
 * API tokens by index. Also knows whether the platform has the matches API, which the bench prefers to
 * the 我的政策 page for watching what an enterprise sees.
 */
final class EnterpriseUsers {

    private static final int COUNT = 10;

    private final PlatformRun run;
    private List<String> chosen = List.of();
    private final List<PlatformHttp.Session> sessions = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();
    private boolean matchesEndpoint = true;

    EnterpriseUsers(PlatformRun run) {
        this.run = run;
    }

    /**
     * A spread of enterprises for the enterprise users: the sample ordered by how many items they have,
     * one from each tenth, so both light and heavy 我的政策 pages are in the figures. Adds
     * enterprise_users to the report.
     */
    void choose(List<String> sample) {
        Map<String, Integer> sizes = itemCounts(sample);
        List<String> ordered = matchesEndpoint
                ? sample.stream().sorted(Comparator.comparing((String u) -> sizes.get(u)).thenComparing(u -> u)).toList() : sample;
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < COUNT && i < ordered.size(); i++) {
            picked.add(ordered.get((int) ((i + 0.5) * ordered.size() / COUNT)));
        }
        Map<String, Object> users = new LinkedHashMap<>();
        users.put("count", picked.size());
        if (matchesEndpoint) {
            users.put("items_each", picked.stream().map(sizes::get).toList());
            users.put("sample_mean_items", Latencies.round(sizes.values().stream().mapToInt(Integer::intValue).average().orElse(0)));
            users.put("sample_max_items", sizes.values().stream().mapToInt(Integer::intValue).max().orElse(0));
        }
        run.put("enterprise_users", users);
        chosen = picked;
    }

    /** How many items each enterprise of the sample matches; stops (and turns to the page) if there is no matches API. */
    private Map<String, Integer> itemCounts(List<String> sample) {
        Map<String, Integer> sizes = new HashMap<>();
        for (String uscc : sample) {
            HttpResponse r = run.http().get(MyPolicies.apiPath(uscc), run.adminToken());
            if (r.missingEndpoint()) {
                matchesEndpoint = false;
                run.note("GET /api/v1/enterprises/{uscc}/matches is not there: enterprise users picked evenly from the sample");
                break;
            }
            sizes.put(uscc, MyPolicies.fromApi(r.expect(200, "matches of " + uscc).body()).size());
        }
        return sizes;
    }

    /** An account for each chosen enterprise, signed in on the pages and holding an API token. */
    void create(PlatformSetup setup) {
        PlatformHttp http = run.http();
        for (int i = 0; i < chosen.size(); i++) {
            String username = String.format("bench-ent-%02d", i + 1);
            setup.enterpriseUser(username, chosen.get(i));
            sessions.add(http.signIn(username, PlatformSetup.PASSWORD));
            tokens.add(http.token(username, PlatformSetup.PASSWORD));
        }
    }

    int count() {
        return chosen.size();
    }

    String uscc(int i) {
        return chosen.get(i);
    }

    PlatformHttp.Session session(int i) {
        return sessions.get(i);
    }

    String token(int i) {
        return tokens.get(i);
    }

    boolean matchesEndpoint() {
        return matchesEndpoint;
    }

    /** What enterprise user i sees in 我的政策 now. */
    MyPolicies.View view(int i) {
        if (matchesEndpoint) {
            return MyPolicies.fromApi(run.http().get(MyPolicies.apiPath(chosen.get(i)), tokens.get(i)).expect(200, "matches API").body());
        }
        return MyPolicies.fromPage(sessions.get(i).get("/my/policies").expect(200, "我的政策").body());
    }
}
