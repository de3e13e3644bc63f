package io.winloss.search.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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

/**
 * Measures the quote index on synthetic buyer sentences: indexing rate, then search latency after warm-up for a
 * two-term query with three facet filters, facet counts and highlighting of the top 20.
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
            for (int s = 0; s < SENTENCES_PER_DEAL; s++) {
                index.upsert(sentence(random, deal, interview, s, outcome, segment, amount, closeDate,
                        dealCompetitors));
            }
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
        return new QuoteRecord(QuoteRecord.interviewSentenceId(interview, index), WORKSPACE, "deal-" + deal,
                QuoteRecord.INTERVIEW, interview, index, "Buyer " + deal, "buyer", text.toString(), outcome, segment,
                amount, closeDate, closeDate.plusDays(7), competitors, criteria, sentiment,
                competitors.stream().map(c -> new Aspect("competitor", c, sentiment)).toList(), List.of());
    }

    /**
     * A full themes computation as {@code GET /api/themes} runs it: every deal's themes read from the index (lost
     * against won), then ranked with Fisher's test, q-values and intervals. Two warm-up runs, then five timed.
     */
    private static void timeThemes(QuoteSearch search) {
        long[] nanos = new long[5];
        int deals = 0;
        int themes = 0;
        for (int i = -2; i < nanos.length; i++) {
            long t0 = System.nanoTime();
            java.util.List<io.winloss.search.themes.DealThemes> all = search.dealThemes(WORKSPACE, java.util.Map.of(), null, null);
            java.util.List<io.winloss.search.themes.DealThemes> lost = all.stream().filter(d -> "lost".equals(d.outcome())).toList();
            java.util.List<io.winloss.search.themes.DealThemes> won = all.stream().filter(d -> "won".equals(d.outcome())).toList();
            io.winloss.search.themes.ThemeReport report = io.winloss.search.themes.ThemeAnalysis.rank(lost, won);
            if (i >= 0) {
                nanos[i] = System.nanoTime() - t0;
            }
            deals = all.size();
            themes = report.themes().size();
        }
        Arrays.sort(nanos);
        System.out.printf("themes over all %,d deals (lost against won, %d themes shown), 5 runs after 2 warm-up: median %.0f ms, max %.0f ms%n",
                deals, themes, nanos[2] / 1e6, nanos[4] / 1e6);
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
