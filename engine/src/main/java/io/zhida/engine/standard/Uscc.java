package io.zhida.engine.standard;

import java.util.Optional;

/**
 * 统一社会信用代码 per GB 32100-2015: 18 characters from a 31-character alphabet (no I, O, Z, S, V),
 * the last one a check character over the first 17.
 */
public final class Uscc {

    public static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    /** Why a code is not valid; the message is what a user is shown. */
    public enum Problem {
        MISSING("统一社会信用代码不能为空"),
        LENGTH("统一社会信用代码应为18位"),
        CHARACTER("统一社会信用代码含有不允许的字符（不使用 I、O、Z、S、V）"),
        CHECK_CHARACTER("统一社会信用代码校验位不正确");

        private final String message;

        Problem(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private Uscc() {
    }

    public static boolean isValid(String code) {
        return problem(code).isEmpty();
    }

    /** The first thing wrong with the code, or empty when it is valid. */
    public static Optional<Problem> problem(String code) {
        if (code == null || code.isBlank()) {
            return Optional.of(Problem.MISSING);
        }
        if (code.length() != 18) {
            return Optional.of(Problem.LENGTH);
        }
        for (int i = 0; i < 18; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.of(Problem.CHARACTER);
            }
        }
        return code.charAt(17) == checkCharacter(code.substring(0, 17))
                ? Optional.empty()
                : Optional.of(Problem.CHECK_CHARACTER);
    }

    /** The check character for the first 17 characters of a code. */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need the first 17 characters, got " + first17.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("character not allowed: " + first17.charAt(i));
            }
            sum += value * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }
}
