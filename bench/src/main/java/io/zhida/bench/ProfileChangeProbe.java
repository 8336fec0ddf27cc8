package io.zhida.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Flips one enterprise's 失信 flag through the profile API, back and forth, and each time times how long
 * until its 我的政策 no longer shows (or again shows) the items that exclude dishonest enterprises.
 */
final class ProfileChangeProbe {

    private static final int CHANGES = 6;
    /** How long a change may take to show before the bench gives up on it (and counts it as this long). */
    private static final long GIVE_UP_NANOS = 30_000_000_000L;

    /** The enterprise user whose enterprise is flipped, and the items that come and go with the flag. */
    private record Probe(int user, Set<String> flipped) {
    }

    private final PlatformRun run;
    private final EnterpriseUsers users;

    ProfileChangeProbe(PlatformRun run, EnterpriseUsers users) {
        this.run = run;
        this.users = users;
    }

    /** The spread of the change times in ms (null if no enterprise fits); adds profile_change to the report. */
    Object measure(ItemLibrary library) {
        Set<String> excluding = library.published().stream().filter(ItemLibrary::excludesDishonest).map(BenchItem::code).collect(Collectors.toSet());
        Probe probe = findProbe(excluding);
        if (probe == null) {
            run.note("no chosen enterprise was eligible for an item that excludes dishonest enterprises: profile change not measured");
            return null;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("enterprise", users.uscc(probe.user()));
        detail.put("items_that_change", probe.flipped().size());
        detail.put("observed_via", users.matchesEndpoint() ? "matches API" : "我的政策 page");
        Latencies changes = new Latencies();
        Latencies writes = new Latencies();
        int timeouts = 0;
        for (int k = 0; k < CHANGES; k++) {
            long nanos = untilSeen(probe, k % 2 == 0, writes);
            if (nanos < 0) {
                timeouts++;
                changes.add(GIVE_UP_NANOS);
            } else {
                changes.add(nanos);
            }
            run.app().waitQuiet(Duration.ofMinutes(5), "a profile change");
        }
        MyPolicies.View page = MyPolicies.fromPage(users.session(probe.user()).get("/my/policies?all=true").expect(200, "我的政策").body());
        detail.put("page_agrees_at_end", page.eligible().containsAll(probe.flipped()));
        detail.put("profile_write_ms", writes.spread(1e6));
        detail.put("timeouts_30s", timeouts);
        run.put("profile_change", detail);
        return changes.spread(1e6);
    }

    /** The last chosen enterprise (the heaviest pages) that is honest and eligible for some item that excludes the dishonest. */
    private Probe findProbe(Set<String> excluding) {
        for (int i = users.count() - 1; i >= 0; i--) {
            JsonNode profile = Jsons.read(run.http().get("/api/v1/enterprises/" + users.uscc(i), run.adminToken()).expect(200, "profile").body());
            if (!"false".equals(attribute(profile, "dishonest"))) {
                continue;
            }
            Set<String> mine = users.view(i).eligible().stream().filter(excluding::contains).collect(Collectors.toSet());
            if (!mine.isEmpty()) {
                return new Probe(i, mine);
            }
        }
        return null;
    }

    /** Writes the flag, then watches 我的政策 until it shows the change: nanoseconds from the write, or -1 if it gave up. */
    private long untilSeen(Probe probe, boolean dishonest, Latencies writes) {
        Set<String> codes = probe.flipped();
        Predicate<MyPolicies.View> updated = dishonest ? v -> codes.stream().noneMatch(v.eligible()::contains)
                : v -> v.eligible().containsAll(codes);
        long t0 = System.nanoTime();
        HttpResponse write = run.http().postJson("/api/v1/enterprises?source=" + URLEncoder.encode("基准测试", StandardCharsets.UTF_8),
                run.adminToken(), "{\"uscc\":\"" + users.uscc(probe.user()) + "\",\"dishonest\":" + dishonest + "}").expect(200, "profile change");
        writes.add(write.nanos());
        long seen = 0;
        while (seen == 0 && System.nanoTime() - t0 < GIVE_UP_NANOS) {
            if (updated.test(users.view(probe.user()))) {
                seen = System.nanoTime();
            }
        }
        return seen == 0 ? -1 : seen - t0;
    }

    /** An attribute of the profile, whether it nests them under "attributes" or not; null when it has no value. */
    private static String attribute(JsonNode profile, String name) {
        JsonNode attributes = profile.path("attributes");
        JsonNode value = attributes.isMissingNode() ? profile.path(name) : attributes.path(name);
        return value.isMissingNode() || value.isNull() ? null : value.asString();
    }
}
