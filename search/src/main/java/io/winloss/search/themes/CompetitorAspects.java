package io.winloss.search.themes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToIntFunction;

import io.winloss.search.themes.AspectSentiment.Sentiment;

/**
 * Answers "what do buyers praise and criticise each competitor for, and at which point is a
 * competitor better than us", counting distinct deals. Within one deal, a product is praised
 * on a criterion when any aspect there is positive and criticised when any is negative (a deal
 * can do both). A competitor beat us on a criterion when both were mentioned on it and its net
 * sentiment, (praised - criticised) / deals mentioning, is higher than ours, over all deals.
 *
 * <pre>{@code
 * List<CompetitorAspects.CompetitorProfile> profiles = CompetitorAspects.summarize(List.of(
 *         new AspectSentiment("Acme", "integration", Sentiment.POSITIVE, "d1"),
 *         AspectSentiment.aboutUs("integration", Sentiment.NEGATIVE, "d1")));
 * profiles.get(0).beatUs(); // [integration: Acme +1.0 against us -1.0]
 * }</pre>
 */
public final class CompetitorAspects {

    private CompetitorAspects() {
    }

    /** Distinct deals in which a product was mentioned, praised and criticised on one criterion. */
    public record Standing(String criterion, int deals, int praisedDeals, int criticisedDeals) {

        /** (praised - criticised) / deals, in [-1, 1]. */
        public double net() {
            return deals == 0 ? 0.0 : (double) (praisedDeals - criticisedDeals) / deals;
        }
    }

    /** A criterion with the number of distinct deals behind it. */
    public record CriterionCount(String criterion, int deals) {
    }

    /** A criterion where buyers felt better about the competitor than about us. */
    public record Advantage(String criterion, Standing competitor, Standing us) {

        public double margin() {
            return competitor.net() - us.net();
        }
    }

    /**
     * One competitor as buyers see it; {@code praised} and {@code criticised} are sorted by deals,
     * most first; {@code beatUs} by margin, largest first.
     */
    public record CompetitorProfile(String competitor, int deals, List<Standing> standings,
                                    List<CriterionCount> praised, List<CriterionCount> criticised,
                                    List<Advantage> beatUs) {

        public CompetitorProfile {
            standings = List.copyOf(standings);
            praised = List.copyOf(praised);
            criticised = List.copyOf(criticised);
            beatUs = List.copyOf(beatUs);
        }
    }

    /** One profile per competitor, most deals first; our own standings are only the yardstick. */
    public static List<CompetitorProfile> summarize(List<AspectSentiment> aspects) {
        Map<String, Map<String, Tally>> byTarget = new TreeMap<>();
        Map<String, Set<String>> dealsByTarget = new TreeMap<>();
        for (AspectSentiment aspect : aspects) {
            byTarget.computeIfAbsent(aspect.competitor(), c -> new TreeMap<>())
                    .computeIfAbsent(aspect.criterion(), c -> new Tally())
                    .add(aspect);
            dealsByTarget.computeIfAbsent(aspect.competitor(), c -> new HashSet<>()).add(aspect.dealId());
        }
        Map<String, List<Standing>> standings = new HashMap<>();
        byTarget.forEach((target, tallies) -> tallies.forEach((criterion, tally) ->
                standings.computeIfAbsent(target, t -> new ArrayList<>()).add(tally.standing(criterion))));
        Map<String, Integer> deals = new HashMap<>();
        dealsByTarget.forEach((target, ids) -> deals.put(target, ids.size()));
        return profiles(standings, deals);
    }

    /**
     * The profiles of {@link #summarize}, from distinct-deal counts however they were counted: {@code standings} maps
     * each product ({@link AspectSentiment#US} for ours) to its standing on each criterion it was mentioned on,
     * {@code deals} each product to the distinct deals with an aspect about it. {@link #summarize} calls this.
     */
    public static List<CompetitorProfile> profiles(Map<String, List<Standing>> standings, Map<String, Integer> deals) {
        Map<String, Standing> ours = new HashMap<>();
        standings.getOrDefault(AspectSentiment.US, List.of()).forEach(standing -> ours.put(standing.criterion(), standing));
        List<CompetitorProfile> profiles = new ArrayList<>();
        new TreeMap<>(standings).forEach((competitor, unsorted) -> {
            if (competitor.equals(AspectSentiment.US)) {
                return;
            }
            List<Standing> byCriterion = unsorted.stream().sorted(Comparator.comparing(Standing::criterion)).toList();
            List<Advantage> beatUs = new ArrayList<>();
            for (Standing standing : byCriterion) {
                Standing our = ours.get(standing.criterion());
                if (our != null && standing.net() > our.net()) {
                    beatUs.add(new Advantage(standing.criterion(), standing, our));
                }
            }
            beatUs.sort(Comparator.comparingDouble(Advantage::margin).reversed().thenComparing(Advantage::criterion));
            profiles.add(new CompetitorProfile(competitor, deals.getOrDefault(competitor, 0), byCriterion,
                    counts(byCriterion, Standing::praisedDeals), counts(byCriterion, Standing::criticisedDeals), beatUs));
        });
        profiles.sort(Comparator.comparingInt(CompetitorProfile::deals).reversed().thenComparing(CompetitorProfile::competitor));
        return profiles;
    }

    private static List<CriterionCount> counts(List<Standing> standings, ToIntFunction<Standing> deals) {
        return standings.stream()
                .filter(s -> deals.applyAsInt(s) > 0)
                .map(s -> new CriterionCount(s.criterion(), deals.applyAsInt(s)))
                .sorted(Comparator.comparingInt(CriterionCount::deals).reversed().thenComparing(CriterionCount::criterion))
                .toList();
    }

    /** The distinct deals behind one product's standing on one criterion. */
    private static final class Tally {
        private final Set<String> mentioned = new HashSet<>();
        private final Set<String> praised = new HashSet<>();
        private final Set<String> criticised = new HashSet<>();

        void add(AspectSentiment aspect) {
            mentioned.add(aspect.dealId());
            if (aspect.sentiment() == Sentiment.POSITIVE) {
                praised.add(aspect.dealId());
            } else if (aspect.sentiment() == Sentiment.NEGATIVE) {
                criticised.add(aspect.dealId());
            }
        }

        Standing standing(String criterion) {
            return new Standing(criterion, mentioned.size(), praised.size(), criticised.size());
        }
    }
}
