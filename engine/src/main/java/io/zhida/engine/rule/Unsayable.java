package io.zhida.engine.rule;

/**
 * A clause has a shape plain words do not cover exactly; {@link ClauseWords} then names only the data it looks at.
 * Control flow rather than an error, so it carries no message and no stack trace.
 */
final class Unsayable extends RuntimeException {

    Unsayable() {
        super(null, null, false, false);
    }
}
