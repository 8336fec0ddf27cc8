package io.zhida.notify.internal;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.enterprise.EnterpriseProfile;
import io.zhida.enterprise.EnterpriseProfiles;
import io.zhida.matching.MatchesFound.Notice;
import io.zhida.notify.Channel;
import io.zhida.notify.internal.InboxRows.Bundle;
import io.zhida.notify.internal.InboxRows.Content;
import io.zhida.notify.internal.InboxRows.Pair;
import io.zhida.notify.internal.OutboundRows.Queued;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * One 政策包 per enterprise and business day. The day's first new match starts the enterprise's message
 * for the day; later ones join it (title, body and items rewritten) as long as it is unread; once read, the
 * next starts a new one. The SMS and e-mail go once a day, queued with the day's first 政策包; while they have
 * not gone, a growing bundle updates their text instead of queueing another. Matching announces each
 * (enterprise, item) once (its announced sets); the 政策包 that lists a pair is its announcement (view announced_pair). Works on thousands of enterprises per statement, so a bulk
 * import's flood costs a handful of statements per 2,000 enterprises.
 */
@Component
public class PolicyBundles {

    public static final String SIGNATURE = "【惠企直达】";
    static final int CHUNK = 2_000;
    private static final int TITLE_LENGTH = 200;
    private static final int NAMED = 20;

    /** What an announcement did: the 政策包 it started or grew, and how many new items they got. */
    public record Announced(List<Long> messageIds, int started, int items, Map<String, List<String>> claimed) {

        static final Announced NONE = new Announced(List.of(), 0, 0, Map.of());

        Announced plus(Announced other) {
            List<Long> ids = new ArrayList<>(messageIds);
            ids.addAll(other.messageIds);
            Map<String, List<String>> all = new java.util.LinkedHashMap<>(claimed);
            all.putAll(other.claimed);
            return new Announced(ids, started + other.started, items + other.items, all);
        }
    }

    private final InboxRows inbox;
    private final OutboundRows outbound;
    private final PolicyCatalog catalog;
    private final EnterpriseProfiles profiles;

    PolicyBundles(InboxRows inbox, OutboundRows outbound, PolicyCatalog catalog, EnterpriseProfiles profiles) {
        this.inbox = inbox;
        this.outbound = outbound;
        this.catalog = catalog;
        this.profiles = profiles;
    }

    /** Announces the new items of these enterprises into their 政策包 of the business day of {@code now}; call in a transaction. */
    public Announced announce(List<Notice> notices, Instant now) {
        LocalDate day = ChannelLimits.businessDate(now);
        Map<String, String> names = new HashMap<>();
        Map<String, LinkedHashSet<String>> byEnterprise = new TreeMap<>();
        for (Notice notice : notices) {
            byEnterprise.computeIfAbsent(notice.uscc(), u -> new LinkedHashSet<>()).addAll(notice.itemCodes());
        }
        Announced announced = Announced.NONE;
        List<Pair> chunk = new ArrayList<>();
        int enterprises = 0;
        for (Map.Entry<String, LinkedHashSet<String>> e : byEnterprise.entrySet()) {
            e.getValue().forEach(code -> chunk.add(new Pair(e.getKey(), code)));
            if (++enterprises % CHUNK == 0) {
                announced = announced.plus(announceChunk(chunk, day, now, names));
                chunk.clear();
            }
        }
        return chunk.isEmpty() ? announced : announced.plus(announceChunk(chunk, day, now, names));
    }

