package io.zhida.insight.internal;

import io.zhida.insight.DemandText;
import io.zhida.insight.DemandTextSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The texts of every {@link DemandTextSource} for a period, cut into words. A text's words are kept (by id and content)
 * so that a text is cut once however often it is analysed; the memory is bounded ({@value #CACHED} texts, then it starts
 * again). Each source gives at most {@value #PER_SOURCE} texts a period, the newest.
 */
@Component
public class DemandTexts {

    public static final int PER_SOURCE = 20_000;
    static final int CACHED = 200_000;
    private static final Logger log = LoggerFactory.getLogger(DemandTexts.class);

    private final ObjectProvider<DemandTextSource> sources;
    private final Segmenter segmenter;
    private final Map<String, List<String>> words = new ConcurrentHashMap<>();

    DemandTexts(ObjectProvider<DemandTextSource> sources) {
        this.sources = sources;
        this.segmenter = new Segmenter();
    }

    /** The texts written from {@code from} to {@code to} that {@code keep} admits, newest first, with their words. */
    public Corpus load(LocalDate from, LocalDate to, Predicate<DemandText> keep) {
        List<Corpus.Doc> docs = new ArrayList<>();
        sources.orderedStream().forEach(source -> {
            List<DemandText> texts = source.texts(from, to, PER_SOURCE);
            if (texts.size() >= PER_SOURCE) {
                log.warn("Demand analysis: {} gave {} texts from {} to {}, the newest; older ones are left out", source.label(),
                        texts.size(), from, to);
            }
            texts.stream().filter(keep).forEach(t -> docs.add(new Corpus.Doc(t, wordsOf(t))));
        });
        docs.sort(Comparator.comparing((Corpus.Doc d) -> d.text().date()).thenComparing(d -> d.text().id()).reversed());
        return new Corpus(docs);
    }

    /** The labels of the sources, as the pages name them. */
    public List<String> labels() {
        return sources.orderedStream().map(DemandTextSource::label).toList();
    }

    private List<String> wordsOf(DemandText t) {
        String key = t.id() + "#" + t.text().hashCode();
        List<String> known = words.get(key);
        if (known != null) {
            return known;
        }
        if (words.size() >= CACHED) {
            words.clear();
        }
        List<String> cut = List.copyOf(segmenter.words(t.text()));
        words.put(key, cut);
        return cut;
    }
}
