package io.zhida.bench;

/** One generated policy item's condition, written three ways: CEL for the engine, DRL for Drools, SQL for PostgreSQL. */
record BenchItem(String code, String cel, String drl, String sql) {
}
