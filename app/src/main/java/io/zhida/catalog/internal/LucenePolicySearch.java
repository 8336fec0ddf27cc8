package io.zhida.catalog.internal;

import io.zhida.catalog.PolicyCatalog;
import io.zhida.catalog.PolicyDocument;
import io.zhida.catalog.PolicyDocumentSaved;
import io.zhida.catalog.PolicyItem;
import io.zhida.catalog.PolicyItemAbolished;
import io.zhida.catalog.PolicyItemPublished;
import io.zhida.catalog.PolicySearch;
import io.zhida.identity.Organisations;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleHTMLEncoder;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * An in-memory Lucene index of the online items (each with its document's title and text and its
 * interpretation), rebuilt when an item is published or abolished. A city's library (hundreds to a
 * couple of thousand items) indexes in milliseconds; facets are counted over the matching items.
 */
@Component
class LucenePolicySearch implements PolicySearch {

    private final Analyzer analyzer = new SmartChineseAnalyzer();
    private final PolicyCatalog catalog;
    private final Organisations organisations;
    private volatile IndexSearcher searcher;

    private final io.zhida.catalog.LegalReviews legalReviews;

    LucenePolicySearch(PolicyCatalog catalog, Organisations organisations, io.zhida.catalog.LegalReviews legalReviews) {
        this.legalReviews = legalReviews;
        this.catalog = catalog;
        this.organisations = organisations;
    }

    @EventListener({PolicyItemPublished.class, PolicyItemAbolished.class, PolicyDocumentSaved.class})
    void libraryChanged() {
        searcher = null;
    }

    /** The same changes made on another node: this node's index is rebuilt on its next search. */
    @EventListener
    void libraryChangedElsewhere(io.zhida.platform.RemoteChange change) {
        if (change.event() instanceof PolicyItemPublished || change.event() instanceof PolicyItemAbolished
                || change.event() instanceof PolicyDocumentSaved) {
            searcher = null;
        }
    }

