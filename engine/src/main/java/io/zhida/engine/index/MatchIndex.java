package io.zhida.engine.index;

import io.zhida.engine.rule.Outcome;
import io.zhida.engine.rule.RuleCompiler;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.roaringbitmap.RoaringBitmap;

/**
 * 政策找企业: every published item's condition compiled into a plan over the {@link EnterpriseTable}.
 * Three ways in, all with CEL's three-valued answers:
 * <ul>
 *   <li>{@link #matchEnterprise} — one enterprise (new or changed) against every item;</li>
 *   <li>{@link #matchItem} — one item against every enterprise;</li>
 *   <li>{@link #matchAll} — everything, in parallel.</li>
 * </ul>
 * Enterprises that change after the table was built are kept in an overlay and evaluated row by
 * row until the next rebuild; the table itself is never modified. Thread-safe.
 */
public final class MatchIndex {

    /** One enterprise's result for one item. */
    public record EnterpriseMatch(String item, Outcome outcome) {
    }

    /** Package-private for {@link NearMisses}, which reads a filing's items by id. */
    record Item(String code, PlanNode plan) {
    }

    private static final Map<String, Object> REMOVED = Collections.emptyMap();

    private final EnterpriseTable table;
    private final PlanCompiler compiler;
    private final List<Item> items = new ArrayList<>();
    private final Map<String, Integer> itemIds = new HashMap<>();
    /** What readers of (a) use: the items and their filter, replaced together whenever items change. */
    private record Filing(Item[] items, ItemFilter filter) {
    }

    private volatile Filing filing = new Filing(new Item[0], new ItemFilter());
    private final RoaringBitmap baseRows;
    private final Map<Integer, Map<String, Object>> overlay = new ConcurrentHashMap<>();
    private final Map<String, Integer> addedOrdinals = new ConcurrentHashMap<>();
    private final List<String> addedUsccs = Collections.synchronizedList(new ArrayList<>());
    private volatile RoaringBitmap dirty = new RoaringBitmap();

    public MatchIndex(RuleCompiler rules, EnterpriseTable table) {
        this.table = table;
        this.compiler = new PlanCompiler(rules, table);
        this.baseRows = RoaringBitmap.bitmapOfRange(0, table.size());
    }

    public EnterpriseTable table() {
        return table;
    }

    /** Adds or replaces an item; throws RuleCompilationException for an invalid condition. */
    public synchronized void putItem(String code, String condition) {
        PlanNode plan = compiler.compile(condition);
        Integer old = itemIds.get(code);
        if (old != null) {
            items.set(old, null);
        }
        items.add(new Item(code, plan));
        itemIds.put(code, items.size() - 1);
        refile();
    }

    /** Adds many items and files them once: what a nightly rebuild or start-up uses. */
    public synchronized void putItems(Map<String, String> conditions) {
        conditions.entrySet().parallelStream()
                .map(e -> new Item(e.getKey(), compiler.compile(e.getValue())))
                .toList()
                .forEach(item -> {
                    Integer old = itemIds.get(item.code());
                    if (old != null) {
                        items.set(old, null);
                    }
                    items.add(item);
                    itemIds.put(item.code(), items.size() - 1);
                });
        refile();
    }

    public synchronized void removeItem(String code) {
        Integer id = itemIds.remove(code);
        if (id != null) {
            items.set(id, null);
            refile();
        }
    }

    public synchronized int itemCount() {
        return itemIds.size();
    }

