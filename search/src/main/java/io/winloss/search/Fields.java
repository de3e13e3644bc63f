package io.winloss.search;

import java.util.List;

import org.apache.lucene.facet.FacetsConfig;

/**
 * Every field name of the quote index, each with why it is indexed the way it is.
 * The index holds one document per tagged sentence; {@code QuoteDocument} builds it.
 */
public final class Fields {

    /** Stable sentence id, as the caller gave it: stored to return it with the hit. */
    public static final String ID = "id";

    /*
     * Doc values for the themes scan live in fields of their own, named "<field>.sorted": an index written before they
     * existed (QuoteIndex.needsRebuild) then still accepts new sentences until it is rebuilt, since Lucene refuses to
     * add doc values to a field its older documents have without them.
     */

    /**
     * The sentence id as {@code SortedDocValues}: a theme's quotes are chosen by score, then smallest id, and within a
     * segment the ordinals order the ids, so the themes scan compares ids without reading a stored field.
     */
    public static final String ID_SORTED = "id.sorted";

    /**
     * Workspace and sentence id joined by {@link #keyOf}: the untokenized term {@code updateDocument(new Term(KEY, ..))}
     * replaces by, so the same id sent for two workspaces can never overwrite the other workspace's sentence.
     */
    public static final String KEY = "key";

    /** Workspace id: an untokenized term every query FILTERs on (tenant isolation) and deletes match; not stored, callers know it. */
    public static final String WORKSPACE = "workspace";

    /** Deal id: an untokenized term so {@code deleteDeal} can remove a deal's sentences; stored to link a hit to its deal. */
    public static final String DEAL = "dealId";

    /**
     * The deal id as {@code SortedDocValues}: the themes scan counts distinct deals by global ordinal (a deal's
     * sentences may lie in several segments and far apart) without reading stored fields.
     */
    public static final String DEAL_SORTED = "dealId.sorted";

    /**
     * Source kind ({@code interview}|{@code survey}): an untokenized term for {@code deleteSource}, stored for the hit,
     * and a facet dimension of the same name.
     */
    public static final String SOURCE = "source";

    /** Interview or response id: an untokenized term for {@code deleteSource}; stored to link to the sentence in context. */
    public static final String SOURCE_ID = "sourceId";

    /** Position of the sentence in its source: stored only, to link to the sentence with its neighbours. */
    public static final String SENTENCE_INDEX = "sentenceIndex";

    /** Speaker name: stored only; nobody filters on a person's name. */
    public static final String SPEAKER = "speaker";

    /** Speaker role (buyer|interviewer): stored only, shown beside the quote. */
    public static final String ROLE = "role";

    /**
     * The sentence, analysed with {@code EnglishAnalyzer} (stemming, stop words) so "integrations" finds "integration".
     * Stored for display, and indexed with offsets in the postings so the UnifiedHighlighter marks matches without
     * re-analysing the text.
     */
    public static final String TEXT = "text";

    /**
     * The same sentence analysed with {@code StandardAnalyzer} (lower case, no stemming, no stop words): quoted phrases,
     * prefixes and wildcards search here, so {@code "per seat pricing"} and {@code integrat*} match the words as written.
     * Offsets in the postings for highlighting; not stored, the highlighter reads {@link #TEXT}'s stored value.
     */
    public static final String TEXT_EXACT = "textExact";

    /**
     * Deal outcome (won, lost, ...): a facet dimension (drill-down filter and counts), stored for the hit. The themes
     * scan reads it, like segment, competitor, criterion and sentiment, from the facet ordinals in {@link #FACETS}: one
     * doc-values read per sentence gives them all, so they need no doc values of their own.
     */
    public static final String OUTCOME = "outcome";

    /** Deal segment: a facet dimension; stored to rebuild the record. */
    public static final String SEGMENT = "segment";

    /** Competitors named in the sentence: a multi-valued facet dimension; stored for the hit. */
    public static final String COMPETITOR = "competitor";

    /** Decision criteria the sentence is about: a multi-valued facet dimension; stored for the hit. */
    public static final String CRITERION = "criterion";

    /** Sentence sentiment (positive|neutral|negative): a facet dimension; stored for the hit. */
    public static final String SENTIMENT = "sentiment";

    /** Quarter of the deal's close date ("2026-Q1"): a facet dimension for trends; absent when the close date is unknown. */
    public static final String QUARTER = "quarter";

    /**
     * When the buyer said it, as epoch day: a {@code LongPoint} for from/to ranges, {@code NumericDocValues} for
     * sorting by date, and stored for the hit.
     */
    public static final String DATE = "date";

    /** Deal close date as epoch day: {@code LongPoint} for period ranges, {@code NumericDocValues} for per-deal statistics, stored. */
    public static final String CLOSE_DATE = "closeDate";

    /** Deal amount in cents: {@code LongPoint} for amount ranges, {@code NumericDocValues} for sorting, stored. */
    public static final String AMOUNT = "amountCents";

    /** Aspects as {@code kind|target|sentiment}: untokenized terms to find, say, negative sentences about one competitor; stored. */
    public static final String ASPECT = "aspect";

    /** The aspects as {@code SortedSetDocValues}, so competitor profiles are counted from doc values. */
    public static final String ASPECT_SORTED = "aspect.sorted";

    /** Key phrases, lower-cased: untokenized terms so a theme's quotes can be fetched by phrase; stored. */
    public static final String KEY_PHRASE = "keyPhrase";

    /** The key phrases but blank ones as {@code SortedSetDocValues}, so the themes scan counts them from doc values. */
    public static final String KEY_PHRASE_SORTED = "keyPhrase.sorted";

    /**
     * The doc-values field every facet dimension is indexed in ({@code FacetsConfig}'s default), one ordinal per
     * {@code dimension/value}: facet counts, drill-down, and the themes scan read it.
     */
    public static final String FACETS = FacetsConfig.DEFAULT_INDEX_FIELD_NAME;

    /** The facet dimensions a search request may filter on and the page counts, in display order. */
    public static final List<String> FACET_DIMS =
            List.of(OUTCOME, COMPETITOR, CRITERION, SENTIMENT, SEGMENT, SOURCE, QUARTER);

    /**
     * Workspace, source kind and source id joined by {@link #sourceKeyOf}: the untokenized term
     * {@code updateDocuments(new Term(SOURCE_KEY, ..), sentences)} replaces a whole interview or response by, one term
     * per source instead of one per sentence. Not stored.
     */
    public static final String SOURCE_KEY = "sourceKey";

    /** The {@link #SOURCE_KEY} of source {@code sourceId} of kind {@code source} in workspace {@code workspaceId}. */
    public static String sourceKeyOf(String workspaceId, String source, String sourceId) {
        return workspaceId + '\u001f' + source + '\u001f' + sourceId;
    }

    /** The {@link #KEY} of sentence {@code id} of workspace {@code workspaceId}. */
    public static String keyOf(String workspaceId, String id) {
        return workspaceId + '\u001f' + id;
    }

    private Fields() {
    }
}