    /** Loads the smartcn dictionary and builds the index before the first visitor searches. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        search("政策", Map.of(), 0, 1);
    }

    @Override
    public Result search(String words, Map<String, String> filters, int page, int size) {
        IndexSearcher s = current();
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        query.add(textQuery(words), BooleanClause.Occur.MUST);
        query.add(new TermQuery(new Term("kind", "item")), BooleanClause.Occur.FILTER);
        filters.forEach((facet, value) -> {
            if (FACETS.contains(facet) && value != null && !value.isBlank()) {
                query.add(new TermQuery(new Term(facet, value)), BooleanClause.Occur.FILTER);
            }
        });
        try {
            Query q = query.build();
            TopDocs all = s.search(q, Math.max(1, s.getIndexReader().numDocs()));
            Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
            FACETS.forEach(f -> facets.put(f, new TreeMap<>()));
            List<Hit> hits = new ArrayList<>();
            Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), new QueryScorer(q, "text"));
            for (int i = 0; i < all.scoreDocs.length; i++) {
                Document doc = s.storedFields().document(all.scoreDocs[i].doc);
                for (String f : FACETS) {
                    for (String v : doc.getValues(f)) {
                        facets.get(f).merge(v, 1L, Long::sum);
                    }
                }
                if (i >= page * size && i < (page + 1) * size) {
                    hits.add(new Hit(doc.get("code"), doc.get("name"), doc.get("mode"), doc.get("departmentName"), highlight(highlighter, doc)));
                }
            }
            return new Result(all.totalHits.value, hits, facets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every word the user typed must occur (in the name or the text). Chinese has no spaces, so each
     * typed run is cut into words by the same smartcn analyzer that indexed the library.
     */
    @Override
    public List<DocumentHit> searchDocuments(String words, int max) {
        if (words == null || words.isBlank()) {
            return List.of();
        }
        IndexSearcher s = current();
        Query q = new BooleanQuery.Builder().add(textQuery(words), BooleanClause.Occur.MUST)
                .add(new TermQuery(new Term("kind", "document")), BooleanClause.Occur.FILTER).build();
        Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), new SimpleHTMLEncoder(), new QueryScorer(q, "text"));
        try {
            List<DocumentHit> hits = new ArrayList<>();
            for (ScoreDoc hit : s.search(q, Math.max(1, max)).scoreDocs) {
                Document doc = s.storedFields().document(hit.doc);
                hits.add(new DocumentHit(Long.parseLong(doc.get("id")), doc.get("code"), doc.get("name"), doc.get("level"),
                        highlight(highlighter, doc)));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query textQuery(String words) {
        if (words == null || words.isBlank()) {
            return new MatchAllDocsQuery();
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int terms = 0;
        try (TokenStream tokens = analyzer.tokenStream("text", words.strip())) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                String t = term.toString();
                BooleanQuery.Builder either = new BooleanQuery.Builder();
                either.add(new BoostQuery(new TermQuery(new Term("name", t)), 3f), BooleanClause.Occur.SHOULD);
                either.add(new TermQuery(new Term("text", t)), BooleanClause.Occur.SHOULD);
                all.add(either.build(), BooleanClause.Occur.MUST);
                terms++;
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms == 0 ? new MatchAllDocsQuery() : all.build();
    }

    private String highlight(Highlighter highlighter, Document doc) {
        try {
            String fragment = highlighter.getBestFragment(analyzer, "text", doc.get("text"));
            if (fragment != null) {
                return fragment;
            }
        } catch (IOException | InvalidTokenOffsetsException e) {
            // fall through to the plain summary
        }
        String target = doc.get("summary");
        return new SimpleHTMLEncoder().encodeText(target.length() > 80 ? target.substring(0, 80) + "…" : target);
    }

    private IndexSearcher current() {
        IndexSearcher s = searcher;
        if (s == null) {
            synchronized (this) {
                if (searcher == null) {
                    searcher = build();
                }
                s = searcher;
            }
        }
        return s;
    }

    private IndexSearcher build() {
        Map<String, String> departments = organisations.departments().stream()
                .collect(Collectors.toMap(Organisations.Department::code, Organisations.Department::name));
        Map<String, PolicyDocument> documents = catalog.documents().stream()
                .collect(Collectors.toMap(PolicyDocument::number, Function.identity()));
        ByteBuffersDirectory directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (PolicyItem item : catalog.onlineItems()) {
                writer.addDocument(document(item, Optional.ofNullable(documents.get(item.content().documentNumber())), departments));
            }
            java.util.Set<Long> published = legalReviews.passed();
            for (PolicyDocument d : documents.values()) {
                if (published.contains(d.id())) { // a 送审稿 is not public until the justice department has passed it
                    writer.addDocument(document(d));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document document(PolicyItem item, Optional<PolicyDocument> source, Map<String, String> departments) {
        var c = item.content();
        Document doc = new Document();
        doc.add(new StringField("kind", "item", Field.Store.NO));
        doc.add(new StringField("code", c.code(), Field.Store.YES));
        doc.add(new TextField("name", c.name(), Field.Store.YES));
        String text = sentences(nonNull(c.name(), c.target(), c.conditionsText(), c.benefitType(), c.interpretation(),
                source.map(PolicyDocument::title).orElse(null), source.map(PolicyDocument::fullText).orElse(null),
                c.faq().stream().map(f -> f.question() + " " + f.answer()).collect(Collectors.joining(" "))));
        doc.add(new TextField("text", text, Field.Store.YES));
        doc.add(new StringField("summary", c.conditionsText() == null ? c.name() : c.conditionsText(), Field.Store.YES));
        doc.add(new StringField("mode", c.mode().label(), Field.Store.YES));
        doc.add(new StringField("status", "已发布", Field.Store.YES));
        source.ifPresent(d -> doc.add(new StringField("level", d.level(), Field.Store.YES)));
        String departmentName = c.departments().stream().map(d -> departments.getOrDefault(d, d)).collect(Collectors.joining("、"));
        doc.add(new StringField("departmentName", departmentName, Field.Store.YES));
        c.departments().forEach(d -> doc.add(new StringField("department", departments.getOrDefault(d, d), Field.Store.YES)));
        c.themes().forEach(t -> doc.add(new StringField("theme", t, Field.Store.YES)));
        c.industries().forEach(i -> doc.add(new StringField("industry", i, Field.Store.YES)));
        (c.regions().isEmpty() ? List.of("全市") : c.regions()).forEach(r -> doc.add(new StringField("region", r, Field.Store.YES)));
        return doc;
    }

    private static Document document(PolicyDocument d) {
        Document doc = new Document();
        doc.add(new StringField("kind", "document", Field.Store.NO));
        doc.add(new StringField("id", String.valueOf(d.id()), Field.Store.YES));
        doc.add(new StringField("code", d.number(), Field.Store.YES));
        doc.add(new TextField("name", d.title(), Field.Store.YES));
        doc.add(new TextField("text", sentences(nonNull(d.title(), d.issuer(), d.fullText())), Field.Store.YES));
        doc.add(new StringField("summary", d.title(), Field.Store.YES));
        doc.add(new StringField("level", d.level(), Field.Store.YES));
        return doc;
    }

    /** The parts as one text, a full stop between two only where the first does not already end a sentence ("。。"). */
    static String sentences(List<String> parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            String p = part.strip();
            if (text.length() > 0 && "。！？；!?;.".indexOf(text.charAt(text.length() - 1)) < 0) {
                text.append('。');
            }
            text.append(p);
        }
        return text.toString();
    }

    private static List<String> nonNull(String... parts) {
        List<String> list = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                list.add(p);
            }
        }
        return list;
    }
}