    private void refile() {
        ItemFilter fresh = new ItemFilter();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) != null) {
                fresh.add(i, items.get(i).plan());
            }
        }
        fresh.seal();
        filing = new Filing(items.toArray(Item[]::new), fresh);
    }

    // --- enterprises

    /** Records an enterprise's current values (normalised and enriched); null removes it. */
    public synchronized void updateEnterprise(String uscc, Map<String, Object> values) {
        int ordinal = ordinal(uscc).orElseGet(() -> {
            int next = table.size() + addedUsccs.size();
            addedUsccs.add(uscc);
            addedOrdinals.put(uscc, next);
            return next;
        });
        overlay.put(ordinal, values == null ? REMOVED : Map.copyOf(values));
        RoaringBitmap next = dirty.clone();
        next.add(ordinal);
        dirty = next;
    }

    public java.util.Optional<Integer> ordinal(String uscc) {
        return table.ordinal(uscc).or(() -> java.util.Optional.ofNullable(addedOrdinals.get(uscc)));
    }

    public String uscc(int ordinal) {
        return ordinal < table.size() ? table.uscc(ordinal) : addedUsccs.get(ordinal - table.size());
    }

    /** The values the index holds for the enterprise now, or empty when unknown or removed. */
    public java.util.Optional<Map<String, Object>> values(String uscc) {
        return ordinal(uscc).map(o -> overlay.containsKey(o) ? overlay.get(o) : table.row(o)).filter(v -> v != REMOVED);
    }

    public int overlaySize() {
        return overlay.size();
    }

    // --- the three ways in

    /**
     * (a) Items the enterprise is eligible for or undetermined on, for the given values, as item
     * sets; {@link EnterpriseResult#matches()} names them.
     */
    public EnterpriseResult matchEnterprise(Map<String, Object> values, LocalDate today) {
        Row row = new Row(table, values, today.toString());
        Filing current = filing;
        Item[] snapshot = current.items();
        ItemFilter itemFilter = current.filter();
        ItemFilter.Candidates candidates = itemFilter.candidates(row);
        RoaringBitmap eligible = candidates.eligible();
        RoaringBitmap undetermined = candidates.undetermined();
        // the clauses the bitmaps do not know; many items share them, so each is evaluated once
        Map<PlanNode, Byte> evaluated = new IdentityHashMap<>();
        candidates.partly().forEach((int id) -> {
            byte t = candidates.unknown().contains(id) ? Truth.UNKNOWN : Truth.TRUE;
            for (PlanNode clause : itemFilter.rest(id)) {
                byte c = evaluated.computeIfAbsent(clause, n -> n.test(row));
                if (c == Truth.FALSE) {
                    return;
                }
                t = c == Truth.UNKNOWN ? Truth.UNKNOWN : t;
            }
            (t == Truth.TRUE ? eligible : undetermined).add(id);
        });
        candidates.wholly().forEach((int id) -> {
            byte t = snapshot[id].plan().test(row);
            if (t != Truth.FALSE) {
                (t == Truth.TRUE ? eligible : undetermined).add(id);
            }
        });
        return new EnterpriseResult(eligible, undetermined, id -> snapshot[id].code());
    }

    /**
     * The items the enterprise misses by one step: its values fail exactly one condition (the clauses over
     * one attribute, or one clause the bitmaps do not know) while every other holds or is unknown. An item
     * that is one choice of alternatives is never one step away. See {@link NearMisses} for how.
     */
    public List<String> nearMisses(Map<String, Object> values, LocalDate today) {
        Row row = new Row(table, values, today.toString());
        Filing current = filing;
        return NearMisses.find(current.items(), current.filter(), row);
    }

    /** One enterprise's items: ids of eligible and undetermined items, and their codes on demand. */
    public record EnterpriseResult(RoaringBitmap eligible, RoaringBitmap undetermined, java.util.function.IntFunction<String> codes) {

        public int size() {
            return eligible.getCardinality() + undetermined.getCardinality();
        }

        public List<EnterpriseMatch> matches() {
            List<EnterpriseMatch> matches = new ArrayList<>(size());
            eligible.forEach((int id) -> matches.add(new EnterpriseMatch(codes.apply(id), Outcome.ELIGIBLE)));
            undetermined.forEach((int id) -> matches.add(new EnterpriseMatch(codes.apply(id), Outcome.UNDETERMINED)));
            return matches;
        }
    }

    /** (b) Every enterprise eligible for, or undetermined on, the item. */
    public ItemMatch matchItem(String code, LocalDate today) {
        Item item;
        synchronized (this) {
            Integer id = itemIds.get(code);
            if (id == null) {
                throw new IllegalArgumentException("no such item in the index: " + code);
            }
            item = items.get(id);
        }
        return match(item.plan(), new SelectContext(table, today.toString(), domain(), false));
    }

    /**
     * (b) for a condition that is not an item — a draft in the policy sandbox: compiled, matched, forgotten.
     * Throws RuleCompilationException for an invalid condition.
     */
    public ItemMatch matchCondition(String condition, LocalDate today) {
        return match(compiler.compile(condition), new SelectContext(table, today.toString(), domain(), false));
    }

    /** The base rows the table still answers for: all but the changed ones. */
    private RoaringBitmap domain() {
        RoaringBitmap changed = dirty;
        return changed.isEmpty() ? baseRows : RoaringBitmap.andNot(baseRows, changed);
    }

    private ItemMatch match(PlanNode plan, SelectContext ctx) {
        RoaringBitmap changed = dirty;
        String today = ctx.today;
        Selection s = Logic.select(plan, ctx, ctx.all);
        RoaringBitmap eligible = s.whereTrue().clone(); // may be a shared leaf's result
        RoaringBitmap undetermined = s.whereUnknown().clone();
        changed.forEach((int ordinal) -> {
            Map<String, Object> values = overlay.get(ordinal);
            if (values != null && values != REMOVED) {
                byte t = plan.test(new Row(table, values, today));
                if (t == Truth.TRUE) {
                    eligible.add(ordinal);
                } else if (t == Truth.UNKNOWN) {
                    undetermined.add(ordinal);
                }
            }
        });
        return new ItemMatch(eligible, undetermined);
    }

    /** (c) Every item against every enterprise, items in parallel. */
    public Map<String, ItemMatch> matchAll(LocalDate today) {
        List<Item> snapshot;
        synchronized (this) {
            snapshot = items.stream().filter(java.util.Objects::nonNull).toList();
        }
        SelectContext ctx = new SelectContext(table, today.toString(), domain(), true);
        Map<String, ItemMatch> results = new ConcurrentHashMap<>();
        snapshot.parallelStream().forEach(item -> results.put(item.code(), match(item.plan(), ctx)));
        Map<String, ItemMatch> ordered = new LinkedHashMap<>();
        snapshot.forEach(item -> ordered.put(item.code(), results.get(item.code())));
        return ordered;
    }
}
