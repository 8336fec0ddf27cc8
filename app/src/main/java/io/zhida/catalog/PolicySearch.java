package io.zhida.catalog;

import java.util.List;
import java.util.Map;

/** Chinese full-text search over the online library, with facets and highlighting. */
public interface PolicySearch {

    /** Facet names a query can filter on. */
    List<String> FACETS = List.of("level", "theme", "industry", "region", "department", "mode", "status");

    record Hit(String code, String name, String mode, String department, String highlight) {
    }

    record Result(long total, List<Hit> items, Map<String, Map<String, Long>> facets) {
    }

    /** A policy document whose title or full text matches. */
    record DocumentHit(long id, String number, String title, String level, String highlight) {
    }

    /**
     * @param words   free text, may be blank (then everything matches)
     * @param filters facet name → value, e.g. mode → 免申即享
     */
    Result search(String words, Map<String, String> filters, int page, int size);

    /** Documents matching the words (every document in the library, whether or not it has online items). */
    List<DocumentHit> searchDocuments(String words, int max);
}
