package io.winloss.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.document.Document;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.BytesRef;

import io.winloss.search.themes.DealQuote;
import io.winloss.search.themes.Theme;
import io.winloss.search.themes.ThemeAnalysis;
import io.winloss.search.themes.ThemeAnalysis.ThemeCount;
import io.winloss.search.themes.ThemeReport;

/**
 * The themes of a {@link ThemeRequest} in one pass over doc values: per sentence its deal, outcome (hence side),
 * sentiment, criteria, competitors and key phrases, all as ordinals; distinct deals per theme and side counted
 * exactly by {@link DistinctDeals}; the candidate quotes kept by {@link QuotePicks}; stored fields read only for the
 * quotes shown. Gives what {@code ThemeAnalysis.rank} gives for the same deals listed one by one.
 *
 * <p>Themes are numbered by global ordinal: a criterion or competitor by its facet label's ordinal in
 * {@link Fields#FACETS}, a key phrase by the number of facet labels plus its ordinal in {@link Fields#KEY_PHRASE_SORTED}. A key is
 * {@code theme * 2 + side} (0 focus, 1 baseline); the two keys after the last theme's mark a deal as a focus or
 * baseline deal, themes or not.
 */
final class ThemeScan {

    private static final byte OTHER = 0;
    private static final byte FOCUS = 1;
    private static final byte BASELINE = 2;
    private static final byte OPINION = 3;
    private static final byte THEME = 4;

    private final FacetedSearcher searcher;
    private final GlobalOrdinals deals;
    private final GlobalOrdinals labels;
    private final GlobalOrdinals phrases;
    private final String[] labelValues;
    private final byte[] labelRoles;
    private final int themeCount;
    private final int focusKey;
    private final int baselineKey;

    private ThemeScan(FacetedSearcher searcher, ThemeRequest request) throws IOException {
        this.searcher = searcher;
        this.deals = searcher.globalOrdinals(Fields.DEAL_SORTED, false);
        this.labels = searcher.globalOrdinals(Fields.FACETS, true);
        this.phrases = searcher.globalOrdinals(Fields.KEY_PHRASE_SORTED, true);
        this.labelValues = labels.values();
        this.labelRoles = new byte[labelValues.length];
        for (int ord = 0; ord < labelValues.length; ord++) {
            String[] label = FacetsConfig.stringToPath(labelValues[ord]);
            labelRoles[ord] = roleOf(label[0], label[label.length - 1], request);
        }
        this.themeCount = labels.size() + phrases.size();
        this.focusKey = themeCount * 2;
        this.baselineKey = focusKey + 1;
    }

    private static byte roleOf(String dim, String value, ThemeRequest request) {
        return switch (dim) {
            case Fields.OUTCOME -> request.focusOutcomes().contains(value) ? FOCUS
                    : request.baselineOutcomes().contains(value) ? BASELINE : OTHER;
            case Fields.SENTIMENT -> "positive".equals(value) || "negative".equals(value) ? OPINION : OTHER;
            case Fields.CRITERION, Fields.COMPETITOR -> THEME;
            default -> OTHER;
        };
    }

