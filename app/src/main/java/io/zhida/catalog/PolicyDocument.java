package io.zhida.catalog;

import java.time.LocalDate;
import java.util.List;

/**
 * 政策文件: the document items come from. level is 国家, 省, 市 or 县; industries are GB/T 4754 codes,
 * regions are region codes (empty means the whole jurisdiction); status is EFFECTIVE or ABOLISHED.
 */
public record PolicyDocument(Long id, String number, String title, String level, String issuer, LocalDate publishedOn,
                             LocalDate validFrom, LocalDate validTo, String fullText, List<String> themes,
                             List<String> industries, List<String> regions, String status) {

    public static final List<String> LEVELS = List.of("国家", "省", "市", "县");

    public static PolicyDocument blank() {
        return new PolicyDocument(null, "", "", "市", "", null, null, null, "", List.of(), List.of(), List.of(), "EFFECTIVE");
    }

    public boolean abolished() {
        return "ABOLISHED".equals(status);
    }

    public PolicyDocument withFullText(String text) {
        return new PolicyDocument(id, number, title, level, issuer, publishedOn, validFrom, validTo, text, themes, industries,
                regions, status);
    }
}
