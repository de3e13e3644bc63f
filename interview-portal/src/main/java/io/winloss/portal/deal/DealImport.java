package io.winloss.portal.deal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;

import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Imports deals from a CSV file of any size while holding only a batch of it in memory: the body is read as a
 * stream on the import's own bounded scheduler, each line is checked by {@link DealValidator}, and good lines
 * are written {@value #BATCH} at a time even when other lines are rejected.
 */
@Component
public class DealImport implements DisposableBean {

    /** One refused line: its physical line number in the file and why. */
    public record Rejected(long line, String message) {
    }

    /** What an import did; {@code rejected} lists at most {@value #MAX_REJECTED} lines, {@code moreRejected} counts the rest. */
    public record Report(long created, long updated, List<Rejected> rejected, long moreRejected) {
    }

    static final int BATCH = 500;
    static final int MAX_REJECTED = 1000;
    static final List<String> COLUMNS = List.of("externalId", "account", "name", "outcome", "amount", "currency",
            "closeDate", "openDate", "discount", "segment", "competitors", "repReason", "ownerEmail",
            "contactName", "contactEmail", "contactRole");
    static final List<String> REQUIRED = List.of("account", "outcome", "closeDate");

    private final Deals deals;
    // Parsing blocks on the request body, so it runs here, never on the event loop; few imports run at once.
    private final Scheduler scheduler = Schedulers.newBoundedElastic(4, 16, "deal-import");

    DealImport(Deals deals) {
        this.deals = deals;
    }

    /**
     * Reads the CSV body (UTF-8, optional BOM, header line naming {@link #COLUMNS}) and saves its good lines.
     * A header with unknown or missing columns fails with {@link InvalidInput} before anything is stored.
     */
    public Mono<Report> importCsv(WorkspaceId workspace, Flux<DataBuffer> body) {
        return Flux.using(() -> CsvLines.open(DataBufferUtils.subscriberInputStream(body, 4)),
                        lines -> Flux.generate(lines::next),
                        CsvLines::close)
                .subscribeOn(scheduler)
                .buffer(BATCH)
                // one batch in flight: the parser waits for the store instead of filling memory
                .concatMap(batch -> write(workspace, batch), 1)
                .reduceWith(Tally::new, Tally::add)
                .map(Tally::report);
    }

    private Mono<Tally> write(WorkspaceId workspace, List<Line> batch) {
        Tally tally = new Tally();
        List<NewDeal> good = new ArrayList<>(batch.size());
        for (Line line : batch) {
            if (line.deal() != null) {
                good.add(line.deal());
            } else {
                tally.reject(line.rejected());
            }
        }
        return deals.saveAll(workspace, good).map(counts -> {
            tally.created += counts.created();
            tally.updated += counts.updated();
            return tally;
        });
    }

    @Override
    public void destroy() {
        scheduler.dispose();
    }

    /** A parsed line: a deal to save, or why not. */
    private record Line(NewDeal deal, Rejected rejected) {
    }

    private static final class Tally {
        long created;
        long updated;
        final List<Rejected> rejected = new ArrayList<>();
        long moreRejected;

        void reject(Rejected line) {
            if (rejected.size() < MAX_REJECTED) {
                rejected.add(line);
            } else {
                moreRejected++;
            }
        }

        Tally add(Tally batch) {
            created += batch.created;
            updated += batch.updated;
            batch.rejected.forEach(this::reject);
            moreRejected += batch.moreRejected;
            return this;
        }

        Report report() {
            return new Report(created, updated, List.copyOf(rejected), moreRejected);
        }
    }

    /** The lines of one CSV stream, numbered as an editor numbers them. */
    private static final class CsvLines {
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private long lastLine;
        private boolean done;

        private CsvLines(CSVParser parser) {
            this.parser = parser;
            this.records = parser.iterator();
            this.lastLine = parser.getCurrentLineNumber();
        }

        static CsvLines open(InputStream in) throws IOException {
            Reader reader = skipBom(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024));
            CSVParser parser;
            try {
                parser = CSVFormat.RFC4180.builder()
                        .setHeader().setSkipHeaderRecord(true)
                        .setIgnoreEmptyLines(false) // counted ourselves, so line numbers stay physical
                        .setAllowMissingColumnNames(true)
                        .setTrim(true)
                        .get()
                        .parse(reader);
            } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
                reader.close();
                throw new InvalidInput("header", "the first line must name the columns: " + e.getMessage());
            }
            checkHeader(parser);
            return new CsvLines(parser);
        }

        private static Reader skipBom(BufferedReader reader) throws IOException {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            return reader;
        }

        private static void checkHeader(CSVParser parser) throws IOException {
            List<String> names = parser.getHeaderNames();
            Set<String> unknown = new LinkedHashSet<>();
            for (String name : names) {
                if (!name.isEmpty() && !COLUMNS.contains(name)) {
                    unknown.add(name);
                }
            }
            List<FieldError> errors = new ArrayList<>();
            if (!unknown.isEmpty()) {
                errors.add(new FieldError("header", "unknown columns: " + String.join(", ", unknown)
                        + " (known: " + String.join(", ", COLUMNS) + ")"));
            }
            List<String> missing = REQUIRED.stream().filter(c -> !names.contains(c)).toList();
            if (!missing.isEmpty()) {
                errors.add(new FieldError("header", "missing required columns: " + String.join(", ", missing)));
            }
            if (!errors.isEmpty()) {
                parser.close();
                throw new InvalidInput(errors);
            }
        }

        void next(SynchronousSink<Line> sink) {
            if (done) {
                sink.complete();
                return;
            }
            long line = lastLine + 1;
            try {
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    long start = line;
                    lastLine = parser.getCurrentLineNumber();
                    line = lastLine + 1;
                    if (record.size() == 1 && record.get(0).isEmpty()) {
                        continue; // a blank line
                    }
                    sink.next(parse(record, start));
                    return;
                }
                sink.complete();
            } catch (UncheckedIOException | IllegalStateException e) {
                // malformed CSV (say an unclosed quote): keep what was read, report where reading stopped
                done = true;
                sink.next(new Line(null, new Rejected(line, "unreadable CSV from this line on: " + rootMessage(e))));
            }
        }

        private static String rootMessage(Throwable e) {
            Throwable t = e;
            while (t.getCause() != null) {
                t = t.getCause();
            }
            return t.getMessage();
        }

        private static Line parse(CSVRecord record, long line) {
            try {
                return new Line(DealValidator.validate(input(record)), null);
            } catch (InvalidInput e) {
                String message = String.join("; ", e.errors().stream().map(f -> f.field() + " " + f.message()).toList());
                return new Line(null, new Rejected(line, message));
            }
        }

        private static DealInput input(CSVRecord r) {
            String competitors = value(r, "competitors");
            String contactName = value(r, "contactName");
            String contactEmail = value(r, "contactEmail");
            String contactRole = value(r, "contactRole");
            List<Contact> contacts = isBlank(contactName) && isBlank(contactEmail) && isBlank(contactRole)
                    ? List.of() : List.of(new Contact(contactName, contactEmail, contactRole));
            return new DealInput(value(r, "externalId"), value(r, "account"), value(r, "name"), value(r, "outcome"),
                    value(r, "amount"), value(r, "currency"), value(r, "closeDate"), value(r, "openDate"),
                    value(r, "discount"), value(r, "segment"),
                    competitors == null ? List.of() : Arrays.stream(competitors.split(";")).filter(c -> !c.isBlank()).toList(),
                    value(r, "repReason"), value(r, "ownerEmail"), contacts);
        }

        private static boolean isBlank(String s) {
            return s == null || s.isBlank();
        }

        private static String value(CSVRecord record, String column) {
            return record.isMapped(column) && record.isSet(column) ? record.get(column) : null;
        }

        void close() {
            try {
                parser.close();
            } catch (IOException e) {
                // the body is gone either way; nothing left to release
            }
        }
    }
}
