package io.zhida.bench;

import java.util.List;
import java.util.Random;

/**
 * The loaded platform as its people use it, each figure one step of the report: 我的政策 (page and API),
 * an item's eligible enterprises, the sandbox, the three rates, the cockpit, and a profile change until
 * 我的政策 shows it. Each page is timed in a signed-in session of the role that uses it.
 */
final class PlatformPages {

    /** Timed calls for the heavy pages, which take seconds rather than milliseconds. */
    private static final int FEW = 10;

    private final PlatformRun run;
    private final EnterpriseUsers users;
    private final ItemLibrary library;
    private final int samples;
    private final Random random = new Random(7);

    PlatformPages(PlatformRun run, EnterpriseUsers users, ItemLibrary library, int samples) {
        this.run = run;
        this.users = users;
        this.library = library;
        this.samples = samples;
    }

    void measure() {
        myPolicies();
        itemFirstPage();
        sandbox();
        ratesAndCockpit();
        run.step("profile_change_to_my_policies_ms", () -> new ProfileChangeProbe(run, users).measure(library));
    }

    /** 我的政策: the page and the API, the enterprise users taking turns. */
    private void myPolicies() {
        run.step("my_policies_page_ms", () -> LatencySampler.timed(samples, i -> {
            HttpResponse r = users.session(i % users.count()).get("/my/policies").expect(200, "我的政策");
            MyPolicies.fromPage(r.body());
            return r;
        }));
        run.step("my_policies_api_ms", () -> {
            if (!users.matchesEndpoint()) {
                run.note("GET /api/v1/enterprises/{uscc}/matches is not there: 我的政策 API not measured");
                return null;
            }
            return LatencySampler.timed(samples, i -> run.http().get(MyPolicies.apiPath(users.uscc(i % users.count())),
                    users.token(i % users.count())).expect(200, "matches API"));
        });
    }

    /** An item's first page of eligible enterprises, for the department, items picked at random. */
    private void itemFirstPage() {
        PlatformHttp.Session reviewer = run.http().signIn(PlatformSetup.REVIEWER, PlatformSetup.PASSWORD);
        List<BenchItem> items = library.published();
        run.step("item_first_page_ms", () -> LatencySampler.timed(samples, i -> reviewer.get("/matching/items/" + items.get(random.nextInt(items.size())).code())
                .expectPage("match-total", "an item's eligible enterprises")));
    }

    /** The sandbox for the draft item: its page, then runs of the draft against all enterprises. */
    private void sandbox() {
        PlatformHttp.Session author = run.http().signIn(PlatformSetup.AUTHOR, PlatformSetup.PASSWORD);
        BenchItem draft = library.draft();
        run.step("sandbox_ms", () -> {
            author.get("/matching/sandbox?item=" + draft.code()).expect(200, "sandbox page");
            return LatencySampler.few(() -> author.postForm("/matching/sandbox", List.of("item", draft.code(), "conditionA", draft.cel(),
                    "formulaA", ItemLibrary.formula(draft), "capA", String.valueOf(ItemLibrary.cap(draft)), "budget", "50000000"))
                    .expectPage("sandbox-results", "sandbox run"), 1, FEW / 2);
        });
    }

    /** The three rates and the cockpit. */
    private void ratesAndCockpit() {
        PlatformHttp.Session evaluator = run.http().signIn(PlatformSetup.EVALUATOR, PlatformSetup.PASSWORD);
        PlatformHttp.Session leader = run.http().signIn(PlatformSetup.LEADER, PlatformSetup.PASSWORD);
        run.step("three_rates_page_ms", () -> LatencySampler.few(() -> evaluator.get("/evaluation/rates").expectPage("city-rates", "三率"), 1, FEW));
        run.step("cockpit_page_ms", () -> LatencySampler.few(() -> leader.get("/cockpit").expectPage("kpis", "驾驶舱"), 1, FEW));
    }
}
