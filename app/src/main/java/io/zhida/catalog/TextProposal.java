package io.zhida.catalog;

import java.math.BigDecimal;

/** A policy item the extractor proposed from a document's text, and what the author made of it. */
public record TextProposal(long id, long documentId, int seq, String name, String condition, String formula, BigDecimal cap,
                           String source, String status, String itemCode, String decidedBy, String note) {

    public boolean open() {
        return "PROPOSED".equals(status);
    }

    public String statusLabel() {
        return switch (status) {
            case "ADOPTED" -> "已采用";
            case "REJECTED" -> "不采用";
            default -> "待确认";
        };
    }
}
