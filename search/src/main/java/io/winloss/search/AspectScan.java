package io.winloss.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.Query;

import io.winloss.search.themes.AspectSentiment;
import io.winloss.search.themes.CompetitorAspects;
import io.winloss.search.themes.CompetitorAspects.Standing;

/**
 * Competitor profiles in one pass over doc values: per sentence its deal, the competitors it names (facet labels) and
 * its criterion aspects, each attributed to a product by {@code QuoteSearch.competitorAspects}'s rule; distinct deals
 * counted by {@link DistinctDeals}, then profiled by {@link CompetitorAspects#profiles}. Products are numbered 0 for
 * us, then one per competitor label; key {@code (product * criteria + criterion) * 3 + m} counts deals mentioning
 * (m 0), praising (1) or criticising (2) the product on the criterion, and key {@code standingKeys + product} deals
 * with any aspect about it.
 */
final class AspectScan {

    private static final int US = 0;

    private final FacetedSearcher searcher;
    private final GlobalOrdinals deals;
    private final GlobalOrdinals labels;
    private final GlobalOrdinals aspects;
    /** Product of each facet label, or -1 when the label is not a competitor. */
    private final int[] productOfLabel;
    private final List<String> products = new ArrayList<>(List.of(AspectSentiment.US));
    /** Criterion of each aspect, or -1 when it is not a criterion aspect. */
    private final int[] criterionOfAspect;
    /** 0 neutral, 1 positive, 2 negative, for each aspect. */
    private final byte[] sentimentOfAspect;
    private final List<String> criteria = new ArrayList<>();
    private final int standingKeys;

    private AspectScan(FacetedSearcher searcher) throws IOException {
        this.searcher = searcher;
        this.deals = searcher.globalOrdinals(Fields.DEAL_SORTED, false);
        this.labels = searcher.globalOrdinals(Fields.FACETS, true);
        this.aspects = searcher.globalOrdinals(Fields.ASPECT_SORTED, true);
        String[] labelValues = labels.values();
        this.productOfLabel = new int[labelValues.length];
        for (int ord = 0; ord < labelValues.length; ord++) {
            String[] label = FacetsConfig.stringToPath(labelValues[ord]);
            productOfLabel[ord] = -1;
            if (Fields.COMPETITOR.equals(label[0])) {
                productOfLabel[ord] = products.size();
                products.add(label[label.length - 1]);
            }
        }
        String[] aspectValues = aspects.values();
        this.criterionOfAspect = new int[aspectValues.length];
        this.sentimentOfAspect = new byte[aspectValues.length];
        Map<String, Integer> criterionIds = new HashMap<>();
        for (int ord = 0; ord < aspectValues.length; ord++) {
            String value = aspectValues[ord];
            int first = value.indexOf('|');
            int last = value.lastIndexOf('|');
            criterionOfAspect[ord] = -1;
            if (first > 0 && last > first && "criterion".equals(value.substring(0, first))) {
                String criterion = value.substring(first + 1, last);
                criterionOfAspect[ord] = criterionIds.computeIfAbsent(criterion, c -> {
                    criteria.add(c);
                    return criteria.size() - 1;
                });
                String sentiment = value.substring(last + 1);
                sentimentOfAspect[ord] = (byte) ("positive".equals(sentiment) ? 1 : "negative".equals(sentiment) ? 2 : 0);
            }
        }
        this.standingKeys = products.size() * criteria.size() * 3;
    }

    static List<CompetitorAspects.CompetitorProfile> profiles(FacetedSearcher searcher, Query query) {
        try {
            return new AspectScan(searcher).profiles(query);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan competitor aspects", e);
        }
    }

    private List<CompetitorAspects.CompetitorProfile> profiles(Query query) {
        if (criteria.isEmpty()) {
            return List.of();
        }
        List<DistinctDeals.Pairs> slices = SentenceScan.run(searcher, query, this::read);
        int[] counts = new int[standingKeys + products.size()];
        DistinctDeals.forEachDistinct(slices, deals.size(), counts.length, (deal, key) -> counts[key]++);
        Map<String, List<Standing>> standings = new LinkedHashMap<>();
        Map<String, Integer> dealsByProduct = new HashMap<>();
        for (int product = 0; product < products.size(); product++) {
            for (int criterion = 0; criterion < criteria.size(); criterion++) {
                int key = (product * criteria.size() + criterion) * 3;
                if (counts[key] > 0) {
                    standings.computeIfAbsent(products.get(product), p -> new ArrayList<>()).add(new Standing(
                            criteria.get(criterion), counts[key], counts[key + 1], counts[key + 2]));
                }
            }
            if (counts[standingKeys + product] > 0) {
                dealsByProduct.put(products.get(product), counts[standingKeys + product]);
            }
        }
        return CompetitorAspects.profiles(standings, dealsByProduct);
    }

    private DistinctDeals.Pairs read(SentenceScan.Slice slice) throws IOException {
        LeafReaderContext leaf = slice.leaf();
        SortedDocValues dealValues = DocValues.getSorted(leaf.reader(), Fields.DEAL_SORTED);
        SortedSetDocValues labelValues = DocValues.getSortedSet(leaf.reader(), Fields.FACETS);
        SortedSetDocValues aspectValues = DocValues.getSortedSet(leaf.reader(), Fields.ASPECT_SORTED);
        int[] dealOf = deals.globalOrdinalsOf(leaf.ord, dealValues.getValueCount());
        int[] labelOf = labels.globalOrdinalsOf(leaf.ord, labelValues.getValueCount());
        int[] aspectOf = aspects.globalOrdinalsOf(leaf.ord, aspectValues.getValueCount());
        int criterionCount = criteria.size();
        DistinctDeals.Pairs pairs = new DistinctDeals.Pairs(standingKeys + products.size(), (slice.to() - slice.from()) * 2);
        slice.forEachMatch(doc -> {
            if (!aspectValues.advanceExact(doc) || !dealValues.advanceExact(doc)) {
                return;
            }
            int named = 0;
            int product = US;
            if (labelValues.advanceExact(doc)) {
                for (int i = labelValues.docValueCount(); i > 0; i--) {
                    int competitor = productOfLabel[labelOf[(int) labelValues.nextOrd()]];
                    if (competitor >= 0) {
                        named++;
                        product = competitor;
                    }
                }
            }
            if (named > 1) {
                return;
            }
            int deal = dealOf[dealValues.ordValue()];
            for (int i = aspectValues.docValueCount(); i > 0; i--) {
                int aspect = aspectOf[(int) aspectValues.nextOrd()];
                int criterion = criterionOfAspect[aspect];
                if (criterion >= 0) {
                    int key = (product * criterionCount + criterion) * 3;
                    pairs.add(deal, key);
                    if (sentimentOfAspect[aspect] > 0) {
                        pairs.add(deal, key + sentimentOfAspect[aspect]);
                    }
                    pairs.add(deal, standingKeys + product);
                }
            }
        });
        return pairs;
    }
}
