package io.winloss.portal.deal;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

/**
 * Measures the CSV import against a running portal (not a test: timings belong in the README, not in CI).
 * Writes a CSV of N lines (every 100th one invalid) and streams it to {@code POST /api/deals/import}.
 *
 * <pre>
 * java -Xmx256m -jar interview-portal/target/interview-portal.jar --SERVER_PORT=8101 ...
 * java -cp interview-portal/target/test-classes io.winloss.portal.deal.CsvImportBench \
 *     http://localhost:8101 admin@example.test correct-horse-battery 50000
 * </pre>
 * The latest numbers are in the README ("Measured").
 */
public final class CsvImportBench {

    private CsvImportBench() {
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8101";
        String user = args.length > 1 ? args[1] : "admin@example.test";
        String password = args.length > 2 ? args[2] : "correct-horse-battery";
        int lines = args.length > 3 ? Integer.parseInt(args[3]) : 50_000;
        // "insert": lines without externalId, so every line is an insert instead of an upsert by external id
        boolean withExternalId = args.length <= 4 || !args[4].equals("insert");

        Path csv = Files.createTempFile("deals-bench", ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            out.write("externalId,account,name,outcome,amount,currency,closeDate,openDate,discount,segment,competitors,"
                    + "repReason,ownerEmail,contactName,contactEmail,contactRole\n");
            String[] outcomes = {"won", "lost", "no_decision", "churned", "renewed", "open"};
            for (int i = 0; i < lines; i++) {
                String outcome = i % 100 == 99 ? "maybe" : outcomes[i % outcomes.length];
                out.write((withExternalId ? "bench-" + i : "") + ",Account " + (i % 5000) + ",Deal " + i + "," + outcome + "," + (1000 + i) + ".50,EUR,"
                        + "2025-" + String.format("%02d-%02d", 1 + i % 12, 1 + i % 28) + ",2024-12-01,0.1,"
                        + (i % 3 == 0 ? "enterprise" : "smb") + ",Globex;Initech,\"Price, mostly\",rep@example.test,"
                        + "Ann " + i + ",ann" + i + "@buyer.test,CFO\n");
            }
        }
        long bytes = Files.size(csv);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/deals/import"))
                .header("Content-Type", "text/csv")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofFile(csv))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        String body = response.body();
        System.out.printf("status %d, %d lines (%.1f MB) in %.2f s = %.0f lines/s%n", response.statusCode(), lines,
                bytes / 1e6, seconds, lines / seconds);
        System.out.println(body.length() > 300 ? body.substring(0, 300) + "..." : body);
        Files.delete(csv);
    }
}
