package io.zhida.engine.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UsccTest {

    @Test
    void acceptsPublishedCodes() {
        // Check characters computed by hand with the GB 32100-2015 weights.
        assertThat(Uscc.isValid("91350100M000100Y43")).isTrue();
        assertThat(Uscc.isValid("911100001000019999")).isTrue();
        assertThat(Uscc.isValid("91110000802100433B")).isTrue();
    }

    @Test
    void namesWhatIsWrong() {
        assertThat(Uscc.problem(null)).contains(Uscc.Problem.MISSING);
        assertThat(Uscc.problem("  ")).contains(Uscc.Problem.MISSING);
        assertThat(Uscc.problem("91350100M000100Y4")).contains(Uscc.Problem.LENGTH);
        assertThat(Uscc.problem("91350100M000100YI3")).contains(Uscc.Problem.CHARACTER);
        assertThat(Uscc.problem("91350100m000100Y43")).contains(Uscc.Problem.CHARACTER);
        assertThat(Uscc.problem("91350100M000100Y44")).contains(Uscc.Problem.CHECK_CHARACTER);
    }

    @Test
    void everyCodeWithItsComputedCheckCharacterIsValidAndEveryOtherCheckCharacterIsNot() {
        SplittableRandom random = new SplittableRandom(2015);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < 17; i++) {
                body.append(Uscc.ALPHABET.charAt(random.nextInt(31)));
            }
            char check = Uscc.checkCharacter(body.toString());
            assertThat(Uscc.isValid(body.toString() + check)).isTrue();
            char other = Uscc.ALPHABET.charAt((Uscc.ALPHABET.indexOf(check) + 1 + random.nextInt(30)) % 31);
            assertThat(Uscc.isValid(body.toString() + other)).isFalse();
        }
    }

    @Test
    void checkCharacterRejectsBadInput() {
        assertThatThrownBy(() -> Uscc.checkCharacter("123")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Uscc.checkCharacter("9135010OM000100Y4")).isInstanceOf(IllegalArgumentException.class);
    }
}
