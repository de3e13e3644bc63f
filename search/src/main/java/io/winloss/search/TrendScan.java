package io.winloss.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Query;

import io.winloss.search.themes.Theme;
import io.winloss.search.themes.Trend;

/**
 * Trends of a few themes in one pass over doc values: per sentence its deal, its deal's close date and whether it
 * mentions one of the themes; distinct deals per theme counted by {@link DistinctDeals}, then per quarter by
 * {@link Trend#of(Theme, Map, Map, int)}. Key {@code t} is "mentions theme t", key {@code themes.size()} "is a deal".
 * The themes must be distinct.
 */
final class TrendScan {

    private static final int UNDATED = Integer.MIN_VALUE;

    private final FacetedSearcher searcher;
    private final List<Theme> themes;
    private final GlobalOrdinals deals;
    private final GlobalOrdinals labels;
    private final GlobalOrdinals phrases;
    /** Requested theme of each facet label, or -1. */
    private final int[] themeOfLabel;
    /** Requested theme of each key phrase, or -1; null when no key phrase is requested. */
    private final int[] themeOfPhrase;
    /** Close date of each deal as epoch day; a deal's sentences all carry its facts. */
    private final int[] closeDayOfDeal;

    private TrendScan(FacetedSearcher searcher, List<Theme> themes) throws IOException {
        this.searcher = searcher;
        this.themes = themes;
        this.deals = searcher.globalOrdinals(Fields.DEAL_SORTED, false);
        this.labels = searcher.globalOrdinals(Fields.FACETS, true);
        this.phrases = searcher.globalOrdinals(Fields.KEY_PHRASE_SORTED, true);
        this.themeOfLabel = new int[labels.size()];
        Arrays.fill(themeOfLabel, -1);
        boolean anyPhrase = themes.stream().anyMatch(theme -> theme.kind() == Theme.Kind.KEY_PHRASE);
        this.themeOfPhrase = anyPhrase ? new int[phrases.size()] : null;
        if (anyPhrase) {
            Arrays.fill(themeOfPhrase, -1);
        }
        for (int t = 0; t < themes.size(); t++) {
            Theme theme = themes.get(t);
            int ord = switch (theme.kind()) {
                case CRITERION -> labels.ordOf(FacetsConfig.pathToString(Fields.CRITERION, theme.name()));
                case COMPETITOR -> labels.ordOf(FacetsConfig.pathToString(Fields.COMPETITOR, theme.name()));
                case KEY_PHRASE -> phrases.ordOf(theme.name());
            };
            if (ord >= 0) {
                (theme.kind() == Theme.Kind.KEY_PHRASE ? themeOfPhrase : themeOfLabel)[ord] = t;
            }
        }
        this.closeDayOfDeal = new int[deals.size()];
        Arrays.fill(closeDayOfDeal, UNDATED);
    }

    static List<Trend> trends(FacetedSearcher searcher, Query focusSentences, List<Theme> themes) {
        try {
            return new TrendScan(searcher, themes).trends(focusSentences);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan trends", e);
        }
    }

    private List<Trend> trends(Query query) {
        List<DistinctDeals.Pairs> slices = SentenceScan.run(searcher, query, this::read);
        int dealKey = themes.size();
        Map<LocalDate, Integer> closed = new HashMap<>();
        List<Map<LocalDate, Integer>> mentioning = new ArrayList<>();
        themes.forEach(theme -> mentioning.add(new HashMap<>()));
        int[] undated = {0};
        LocalDate[] quarterOfDeal = new LocalDate[deals.size()];
        DistinctDeals.forEachDistinct(slices, deals.size(), dealKey + 1, (deal, key) -> {
            if (closeDayOfDeal[deal] == UNDATED) {
                if (key == dealKey) {
                    undated[0]++;
                }
                return;
            }
            if (quarterOfDeal[deal] == null) {
                quarterOfDeal[deal] = Trend.quarterStart(LocalDate.ofEpochDay(closeDayOfDeal[deal]));
            }
            (key == dealKey ? closed : mentioning.get(key)).merge(quarterOfDeal[deal], 1, Integer::sum);
        });
        List<Trend> trends = new ArrayList<>();
        for (int t = 0; t < themes.size(); t++) {
            trends.add(Trend.of(themes.get(t), closed, mentioning.get(t), undated[0]));
        }
        return trends;
    }

    private DistinctDeals.Pairs read(SentenceScan.Slice slice) throws IOException {
        LeafReaderContext leaf = slice.leaf();
        SortedDocValues dealValues = DocValues.getSorted(leaf.reader(), Fields.DEAL_SORTED);
        NumericDocValues closeDays = DocValues.getNumeric(leaf.reader(), Fields.CLOSE_DATE);
        SortedSetDocValues labelValues = DocValues.getSortedSet(leaf.reader(), Fields.FACETS);
        SortedSetDocValues phraseValues = DocValues.getSortedSet(leaf.reader(), Fields.KEY_PHRASE_SORTED);
        int[] dealOf = deals.globalOrdinalsOf(leaf.ord, dealValues.getValueCount());
        int[] labelOf = labels.globalOrdinalsOf(leaf.ord, labelValues.getValueCount());
        int[] phraseOf = themeOfPhrase == null ? null : phrases.globalOrdinalsOf(leaf.ord, phraseValues.getValueCount());
        int dealKey = themes.size();
        DistinctDeals.Pairs pairs = new DistinctDeals.Pairs(dealKey + 1, slice.to() - slice.from());
        slice.forEachMatch(doc -> {
            if (!dealValues.advanceExact(doc)) {
                return;
            }
            int deal = dealOf[dealValues.ordValue()];
            pairs.add(deal, dealKey);
            if (closeDays.advanceExact(doc)) {
                closeDayOfDeal[deal] = (int) closeDays.longValue();
            }
            if (labelValues.advanceExact(doc)) {
                for (int i = labelValues.docValueCount(); i > 0; i--) {
                    int theme = themeOfLabel[labelOf[(int) labelValues.nextOrd()]];
                    if (theme >= 0) {
                        pairs.add(deal, theme);
                    }
                }
            }
            if (phraseOf != null && phraseValues.advanceExact(doc)) {
                for (int i = phraseValues.docValueCount(); i > 0; i--) {
                    int theme = themeOfPhrase[phraseOf[(int) phraseValues.nextOrd()]];
                    if (theme >= 0) {
                        pairs.add(deal, theme);
                    }
                }
            }
        });
        return pairs;
    }
}