    /** The ranked themes of the deals {@code query} (focus and baseline outcomes, filters, dates) matches. */
    static ThemeReport rank(FacetedSearcher searcher, Query query, ThemeRequest request, ThemeAnalysis.Options options) {
        try {
            return new ThemeScan(searcher, request).rank(query, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan themes", e);
        }
    }

    /** What one slice found. */
    private record SliceThemes(LeafReaderContext leaf, DistinctDeals.Pairs pairs, QuotePicks[] picks) {
    }

    private ThemeReport rank(Query query, ThemeAnalysis.Options options) throws IOException {
        List<SliceThemes> slices = SentenceScan.run(searcher, query, this::read);
        int[] counts = new int[focusKey];
        int[] sides = new int[2];
        byte[] dealSides = new byte[deals.size()];
        DistinctDeals.forEachDistinct(slices.stream().map(SliceThemes::pairs).toList(), deals.size(), focusKey + 2,
                (deal, key) -> {
                    if (key < focusKey) {
                        counts[key]++;
                    } else {
                        sides[key - focusKey]++;
                        dealSides[deal] |= (byte) (1 << (key - focusKey));
                    }
                });
        for (int deal = 0; deal < dealSides.length; deal++) {
            if (dealSides[deal] == 3) {
                throw new IllegalArgumentException("deal " + deals.valueOf(deal) + " is in both the focus and the baseline");
            }
        }
        Map<Theme, Integer> themeIds = new HashMap<>();
        List<ThemeCount> themeCounts = new ArrayList<>();
        for (int theme = 0; theme < themeCount; theme++) {
            int focus = counts[theme * 2];
            int baseline = counts[theme * 2 + 1];
            if (focus + baseline >= options.minDeals() && focus + baseline > 0) {
                Theme named = themeOf(theme);
                if (options.kinds().contains(named.kind())) {
                    themeIds.put(named, theme);
                    themeCounts.add(new ThemeCount(named, focus, baseline));
                }
            }
        }
        return ThemeAnalysis.rank(sides[0], sides[1], themeCounts, options, shown -> quotes(shown, themeIds, slices));
    }

    private Theme themeOf(int theme) throws IOException {
        if (theme >= labelValues.length) {
            return Theme.keyPhrase(phrases.valueOf(theme - labelValues.length));
        }
        String[] label = FacetsConfig.stringToPath(labelValues[theme]);
        String name = label[label.length - 1];
        return Fields.COMPETITOR.equals(label[0]) ? Theme.competitor(name) : Theme.criterion(name);
    }

    private SliceThemes read(SentenceScan.Slice slice) throws IOException {
        SliceReader reader = new SliceReader(slice.leaf(), slice.to() - slice.from());
        slice.forEachMatch(reader);
        return new SliceThemes(slice.leaf(), reader.pairs, reader.picks);
    }

    /** One slice's doc-values iterators, ordinal maps and findings; sees its sentences in increasing order. */
    private final class SliceReader implements SentenceScan.Match {
        private final SortedDocValues dealValues;
        private final SortedDocValues ids;
        private final SortedSetDocValues labelsOfDoc;
        private final SortedSetDocValues phrasesOfDoc;
        private final int[] dealOf;
        private final int[] labelOf;
        private final int[] phraseOf;
        private final DistinctDeals.Pairs pairs;
        private final QuotePicks[] picks = new QuotePicks[focusKey];
        /** The current sentence's themes. */
        private int[] themes = new int[16];

        SliceReader(LeafReaderContext leaf, int docs) throws IOException {
            pairs = new DistinctDeals.Pairs(focusKey + 2, docs * 2);
            dealValues = DocValues.getSorted(leaf.reader(), Fields.DEAL_SORTED);
            ids = DocValues.getSorted(leaf.reader(), Fields.ID_SORTED);
            labelsOfDoc = DocValues.getSortedSet(leaf.reader(), Fields.FACETS);
            phrasesOfDoc = DocValues.getSortedSet(leaf.reader(), Fields.KEY_PHRASE_SORTED);
            dealOf = deals.globalOrdinalsOf(leaf.ord, dealValues.getValueCount());
            labelOf = labels.globalOrdinalsOf(leaf.ord, labelsOfDoc.getValueCount());
            phraseOf = phrases.globalOrdinalsOf(leaf.ord, phrasesOfDoc.getValueCount());
        }

        @Override
        public void sentence(int doc) throws IOException {
            if (!dealValues.advanceExact(doc) || !labelsOfDoc.advanceExact(doc)) {
                return; // written before deals had doc values: needsRebuild() says so
            }
            int deal = dealOf[dealValues.ordValue()];
            int side = -1;
            boolean opinionated = false;
            int found = 0;
            for (int i = labelsOfDoc.docValueCount(); i > 0; i--) {
                int label = labelOf[(int) labelsOfDoc.nextOrd()];
                switch (labelRoles[label]) {
                    case FOCUS -> side = 0;
                    case BASELINE -> side = 1;
                    case OPINION -> opinionated = true;
                    case THEME -> found = add(found, label);
                    default -> {
                    }
                }
            }
            if (side < 0) {
                return;
            }
            if (phrasesOfDoc.advanceExact(doc)) {
                for (int i = phrasesOfDoc.docValueCount(); i > 0; i--) {
                    found = add(found, labelValues.length + phraseOf[(int) phrasesOfDoc.nextOrd()]);
                }
            }
            pairs.add(deal, focusKey + side);
            for (int i = 0; i < found; i++) {
                pairs.add(deal, themes[i] * 2 + side);
            }
            if (found == 0 || !ids.advanceExact(doc)) {
                return;
            }
            long rank = QuotePicks.rank(opinionated, ids.ordValue(), doc);
            for (int i = 0; i < found; i++) {
                int key = themes[i] * 2 + side;
                QuotePicks pick = picks[key];
                if (pick == null) {
                    pick = picks[key] = new QuotePicks();
                }
                pick.offer(deal, rank);
            }
        }

        private int add(int found, int theme) {
            if (found == themes.length) {
                themes = Arrays.copyOf(themes, found * 2);
            }
            themes[found] = theme;
            return found + 1;
        }
    }

    /**
     * The quotes of the shown themes: each slice's candidates, from focus deals or, for a theme no focus deal
     * mentions, baseline deals, grouped by deal and chosen by {@link ThemeAnalysis#representativeQuotes}; then the
     * chosen sentences' stored fields, and only theirs.
     */
    private Map<Theme, List<DealQuote>> quotes(List<ThemeCount> shown, Map<Theme, Integer> themeIds,
            List<SliceThemes> slices) {
        try {
            Map<Theme, List<DealQuote>> quotes = new LinkedHashMap<>();
            Map<String, Integer> docOfId = new HashMap<>();
            Map<LeafReaderContext, SortedDocValues> idLookups = new HashMap<>();
            for (ThemeCount count : shown) {
                int key = themeIds.get(count.theme()) * 2 + (count.focusDeals() > 0 ? 0 : 1);
                Map<Integer, List<DealQuote>> byDeal = new LinkedHashMap<>();
                for (SliceThemes slice : slices) {
                    QuotePicks pick = slice.picks()[key];
                    if (pick == null) {
                        continue;
                    }
                    SortedDocValues ids = idLookups.computeIfAbsent(slice.leaf(), leaf -> {
                        try {
                            return DocValues.getSorted(leaf.reader(), Fields.ID_SORTED);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
                    for (int d = 0; d < pick.dealCount; d++) {
                        for (int r = 0; r < pick.counts[d]; r++) {
                            long rank = pick.ranks[d][r];
                            BytesRef idBytes = ids.lookupOrd(QuotePicks.idOrd(rank));
                            String id = idBytes.utf8ToString();
                            docOfId.put(id, slice.leaf().docBase + QuotePicks.doc(rank));
                            byDeal.computeIfAbsent(pick.deals[d], deal -> new ArrayList<>()).add(new DealQuote(
                                    Integer.toString(pick.deals[d]), "", id, "",
                                    QuotePicks.opinionated(rank) ? 1.0 : 0.5));
                        }
                    }
                }
                quotes.put(count.theme(), ThemeAnalysis.representativeQuotes(byDeal.values()));
            }
            quotes.replaceAll((theme, chosen) -> chosen.stream().map(quote -> stored(docOfId.get(quote.id()), quote)).toList());
            return quotes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the quotes of the themes", e);
        }
    }

    private DealQuote stored(int doc, DealQuote chosen) {
        try {
            Document sentence = searcher.storedFields().document(doc);
            return new DealQuote(sentence.get(Fields.DEAL), sentence.get(Fields.OUTCOME), sentence.get(Fields.ID),
                    sentence.get(Fields.TEXT), chosen.score());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read quote " + chosen.id(), e);
        }
    }
}
