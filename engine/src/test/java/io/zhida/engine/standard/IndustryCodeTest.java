package io.zhida.engine.standard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IndustryCodeTest {

    @Test
    void acceptsSectionsAndClassesOfTheirSection() {
        assertThat(IndustryCode.isValid("C")).isTrue();
        assertThat(IndustryCode.isValid("C3911")).isTrue();
        assertThat(IndustryCode.isValid("A01")).isTrue();
        assertThat(IndustryCode.isValid("T98")).isTrue();
        assertThat(IndustryCode.isValid("I6513")).isTrue();
    }

    @Test
    void refusesDivisionsOfAnotherSectionAndMalformedCodes() {
        assertThat(IndustryCode.problem("C05")).hasValueSatisfying(m -> assertThat(m).contains("不属于门类 C"));
        assertThat(IndustryCode.isValid("I44")).isFalse();
        assertThat(IndustryCode.isValid("Z12")).isFalse();
        assertThat(IndustryCode.isValid("c3911")).isFalse();
        assertThat(IndustryCode.isValid("C391")).isTrue();
        assertThat(IndustryCode.isValid("C3")).isFalse();
        assertThat(IndustryCode.isValid("")).isFalse();
        assertThat(IndustryCode.isValid(null)).isFalse();
    }
}
