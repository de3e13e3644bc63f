package io.winloss.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/**
 * A searcher that carries the facet ordinals of its reader, built once per refresh rather than once per query, and the
 * global ordinals the themes scan asks for, built on first use and kept until the next refresh.
 * {@code facets} is null while no document has a facet (an empty index).
 */
final class FacetedSearcher extends IndexSearcher {

    final SortedSetDocValuesReaderState facets;
    private final ConcurrentMap<String, GlobalOrdinals> globalOrdinals = new ConcurrentHashMap<>();

    private FacetedSearcher(IndexReader reader, SortedSetDocValuesReaderState facets) {
        super(reader);
        this.facets = facets;
    }

    static SearcherFactory factory(FacetsConfig config) {
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
                return new FacetedSearcher(reader, facetStateOf(reader, config));
            }
        };
    }

    /** The global ordinals of doc-values field {@code field} (multi-valued or not) of this searcher's reader. */
    GlobalOrdinals globalOrdinals(String field, boolean multiValued) {
        return globalOrdinals.computeIfAbsent(field, f -> {
            try {
                return GlobalOrdinals.of(getIndexReader(), f, multiValued);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot map the ordinals of " + f, e);
            }
        });
    }

    private static SortedSetDocValuesReaderState facetStateOf(IndexReader reader, FacetsConfig config)
            throws IOException {
        if (reader.numDocs() == 0) {
            return null;
        }
        try {
            return new DefaultSortedSetDocValuesReaderState(reader, config);
        } catch (IllegalArgumentException noFacetField) {
            return null;
        }
    }
}
