package io.zhida.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InterpretationPartsTest {

    @Test
    void imagesVideosAndLinksOnTheirOwnLinesAreRecognised() {
        var parts = InterpretationParts.of("""
                本政策面向中小微企业。

                https://gov.example/img/解读图.PNG
                https://gov.example/video/讲解.mp4?t=3
                https://gov.example/policy/123
                详见 https://gov.example/policy/123 的原文
                """);
        assertThat(parts).extracting(InterpretationParts.Part::kind).containsExactly("text", "image", "video", "link", "text");
        assertThat(parts.get(1).value()).isEqualTo("https://gov.example/img/解读图.PNG");
        assertThat(InterpretationParts.of(null)).isEmpty();
    }

    @Test
    void scriptUrlsAreNotLinks() {
        assertThat(InterpretationParts.of("javascript:alert(1)")).extracting(InterpretationParts.Part::kind).containsExactly("text");
    }
}
