package io.winloss.search;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/** Turns a {@link QuoteRecord} into the Lucene document described in {@link Fields}, and a stored document into a {@link Hit}. */
final class QuoteDocument {

    private static final FieldType TEXT_TYPE = offsetsIn(TextField.TYPE_STORED);
    private static final FieldType TEXT_EXACT_TYPE = offsetsIn(TextField.TYPE_NOT_STORED);

    private QuoteDocument() {
    }

    /** Stemming English for {@link Fields#TEXT}, plain words for {@link Fields#TEXT_EXACT}; keyword fields are not analysed. */
    static Analyzer analyzer() {
        return new PerFieldAnalyzerWrapper(new EnglishAnalyzer(), Map.of(Fields.TEXT_EXACT, new StandardAnalyzer()));
    }

    /** Facet dimensions, all in the default {@code $facets} doc-values field; sentences name several competitors and criteria. */
    static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(Fields.COMPETITOR, true);
        config.setMultiValued(Fields.CRITERION, true);
        return config;
    }

    /** The unbuilt document; pass it through {@link FacetsConfig#build(Document)} before indexing. */
    static Document of(QuoteRecord quote) {
        Document doc = new Document();
        doc.add(new StringField(Fields.KEY, Fields.keyOf(quote.workspaceId(), quote.id()), Field.Store.NO));
        doc.add(new StoredField(Fields.ID, quote.id()));
        doc.add(new SortedDocValuesField(Fields.ID_SORTED, new BytesRef(quote.id())));
        doc.add(new StringField(Fields.WORKSPACE, quote.workspaceId(), Field.Store.NO));
        doc.add(new StringField(Fields.DEAL, quote.dealId(), Field.Store.YES));
        doc.add(new SortedDocValuesField(Fields.DEAL_SORTED, new BytesRef(quote.dealId())));
        doc.add(new StringField(Fields.SOURCE, quote.source(), Field.Store.YES));
        doc.add(new StringField(Fields.SOURCE_ID, quote.sourceId(), Field.Store.YES));
        doc.add(new StringField(Fields.SOURCE_KEY,
                Fields.sourceKeyOf(quote.workspaceId(), quote.source(), quote.sourceId()), Field.Store.NO));
        doc.add(new StoredField(Fields.SENTENCE_INDEX, quote.sentenceIndex()));
        storeIfPresent(doc, Fields.SPEAKER, quote.speaker());
        storeIfPresent(doc, Fields.ROLE, quote.role());
        doc.add(new Field(Fields.TEXT, quote.text(), TEXT_TYPE));
        doc.add(new Field(Fields.TEXT_EXACT, quote.text(), TEXT_EXACT_TYPE));

        facet(doc, Fields.SOURCE, quote.source());
        facet(doc, Fields.OUTCOME, quote.outcome());
        storeIfPresent(doc, Fields.OUTCOME, quote.outcome());
        facet(doc, Fields.SEGMENT, quote.segment());
        storeIfPresent(doc, Fields.SEGMENT, quote.segment());
        facet(doc, Fields.SENTIMENT, quote.sentiment());
        storeIfPresent(doc, Fields.SENTIMENT, quote.sentiment());
        for (String competitor : quote.competitors()) {
            facet(doc, Fields.COMPETITOR, competitor);
            storeIfPresent(doc, Fields.COMPETITOR, competitor);
        }
        for (String criterion : quote.criteria()) {
            facet(doc, Fields.CRITERION, criterion);
            storeIfPresent(doc, Fields.CRITERION, criterion);
        }
        if (quote.closeDate() != null) {
            facet(doc, Fields.QUARTER, quarterOf(quote.closeDate()));
            rangeAndSort(doc, Fields.CLOSE_DATE, quote.closeDate().toEpochDay());
        }
        rangeAndSort(doc, Fields.DATE, quote.date().toEpochDay());
        if (quote.amount() != null) {
            rangeAndSort(doc, Fields.AMOUNT, Math.round(quote.amount() * 100));
        }
        for (Aspect aspect : quote.aspects()) {
            String value = aspect.kind() + "|" + aspect.target() + "|" + aspect.sentiment();
            doc.add(new StringField(Fields.ASPECT, value, Field.Store.YES));
            doc.add(new SortedSetDocValuesField(Fields.ASPECT_SORTED, new BytesRef(value)));
        }
        for (String phrase : quote.keyPhrases()) {
            String value = phrase.toLowerCase(Locale.ROOT);
            doc.add(new StringField(Fields.KEY_PHRASE, value, Field.Store.YES));
            if (!value.isBlank()) {
                doc.add(new SortedSetDocValuesField(Fields.KEY_PHRASE_SORTED, new BytesRef(value)));
            }
        }
        return doc;
    }

    /** "2026-Q1" for any day of January to March 2026. */
    static String quarterOf(LocalDate day) {
        return day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1);
    }

    static Hit hit(Document stored, String highlight) {
        return new Hit(
                stored.get(Fields.ID),
                stored.get(Fields.TEXT),
                highlight,
                stored.get(Fields.DEAL),
                stored.get(Fields.SOURCE),
                stored.get(Fields.SOURCE_ID),
                stored.getField(Fields.SENTENCE_INDEX).numericValue().intValue(),
                stored.get(Fields.SPEAKER),
                stored.get(Fields.ROLE),
                stored.get(Fields.OUTCOME),
                List.copyOf(Arrays.asList(stored.getValues(Fields.COMPETITOR))),
                List.copyOf(Arrays.asList(stored.getValues(Fields.CRITERION))),
                stored.get(Fields.SENTIMENT),
                LocalDate.ofEpochDay(stored.getField(Fields.DATE).numericValue().longValue()));
    }

    private static void facet(Document doc, String dim, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new SortedSetDocValuesFacetField(dim, value));
        }
    }

    private static void storeIfPresent(Document doc, String field, String value) {
        if (value != null) {
            doc.add(new StoredField(field, value));
        }
    }

    private static void rangeAndSort(Document doc, String field, long value) {
        doc.add(new LongPoint(field, value));
        doc.add(new NumericDocValuesField(field, value));
        doc.add(new StoredField(field, value));
    }

    private static FieldType offsetsIn(FieldType base) {
        FieldType type = new FieldType(base);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }
}
