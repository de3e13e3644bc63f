package io.winloss.portal.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.winloss.portal.csv.CsvImport;
import io.winloss.portal.web.InvalidInput;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Coverage-guided fuzzing (Jazzer) of the CSV import's reading: {@link CsvImport}'s line reader (shared by the deal
 * and touchpoint imports) with {@link DealImport}'s parser and {@link DealValidator}, without Spring or a store, so
 * that thousands of files run per second. The property, for any bytes: the import yields a report whose rejected
 * lines carry line numbers after the header, in order, or fails with {@link InvalidInput} naming the header; any
 * other exception is a finding, and so is a file not read within {@link #HANG} (a hang).
 *
 * <p>Without {@code JAZZER_FUZZ} set, this replays the kept inputs under
 * {@code src/test/resources/io/winloss/portal/deal/DealImportFuzzTestsInputs/importCsv/} (seeds and every input that
 * once failed, named for what it is). With {@code JAZZER_FUZZ=1} it fuzzes for {@code maxDuration}; a new finding
 * is written into that folder.
 */
class DealImportFuzzTests {
    static final Duration HANG = Duration.ofSeconds(10);
    private static final Scheduler IMPORTER = Schedulers.newSingle("fuzzed-import", true);
    private static final DefaultDataBufferFactory BUFFERS = DefaultDataBufferFactory.sharedInstance;

    @FuzzTest(maxDuration = "10s")
    @DictionaryEntries({"externalId", "account", "name", "outcome", "amount", "currency", "closeDate", "openDate",
            "discount", "segment", "competitors", "repReason", "ownerEmail", "contactName", "contactEmail",
            "contactRole", "won", "lost", "2026-01-10", "\\xEF\\xBB\\xBF", "\"\"", "\\x0D\\x0A", "@", "1e308", "-0"})
    void importCsv(byte[] bytes) {
        CsvImport.Tally tally = new CsvImport.Tally();
        long[] lastLine = {1};
        long[] read = {0};
        try {
            DealImport.lines(body(bytes), IMPORTER)
                    .doOnNext(line -> {
                        read[0]++;
                        if (line.deal() != null) {
                            tally.saved(1, 0);
                        } else {
                            assertThat(line.rejected().line()).as("a rejected line's number")
                                    .isGreaterThan(lastLine[0]);
                            lastLine[0] = line.rejected().line();
                            assertThat(line.rejected().message()).isNotBlank();
                            tally.reject(line.rejected());
                        }
                    })
                    .blockLast(HANG);
        } catch (InvalidInput badHeader) {
            assertThat(badHeader.errors()).isNotEmpty()
                    .allSatisfy(error -> assertThat(error.field()).isEqualTo("header"));
            return;
        }
        CsvImport.Report report = tally.report();
        assertThat(report.created() + report.rejected().size() + report.moreRejected()).isEqualTo(read[0]);
    }

    /**
     * Not found by fuzzing (its inputs are a few kilobytes) but by the same property: Commons CSV holds a record whole,
     * so a quote never closed made the import hold the rest of a file of any size in memory.
     */
    @Test
    void aQuoteNeverClosedStopsTheImportAtItsLineInsteadOfFillingMemory() {
        byte[] head = "account,outcome,closeDate\nAcme,won,2026-01-10\n\"Globex,lost,2026-01-11\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] rest = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
        Flux<DataBuffer> body = Flux.concat(Flux.just(copy(head, 0, head.length)),
                Flux.range(0, 64).map(i -> copy(rest, 0, rest.length))); // 4 MB after the quote

        List<DealImport.Line> lines = DealImport.lines(body, IMPORTER).collectList().block(HANG);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).deal()).isNotNull();
        assertThat(lines.get(1).rejected().line()).isEqualTo(3);
        assertThat(lines.get(1).rejected().message()).contains("longer than 1,000,000 characters");
    }

    /** The bytes as a WebFlux body arrives: in a few buffers. */
    private static Flux<DataBuffer> body(byte[] bytes) {
        int half = bytes.length / 2;
        return Flux.just(copy(bytes, 0, half), copy(bytes, half, bytes.length - half));
    }

    private static DataBuffer copy(byte[] bytes, int from, int length) {
        DataBuffer buffer = BUFFERS.allocateBuffer(Math.max(length, 1));
        buffer.write(bytes, from, length);
        return buffer;
    }
}
