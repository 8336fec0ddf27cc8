package io.zhida.catalog;

import java.util.List;

/**
 * What other modules attach to an item's 标准化审查 (the 意见征询 summary), so the reviewer sees it beside the checklist
 * without the library depending on them.
 */
public interface ReviewAttachments {

    record Attachment(String title, String text, String link) {
    }

    List<Attachment> forItem(String itemCode);
}
