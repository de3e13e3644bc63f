package io.winloss.search;

import java.io.IOException;
import java.util.List;

import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.OrdinalMap;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.LongValues;
import org.apache.lucene.util.packed.PackedInts;

/**
 * One doc-values field's ordinals across every segment of a reader: the same value has the same global ordinal in
 * every segment, in value order, so the themes scan can count by ordinal in plain arrays. Built once per reader (a
 * merge of the segments' term dictionaries) and kept with its searcher; immutable, so scans share it across threads.
 */
final class GlobalOrdinals {

    private final String field;
    private final boolean multiValued;
    private final List<LeafReaderContext> leaves;
    private final OrdinalMap map;

    private GlobalOrdinals(String field, boolean multiValued, List<LeafReaderContext> leaves, OrdinalMap map) {
        this.field = field;
        this.multiValued = multiValued;
        this.leaves = leaves;
        this.map = map;
    }

    /** The global ordinals of {@code field}, a {@code SortedDocValues} field, or {@code SortedSetDocValues} one. */
    static GlobalOrdinals of(IndexReader reader, String field, boolean multiValued) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        OrdinalMap map;
        if (multiValued) {
            SortedSetDocValues[] values = new SortedSetDocValues[leaves.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = DocValues.getSortedSet(leaves.get(i).reader(), field);
            }
            map = OrdinalMap.build(reader.getReaderCacheHelper() == null ? null : reader.getReaderCacheHelper().getKey(),
                    values, PackedInts.DEFAULT);
        } else {
            SortedDocValues[] values = new SortedDocValues[leaves.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = DocValues.getSorted(leaves.get(i).reader(), field);
            }
            map = OrdinalMap.build(reader.getReaderCacheHelper() == null ? null : reader.getReaderCacheHelper().getKey(),
                    values, PackedInts.DEFAULT);
        }
        return new GlobalOrdinals(field, multiValued, leaves, map);
    }

    /** Distinct values in the whole reader. */
    int size() {
        return Math.toIntExact(map.getValueCount());
    }

    /** Segment {@code leaf}'s ordinals as global ordinals, one array read per value in the scan's inner loop. */
    int[] globalOrdinalsOf(int leaf, long segmentValueCount) {
        LongValues toGlobal = map.getGlobalOrds(leaf);
        int[] global = new int[Math.toIntExact(segmentValueCount)];
        for (int ord = 0; ord < global.length; ord++) {
            global[ord] = (int) toGlobal.get(ord);
        }
        return global;
    }

    /** Every value, by global ordinal: for small vocabularies (facet labels, aspects) read once per scan. */
    String[] values() throws IOException {
        String[] values = new String[size()];
        for (int ord = 0; ord < values.length; ord++) {
            values[ord] = valueOf(ord);
        }
        return values;
    }

    /** The global ordinal of {@code value}, or -1 when no segment has it; global ordinals follow the values' bytes. */
    int ordOf(String value) throws IOException {
        BytesRef wanted = new BytesRef(value);
        int low = 0;
        int high = size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = bytesOf(middle).compareTo(wanted);
            if (order < 0) {
                low = middle + 1;
            } else if (order > 0) {
                high = middle - 1;
            } else {
                return middle;
            }
        }
        return -1;
    }

    /** The value of global ordinal {@code ord}, read from the first segment holding it; a fresh copy. */
    String valueOf(int ord) throws IOException {
        return bytesOf(ord).utf8ToString();
    }

    private BytesRef bytesOf(int ord) throws IOException {
        int segment = map.getFirstSegmentNumber(ord);
        long segmentOrd = map.getFirstSegmentOrd(ord);
        BytesRef value = multiValued
                ? DocValues.getSortedSet(leaves.get(segment).reader(), field).lookupOrd(segmentOrd)
                : DocValues.getSorted(leaves.get(segment).reader(), field).lookupOrd((int) segmentOrd);
        return value;
    }
}
