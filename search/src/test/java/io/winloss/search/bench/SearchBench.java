package io.winloss.search.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.winloss.search.Aspect;
import io.winloss.search.Fields;
import io.winloss.search.QuoteIndex;
import io.winloss.search.QuoteRecord;
import io.winloss.search.QuoteSearch;
import io.winloss.search.SearchPage;
import io.winloss.search.SearchRequest;
import io.winloss.search.ThemeRequest;
import io.winloss.search.themes.CompetitorAspects;
import io.winloss.search.themes.Theme;
import io.winloss.search.themes.ThemeAnalysis;
import io.winloss.search.themes.ThemeReport;
import io.winloss.search.themes.ThemeStats;
import io.winloss.search.themes.Trend;

/**
 * Measures the quote index on synthetic buyer sentences: indexing rate, then search latency after warm-up for a
 * two-term query with three facet filters, facet counts and highlighting of the top 20, then a themes computation over
 * every deal (lost against won), the trends of its ten top themes and the competitor profiles of the same deals.
 * Each sentence has one or two key phrases out of 300 and one criterion aspect per criterion it names.
 *
 * <p>Run from the repository root (N defaults to 1,000,000 sentences, one deal per 10 sentences):
 * <pre>
 * mvn -q -pl search test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
 * java -Xmx2g -cp search/target/classes:search/target/test-classes:$(cat search/target/bench.classpath) \
 *     io.winloss.search.bench.SearchBench 1000000
 * </pre>
 * The index goes to a temporary folder, deleted at the end.
 */
public final class SearchBench {

    private static final String WORKSPACE = "bench";
    private static final String[] COMPETITORS = {"Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark Systems",
        "Wayne Analytics", "Soylent", "Vandelay", "Cyberdyne", "Tyrell", "Wonka"};
    private static final String[] CRITERIA = {"price", "product_fit", "ease_of_use", "integration", "implementation",
        "support", "security_compliance", "reputation_trust", "sales_experience", "roi_value",
        "performance_reliability", "contract_terms", "timing_budget"};
    /** Words buyers use for each criterion, in {@link #CRITERIA} order. */
    private static final String[][] CRITERION_WORDS = {
        {"price", "pricing", "expensive", "cheaper", "discount", "cost"},
        {"features", "workflow", "fit", "roadmap", "reporting", "dashboards"},
        {"easy", "intuitive", "clunky", "usability", "interface", "learning"},
        {"integration", "integrations", "API", "Salesforce", "connector", "sync"},
        {"implementation", "onboarding", "rollout", "migration", "setup", "deployment"},
        {"support", "responsive", "tickets", "helpdesk", "escalation", "account manager"},
        {"security", "SSO", "SOC 2", "compliance", "GDPR", "audit"},
        {"reputation", "references", "trust", "brand", "analyst", "reviews"},
        {"sales rep", "demo", "pushy", "proposal", "follow-up", "procurement"},
        {"ROI", "value", "payback", "savings", "business case", "outcomes"},
        {"performance", "reliability", "uptime", "slow", "outages", "latency"},
        {"contract", "terms", "renewal", "lock-in", "legal", "multi-year"},
        {"budget", "timing", "freeze", "quarter", "priorities", "fiscal year"}};
    private static final String[] FILLER = {"we", "felt", "that", "the", "team", "really", "was", "in", "the end",
        "honestly", "compared", "to", "their", "your", "product", "during", "evaluation", "it", "seemed", "much",
        "more", "less", "than", "expected", "and", "but", "for", "our", "use case", "because", "of", "which"};
    private static final String[] OUTCOMES = {"won", "won", "won", "lost", "lost", "lost", "no_decision"};
    private static final String[] SEGMENTS = {"smb", "mid-market", "enterprise"};
    private static final String[] SENTIMENTS = {"positive", "neutral", "negative"};
    private static final int SENTENCES_PER_DEAL = 10;
    /** Key phrases as the tagger finds them: 20 modifiers by 15 nouns, 300 phrases; one or two per sentence. */
    private static final String[] PHRASE_MODIFIERS = {"per seat", "annual", "hidden", "native", "custom", "weekly",
        "slow", "missing", "mobile", "bulk", "single sign-on", "usage-based", "enterprise", "legacy", "real-time",
        "offline", "automated", "shared", "regional", "volume"};
    private static final String[] PHRASE_NOUNS = {"pricing", "contract", "integration", "reporting", "support",
        "onboarding", "dashboard", "export", "workflow", "license", "migration", "discount", "api", "sync", "audit log"};

    private SearchBench() {
    }

