package io.zhida.catalog;

import java.util.List;

/**
 * Live figures shown on an item's public page (申报、核定、拨付、资金池), contributed by the modules that
 * own them so that the catalog does not depend on them.
 */
public interface ItemFigures {

    /** One figure, already formatted for people. */
    record Figure(String label, String value) {
    }

    /** Order on the page: smaller first. */
    int order();

    List<Figure> figures(String itemCode, int year);
}