    private Announced announceChunk(List<Pair> pairs, LocalDate day, Instant now, Map<String, String> names) {
        Map<String, List<String>> wanted = new TreeMap<>();
        pairs.forEach(p -> wanted.computeIfAbsent(p.uscc(), u -> new ArrayList<>()).add(p.itemCode()));
        Map<String, Bundle> open = new HashMap<>();
        Set<String> started = new HashSet<>();
        Set<String> hadOneToday = new HashSet<>();
        findOrStart(wanted, day, now, names, open, started, hadOneToday);

        Set<Pair> claimed = new HashSet<>();
        open.values().stream().filter(b -> !started.contains(b.uscc()))
                .forEach(b -> wanted.get(b.uscc()).stream().filter(code -> !b.itemCodes().contains(code))
                        .forEach(code -> claimed.add(new Pair(b.uscc(), code)))); // already in the open bundle: nothing new
        started.forEach(u -> wanted.get(u).forEach(code -> claimed.add(new Pair(u, code))));
        List<Long> emptyStarted = new ArrayList<>();
        List<Content> rewritten = new ArrayList<>();
        Map<Long, String> startedSms = new HashMap<>();
        Map<Long, String> grownSms = new HashMap<>();
        List<Long> touched = new ArrayList<>();
        Map<String, List<String>> claimedByEnterprise = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : wanted.entrySet()) {
            Bundle bundle = open.get(e.getKey());
            List<String> got = e.getValue().stream().filter(code -> claimed.contains(new Pair(e.getKey(), code))).toList();
            if (got.isEmpty()) {
                if (started.contains(e.getKey())) {
                    emptyStarted.add(bundle.id()); // another delivery announced them all first
                }
                continue;
            }
            touched.add(bundle.id());
            claimedByEnterprise.put(e.getKey(), got);
            List<String> all = new ArrayList<>(started.contains(e.getKey()) ? List.of() : bundle.itemCodes());
            all.addAll(got);
            List<String> itemNames = names(all, names);
            if (!all.equals(bundle.itemCodes())) {
                rewritten.add(content(bundle.id(), all, itemNames));
            }
            if (!started.contains(e.getKey())) {
                grownSms.put(bundle.id(), sms(itemNames));
            } else if (!hadOneToday.contains(e.getKey())) {
                startedSms.put(bundle.id(), sms(itemNames));
            }
        }
        inbox.deleteAll(emptyStarted);
        inbox.rewrite(rewritten);
        queue(open, startedSms, now);
        outbound.retext(grownSms);
        return new Announced(touched, started.size() - emptyStarted.size(), claimed.size(), claimedByEnterprise);
    }

    /**
     * Each enterprise's open 政策包 of the day, starting (already written with the wanted items) those that have
     * none. A concurrent delivery may start one in between: the key makes this call leave it out, and the next
     * round finds it.
     */
    private void findOrStart(Map<String, List<String>> wanted, LocalDate day, Instant now, Map<String, String> names,
                             Map<String, Bundle> open, Set<String> started, Set<String> hadOneToday) {
        Set<String> remaining = new TreeSet<>(wanted.keySet());
        for (int round = 0; !remaining.isEmpty(); round++) {
            if (round == 3) {
                throw new IllegalStateException("no open 政策包 for " + remaining.size() + " enterprises after three rounds");
            }
            for (Bundle b : inbox.ofTheDay(remaining, day)) {
                hadOneToday.add(b.uscc());
                if (b.open()) {
                    open.put(b.uscc(), b);
                }
            }
            Map<String, Content> starting = new TreeMap<>();
            remaining.stream().filter(u -> !open.containsKey(u))
                    .forEach(u -> starting.put(u, content(0, wanted.get(u), names(wanted.get(u), names))));
            inbox.start(starting, day, now).forEach((uscc, id) -> {
                open.put(uscc, new Bundle(id, uscc, starting.get(uscc).itemCodes(), true));
                started.add(uscc);
            });
            remaining.removeIf(open::containsKey);
        }
    }

    private List<String> names(List<String> codes, Map<String, String> names) {
        return codes.stream().map(code -> names.computeIfAbsent(code, this::name)).toList();
    }

    private static Content content(long id, List<String> codes, List<String> itemNames) {
        return new Content(id, title(itemNames), body(itemNames), codes);
    }

    /** SMS and e-mail for the day's first 政策包 of each enterprise that has the address and did not mute the channel. */
    private void queue(Map<String, Bundle> bundles, Map<Long, String> texts, Instant now) {
        if (texts.isEmpty()) {
            return;
        }
        Map<String, Long> messageOf = new HashMap<>();
        bundles.values().stream().filter(b -> texts.containsKey(b.id())).forEach(b -> messageOf.put(b.uscc(), b.id()));
        Set<String> muted = outbound.mutedPairs(messageOf.keySet());
        List<Queued> queued = new ArrayList<>();
        for (EnterpriseProfile p : profiles.findAll(messageOf.keySet())) {
            long id = messageOf.get(p.uscc());
            if (p.contactPhone() != null && !p.contactPhone().isBlank() && !muted.contains(p.uscc() + " " + Channel.SMS)) {
                queued.add(new Queued(id, Channel.SMS, p.contactPhone(), texts.get(id)));
            }
            if (p.contactEmail() != null && !p.contactEmail().isBlank() && !muted.contains(p.uscc() + " " + Channel.EMAIL)) {
                queued.add(new Queued(id, Channel.EMAIL, p.contactEmail(), texts.get(id)));
            }
        }
        outbound.queueAll(queued, true, now);
    }

    private String name(String code) {
        return catalog.publishedName(code).orElse(code);
    }

    static String title(List<String> names) {
        String title = names.size() == 1 ? "您可能符合「" + names.get(0) + "」" : "为您匹配到 " + names.size() + " 项惠企政策（政策包）";
        return title.length() <= TITLE_LENGTH ? title : title.substring(0, TITLE_LENGTH - 1) + "…";
    }

    /** Names the first {@value #NAMED} items (a newly registered enterprise may match hundreds at once); 我的政策 lists them all. */
    static String body(List<String> names) {
        String listed = String.join("\n· ", names.subList(0, Math.min(NAMED, names.size())));
        String more = names.size() > NAMED ? "\n……等共 " + names.size() + " 项" : "";
        return "根据贵单位在平台上的数据，以下政策的条件您可能已经满足：\n· " + listed + more
                + "\n请在“我的政策”中查看条件逐条核对结果和预计金额。";
    }

    static String sms(List<String> names) {
        String what = names.size() == 1 ? "您可能符合「" + names.get(0) + "」" : "为您匹配到" + names.size() + "项惠企政策";
        return SIGNATURE + what + "，请登录惠企政策直达平台“我的政策”查看。";
    }
}
