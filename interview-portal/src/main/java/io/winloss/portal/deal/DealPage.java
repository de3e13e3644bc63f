package io.winloss.portal.deal;

import java.util.List;

/** One page of a deal list, newest close date first, with the number of deals matching the filter. */
public record DealPage(List<Deal> items, long total, int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 200;

    public DealPage {
        items = List.copyOf(items);
    }

    public int pages() {
        return (int) ((total + size - 1) / size);
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    /** The page number clamped to 0.., and the size clamped to 1..{@link #MAX_SIZE} (default when null). */
    static int size(Integer size) {
        return size == null ? DEFAULT_SIZE : Math.max(1, Math.min(MAX_SIZE, size));
    }

    static int page(Integer page) {
        return page == null ? 0 : Math.max(0, page);
    }
}
