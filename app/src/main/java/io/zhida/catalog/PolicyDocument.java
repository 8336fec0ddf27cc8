package io.zhida.catalog;

import java.time.LocalDate;
import java.util.List;

/** 政策文件: the document items come from. level is 国家, 省, 市 or 县. */
public record PolicyDocument(Long id, String number, String title, String level, String issuer, LocalDate publishedOn,
                             LocalDate validFrom, LocalDate validTo, String fullText, List<String> themes) {

    public static final List<String> LEVELS = List.of("国家", "省", "市", "县");
}
