package io.zhida.insight.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Cuts a text into the words that can be hot words, with the smartcn analyzer the policy search uses. smartcn cuts a
 * word its dictionary does not know into single characters (稳岗 → 稳 岗, 加计 → 加 计); adjacent single characters are
 * joined again, the function characters among them (的, 了, 请 …) cutting the run (的加计 → 加计). What is left out:
 * single characters, words of digits or punctuation only, words longer than {@value #MAX_WORD} characters, and the stop
 * words ({@code stop-words.txt}: function words and words every enterprise writes, 企业, 政策, 希望, 问题 …).
 * Thread-safe: one instance serves every request.
 */
public final class Segmenter {

    public static final int MAX_WORD = 12;
    /** The characters of a text analysed; the rest is left out (texts are at most 2,000 characters where they are written). */
    public static final int MAX_TEXT = 4_000;
    /** Single characters that are no part of a word of their own: a run holding one is not joined. */
    private static final String FUNCTION_CHARS = "的了着过得地之其此该各每并但而又再才只已将让使由按如若则在是和与及或中后前请给出能太更很不未也都就还把被对向从为以于"
            + "等个年月日要会可有无吗呢啊吧呀哦嘛么这那哪谁您你我他她它们多少些次号";

    private final Analyzer analyzer = new SmartChineseAnalyzer();
    private final Set<String> stopWords;

    public Segmenter() {
        this(load());
    }

    Segmenter(Set<String> stopWords) {
        this.stopWords = Set.copyOf(stopWords);
    }

    /** The text's words in the order they come, repeats included. */
    public List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return words;
        }
        String t = text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
        StringBuilder run = new StringBuilder();
        int runEnd = -1;
        try (TokenStream tokens = analyzer.tokenStream("text", t)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                String w = term.toString();
                boolean single = w.length() == 1 && Character.UnicodeScript.of(w.charAt(0)) == Character.UnicodeScript.HAN;
                if (single && (run.isEmpty() || offset.startOffset() == runEnd)) {
                    run.append(w);
                    runEnd = offset.endOffset();
                    continue;
                }
                flush(run, words);
                if (single) {
                    run.append(w);
                    runEnd = offset.endOffset();
                } else {
                    keep(w, words);
                }
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        flush(run, words);
        return words;
    }

    /** Whether this can be a hot word at all (also checks a word someone asks for). */
    public boolean isWord(String w) {
        return w.codePointCount(0, w.length()) >= 2 && w.length() <= MAX_WORD && w.codePoints().anyMatch(Character::isLetter)
                && !stopWords.contains(w);
    }

    public boolean isStopWord(String w) {
        return stopWords.contains(w);
    }

    /** A run of single characters: the pieces between its function characters, each of two characters or more, as words. */
    private void flush(StringBuilder run, List<String> words) {
        int start = 0;
        for (int i = 0; i <= run.length(); i++) {
            if (i == run.length() || FUNCTION_CHARS.indexOf(run.charAt(i)) >= 0) {
                if (i - start >= 2) {
                    keep(run.substring(start, i), words);
                }
                start = i + 1;
            }
        }
        run.setLength(0);
    }

    private void keep(String w, List<String> words) {
        if (isWord(w)) {
            words.add(w);
        }
    }

    static Set<String> load() {
        try (InputStream in = Segmenter.class.getResourceAsStream("/io/zhida/insight/stop-words.txt")) {
            if (in == null) {
                throw new IllegalStateException("io/zhida/insight/stop-words.txt is missing");
            }
            Set<String> words = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    words.addAll(List.of(l.split("\\s+")));
                }
            }
            return words;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