    public static void main(String[] args) throws Exception {
        int sentences = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int threads = Runtime.getRuntime().availableProcessors();
        Path dir = Files.createTempDirectory("quote-bench");
        try (QuoteIndex index = QuoteIndex.open(dir)) {
            System.out.printf("indexing %,d sentences (%,d deals) with %d threads into %s%n",
                    sentences, sentences / SENTENCES_PER_DEAL, threads, dir);
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> slices = new ArrayList<>();
            int dealsTotal = Math.max(1, sentences / SENTENCES_PER_DEAL);
            for (int t = 0; t < threads; t++) {
                int first = (int) ((long) dealsTotal * t / threads);
                int last = (int) ((long) dealsTotal * (t + 1) / threads);
                slices.add(pool.submit(() -> indexDeals(index, first, last)));
            }
            for (Future<?> slice : slices) {
                slice.get();
            }
            pool.shutdown();
            index.commit(sentences);
            double seconds = (System.nanoTime() - start) / 1e9;
            long count = index.count(WORKSPACE);
            System.out.printf("indexed %,d sentences in %.1f s: %,.0f sentences/s (including the final commit)%n",
                    count, seconds, count / seconds);
            System.out.printf("index size on disk: %,d MB%n", sizeOf(dir) / (1 << 20));

            QuoteSearch search = new QuoteSearch(index);
            List<SearchRequest> requests = requests();
            for (int i = 0; i < 300; i++) {
                search.search(WORKSPACE, requests.get(i % requests.size()));
            }
            int runs = 1000;
            long[] nanos = new long[runs];
            long hitsSeen = 0;
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                SearchPage page = search.search(WORKSPACE, requests.get(i % requests.size()));
                nanos[i] = System.nanoTime() - t0;
                hitsSeen += page.total();
            }
            Arrays.sort(nanos);
            System.out.printf("search (2 terms, 3 facet filters, 7 facet counts, top 20 highlighted), %d runs after"
                            + " 300 warm-up: p50 %.1f ms, p99 %.1f ms, max %.1f ms; %,d matching sentences per query"
                            + " on average%n",
                    runs, nanos[runs / 2] / 1e6, nanos[runs * 99 / 100] / 1e6, nanos[runs - 1] / 1e6,
                    hitsSeen / runs);
            System.out.println("example: " + requests.get(0) + " -> "
                    + search.search(WORKSPACE, requests.get(0)).hits().get(0).highlight());
            timeThemes(search);
            timeThemesAfterChange(index, search, sentences);
        } finally {
            deleteRecursively(dir);
        }
    }

    private static void indexDeals(QuoteIndex index, int firstDeal, int lastDeal) {
        SplittableRandom random = new SplittableRandom(firstDeal);
        LocalDate start = LocalDate.of(2024, 1, 1);
        for (int deal = firstDeal; deal < lastDeal; deal++) {
            String outcome = OUTCOMES[random.nextInt(OUTCOMES.length)];
            String segment = SEGMENTS[random.nextInt(SEGMENTS.length)];
            double amount = 5_000 + random.nextInt(200_000);
            LocalDate closeDate = start.plusDays(random.nextInt(730));
            List<String> dealCompetitors = List.of(COMPETITORS[random.nextInt(COMPETITORS.length)],
                    COMPETITORS[random.nextInt(COMPETITORS.length)]);
            String interview = "iv-" + deal;
            List<QuoteRecord> sentences = new ArrayList<>(SENTENCES_PER_DEAL);
            for (int s = 0; s < SENTENCES_PER_DEAL; s++) {
                sentences.add(sentence(random, deal, interview, s, outcome, segment, amount, closeDate, dealCompetitors));
            }
            // as the portal indexes an analysed interview: its sentences replace the source's in one step
            index.replaceSource(WORKSPACE, QuoteRecord.INTERVIEW, interview, sentences);
        }
    }

    private static QuoteRecord sentence(SplittableRandom random, int deal, String interview, int index,
            String outcome, String segment, double amount, LocalDate closeDate, List<String> dealCompetitors) {
        List<String> criteria = new ArrayList<>();
        List<String> competitors = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int words = 12 + random.nextInt(14);
        for (int w = 0; w < words; w++) {
            int roll = random.nextInt(100);
            String word;
            if (roll < 18) {
                int criterion = random.nextInt(CRITERIA.length);
                word = CRITERION_WORDS[criterion][random.nextInt(CRITERION_WORDS[criterion].length)];
                if (!criteria.contains(CRITERIA[criterion])) {
                    criteria.add(CRITERIA[criterion]);
                }
            } else if (roll < 23) {
                word = dealCompetitors.get(random.nextInt(dealCompetitors.size()));
                if (!competitors.contains(word)) {
                    competitors.add(word);
                }
            } else {
                word = FILLER[random.nextInt(FILLER.length)];
            }
            if (w > 0) {
                text.append(' ');
            }
            text.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
        }
        text.append('.');
        String sentiment = SENTIMENTS[random.nextInt(SENTIMENTS.length)];
        List<Aspect> aspects = new ArrayList<>();
        competitors.forEach(c -> aspects.add(new Aspect("competitor", c, sentiment)));
        criteria.forEach(c -> aspects.add(new Aspect("criterion", c, sentiment)));
        List<String> keyPhrases = new ArrayList<>();
        for (int p = 1 + random.nextInt(2); p > 0; p--) {
            // skewed towards the first modifiers, as real phrases are: a few common, a long tail
            int modifier = Math.min(random.nextInt(PHRASE_MODIFIERS.length), random.nextInt(PHRASE_MODIFIERS.length));
            keyPhrases.add(PHRASE_MODIFIERS[modifier] + " " + PHRASE_NOUNS[random.nextInt(PHRASE_NOUNS.length)]);
        }
        return new QuoteRecord(QuoteRecord.interviewSentenceId(interview, index), WORKSPACE, "deal-" + deal,
                QuoteRecord.INTERVIEW, interview, index, "Buyer " + deal, "buyer", text.toString(), outcome, segment,
                amount, closeDate, closeDate.plusDays(7), competitors, criteria, sentiment, aspects, keyPhrases);
    }

    /**
     * A full themes computation as {@code GET /api/themes} runs it (lost against won, every deal, one scan over doc
     * values), the quarterly trends of the ten top themes, and the competitor profiles of the same deals. Three warm-up
     * runs each, then twenty timed; the first run after a refresh also builds the global ordinals, printed apart.
     */
    private static void timeThemes(QuoteSearch search) {
        ThemeRequest lostVsWon = new ThemeRequest(List.of("lost"), List.of("won"), Map.of(), null, null);
        long cold = System.nanoTime();
        ThemeReport first = search.themes(WORKSPACE, lostVsWon, ThemeAnalysis.Options.defaults());
        System.out.printf("themes, first run on this reader (builds the global ordinals of deal, facets, key phrases):"
                + " %.0f ms%n", (System.nanoTime() - cold) / 1e6);
        ThemeReport[] report = {first};
        String themes = time(() -> report[0] = search.themes(WORKSPACE, lostVsWon, ThemeAnalysis.Options.defaults()));
        System.out.printf("themes over all %,d deals (lost %,d against won %,d, %d themes shown, 3 quotes each): %s%n",
                report[0].sample().deals(), report[0].sample().focus(), report[0].sample().baseline(),
                report[0].themes().size(), themes);
        List<Theme> top = report[0].themes().stream().limit(10).map(ThemeStats::asTheme).toList();
        @SuppressWarnings("unchecked")
        List<Trend>[] trends = new List[1];
        String trendTimes = time(() -> trends[0] = search.trends(WORKSPACE, lostVsWon, top));
        System.out.printf("trends of the top %d themes over the lost deals (%d quarters): %s%n",
                top.size(), trends[0].isEmpty() ? 0 : trends[0].get(0).quarters().size(), trendTimes);
        @SuppressWarnings("unchecked")
        List<CompetitorAspects.CompetitorProfile>[] profiles = new List[1];
        String aspectTimes = time(() -> profiles[0] = search.competitorAspects(WORKSPACE, lostVsWon));
        System.out.printf("competitor aspects over lost and won deals (%d competitors): %s%n",
                profiles[0].size(), aspectTimes);
        System.out.println("top theme: " + report[0].themes().get(0).kind() + " " + report[0].themes().get(0).theme()
                + ", quote: " + report[0].themes().get(0).quotes().get(0).text());
    }

    /**
     * What an analyst waits for after an interview was analysed: one deal's interview is indexed again, the reader
     * refreshed, and the themes computed on the new reader (warm code, but new global ordinals). Ten times.
     */
    private static void timeThemesAfterChange(QuoteIndex index, QuoteSearch search, int sentences) {
        ThemeRequest lostVsWon = new ThemeRequest(List.of("lost"), List.of("won"), Map.of(), null, null);
        long[] nanos = new long[10];
        for (int i = 0; i < nanos.length; i++) {
            indexDeals(index, i, i + 1);
            index.commit(sentences + i + 1L);
            long t0 = System.nanoTime();
            search.themes(WORKSPACE, lostVsWon, ThemeAnalysis.Options.defaults());
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf("themes, first run after one interview was indexed again and the reader refreshed,"
                + " 10 times: median %.0f ms, max %.0f ms%n", nanos[5] / 1e6, nanos[9] / 1e6);
    }

    /** Three warm-up runs, then twenty timed: "median X ms, p95 Y ms, max Z ms". */
    private static String time(Runnable run) {
        long[] nanos = new long[20];
        for (int i = -3; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            run.run();
            if (i >= 0) {
                nanos[i] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(nanos);
        return String.format("20 runs after 3 warm-up: median %.0f ms, p95 %.0f ms, max %.0f ms",
                nanos[10] / 1e6, nanos[18] / 1e6, nanos[19] / 1e6);
    }

    /** Two common terms from different criteria, each with outcome, competitor and segment filters. */
    private static List<SearchRequest> requests() {
        String[][] pairs = {{"pricing", "integration"}, {"support", "slow"}, {"onboarding", "expensive"},
            {"security", "contract"}, {"API", "reliability"}, {"demo", "value"}, {"renewal", "discount"},
            {"migration", "support"}};
        List<SearchRequest> requests = new ArrayList<>();
        int i = 0;
        for (String[] pair : pairs) {
            for (String competitor : COMPETITORS) {
                requests.add(SearchRequest.of(pair[0] + " " + pair[1])
                        .withFilter(Fields.OUTCOME, i % 2 == 0 ? "lost" : "won")
                        .withFilter(Fields.COMPETITOR, competitor)
                        .withFilter(Fields.SEGMENT, SEGMENTS[i % SEGMENTS.length]));
                i++;
            }
        }
        return requests;
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
