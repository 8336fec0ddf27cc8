package io.zhida.insight.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Topics, deterministically and so that each can be explained in one sentence. The candidates are the
 * {@value #CANDIDATES} hot words in most texts (each in at least {@value #MIN_TOGETHER}). Taken from the most frequent
 * down, a word not yet in a topic is a seed; the other free candidates that occur with it in at least
 * {@value #MIN_TOGETHER} texts and in at least half of the texts of the rarer of the two join it, those found with it
 * most often first; the topic lists up to {@value #MAX_WORDS} words, and a word that qualified beyond them is taken too
 * (it seeds no topic of its own, which would be the same concern again). A seed nobody joins makes no topic. At most
 * {@value #MAX_TOPICS} topics. The name puts the words in the order they usually come in the topic's texts.
 */
public final class TopicGrouping {

    public static final int CANDIDATES = 30;
    public static final int MIN_TOGETHER = 2;
    public static final double MIN_SHARE = 0.5;
    public static final int MAX_WORDS = 6;
    public static final int MAX_TOPICS = 8;

    /** A topic's words (the seed first) and, for each word after the seed, its texts together with the seed. */
    public record Group(String name, List<String> words, List<Integer> together) {
    }

    private TopicGrouping() {
    }

    public static List<Group> groups(Corpus corpus) {
        Map<String, Integer> counts = corpus.counts();
        List<String> candidates = counts.entrySet().stream().filter(e -> e.getValue() >= MIN_TOGETHER).sorted(Corpus.RANK)
                .limit(CANDIDATES).map(Map.Entry::getKey).toList();
        Map<String, Map<String, Integer>> together = together(corpus, new HashSet<>(candidates));
        Set<String> taken = new HashSet<>();
        List<Group> groups = new ArrayList<>();
        for (String seed : candidates) {
            if (taken.contains(seed) || groups.size() >= MAX_TOPICS) {
                continue;
            }
            Map<String, Integer> with = together.getOrDefault(seed, Map.of());
            List<String> qualified = candidates.stream().filter(w -> !w.equals(seed) && !taken.contains(w))
                    .filter(w -> joins(with.getOrDefault(w, 0), counts.get(seed), counts.get(w)))
                    .sorted(Comparator.comparing((String w) -> -with.get(w)).thenComparing(w -> -counts.get(w)).thenComparing(w -> w))
                    .toList();
            if (qualified.isEmpty()) {
                continue;
            }
            List<String> members = qualified.subList(0, Math.min(qualified.size(), MAX_WORDS - 1));
            List<String> words = new ArrayList<>(List.of(seed));
            words.addAll(members);
            taken.add(seed);
            taken.addAll(qualified);
            groups.add(new Group(name(corpus, words), words, members.stream().map(with::get).toList()));
        }
        return groups;
    }

    static boolean joins(int together, int seedCount, int wordCount) {
        return together >= MIN_TOGETHER && together >= MIN_SHARE * Math.min(seedCount, wordCount);
    }

    /** For each pair of candidates, in how many texts both occur. */
    private static Map<String, Map<String, Integer>> together(Corpus corpus, Set<String> candidates) {
        Map<String, Map<String, Integer>> pairs = new HashMap<>();
        for (Corpus.Doc d : corpus.docs()) {
            List<String> in = d.words().stream().filter(candidates::contains).toList();
            for (String a : in) {
                for (String b : in) {
                    if (!a.equals(b)) {
                        pairs.computeIfAbsent(a, x -> new HashMap<>()).merge(b, 1, Integer::sum);
                    }
                }
            }
        }
        return pairs;
    }

    /**
     * The words in the order they usually come in the texts of the topic: by the median of each word's place among the
     * topic's words in those texts (then the mean, then the word), joined by ·.
     */
    static String name(Corpus corpus, List<String> words) {
        Map<String, List<Integer>> places = new HashMap<>();
        for (Corpus.Doc d : corpus.matching(new Corpus.Selector(words))) {
            List<String> present = d.words().stream().filter(words::contains).toList();
            for (int i = 0; i < present.size(); i++) {
                places.computeIfAbsent(present.get(i), x -> new ArrayList<>()).add(i);
            }
        }
        Comparator<String> usual = Comparator.comparingDouble((String w) -> median(places.get(w)))
                .thenComparingDouble(w -> places.getOrDefault(w, List.of()).stream().mapToInt(Integer::intValue).average().orElse(Double.MAX_VALUE))
                .thenComparing(w -> w);
        return String.join("·", words.stream().sorted(usual).toList());
    }

    private static double median(List<Integer> values) {
        if (values == null || values.isEmpty()) {
            return Double.MAX_VALUE;
        }
        List<Integer> sorted = values.stream().sorted().toList();
        return sorted.get((sorted.size() - 1) / 2);
    }
}
