package io.zhida.bench;

/** Keeps results alive so that the JIT cannot drop the work being measured. */
final class Blackhole {

    private static volatile long sink;

    private Blackhole() {
    }

    static void consume(long value) {
        sink += value;
    }
}
