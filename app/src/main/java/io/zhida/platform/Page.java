package io.zhida.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a list and how many rows the whole list has (same filters, same data scope), for the pager. */
public record Page<T>(List<T> rows, long total, PageQuery query) {

    public Page {
        rows = List.copyOf(rows);
    }

    public int number() {
        return query.page();
    }

    public int size() {
        return query.size();
    }

    /** At least 1, so an empty list reads "第 1 / 1 页，共 0 条". */
    public int pages() {
        return (int) Math.max(1, (total + query.size() - 1) / query.size());
    }

    public boolean hasPrevious() {
        return number() > 1;
    }

    /** The page before, or the last one when a link led past the end (rows can go away between two clicks). */
    public int previous() {
        return Math.min(number() - 1, pages());
    }

    public boolean hasNext() {
        return number() < pages();
    }

    public int next() {
        return number() + 1;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public <R> Page<R> map(Function<? super T, ? extends R> f) {
        return new Page<>(rows.stream().<R>map(f).toList(), total, query);
    }
}
