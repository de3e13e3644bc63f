package io.winloss.portal.csv;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;
import reactor.core.publisher.Flux;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Scheduler;

/**
 * What every CSV import of the portal shares (deals, touchpoints): the upload read as a stream on the importer's own
 * bounded scheduler, never the event loop, holding one record at a time; a header checked before anything is stored;
 * lines numbered as an editor numbers them (blank lines and quoted line breaks counted), so a rejected line can be
 * found; malformed CSV reported at the line where reading stopped, keeping what came before; no record longer than
 * {@value #MAX_RECORD_CHARS} characters (an unclosed quote would otherwise hold the rest of the file in memory); and
 * the report of an import, whose rejected lines are capped.
 */
public final class CsvImport {

    /** Good lines are written this many at a time. */
    public static final int BATCH = 500;
    /** At most this many rejected lines are listed; the rest are counted. */
    public static final int MAX_REJECTED = 1000;
    /** The longest record (or header) read, in characters; a deal or touchpoint line is well under 10,000. */
    public static final int MAX_RECORD_CHARS = 1_000_000;

    private CsvImport() {
    }

    /** One refused line: its physical line number in the file and why. */
    public record Rejected(long line, String message) {
    }

    /** What an import did; {@code rejected} lists at most {@value #MAX_REJECTED} lines, {@code moreRejected} counts the rest. */
    public record Report(long created, long updated, List<Rejected> rejected, long moreRejected) {
    }

    /**
     * The columns a file may have: {@code known} ones only, every {@code required} one, and at least one of each group
     * in {@code oneOf} (say {@code dealId} or {@code externalId}).
     */
    public record Header(List<String> known, List<String> required, List<List<String>> oneOf) {

        public Header {
            known = List.copyOf(known);
            required = List.copyOf(required);
            oneOf = List.copyOf(oneOf);
        }

        void check(List<String> names) {
            Set<String> unknown = new LinkedHashSet<>();
            for (String name : names) {
                if (!name.isEmpty() && !known.contains(name)) {
                    unknown.add(name);
                }
            }
            List<FieldError> errors = new ArrayList<>();
            if (!unknown.isEmpty()) {
                errors.add(new FieldError("header", "unknown columns: " + String.join(", ", unknown)
                        + " (known: " + String.join(", ", known) + ")"));
            }
            List<String> missing = new ArrayList<>();
            for (List<String> group : oneOf) {
                if (group.stream().noneMatch(names::contains)) {
                    missing.add(String.join(" or ", group));
                }
            }
            required.stream().filter(c -> !names.contains(c)).forEach(missing::add);
            if (!missing.isEmpty()) {
                errors.add(new FieldError("header", "missing required columns: " + String.join(", ", missing)));
            }
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
        }
    }

    /** Turns one record, starting at physical line {@code line}, into an importer's line (a good one or a refused one). */
    public interface LineParser<L> {
        L parse(CSVRecord record, long line);
    }

    /**
     * The lines of a CSV body (UTF-8, optional byte-order mark, a header line), parsed one at a time on
     * {@code scheduler}. A header {@code header} refuses fails the flux with {@link InvalidInput} before the first
     * line; an unreadable stretch of CSV ends the flux with one line made by {@code unreadable}.
     */
    public static <L> Flux<L> lines(Flux<DataBuffer> body, Header header, Scheduler scheduler, LineParser<L> parser,
            Function<Rejected, L> unreadable) {
        return Flux.using(() -> Lines.open(DataBufferUtils.subscriberInputStream(body, 4), header, parser, unreadable),
                        lines -> Flux.<L>generate(lines::next),
                        Lines::close)
                .subscribeOn(scheduler);
    }

    /** The column's value, null when the column is absent, the line too short, or the cell blank. */
    public static String value(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value.isBlank() ? null : value;
    }

    /** Counts what an import's batches did, keeping the first {@value #MAX_REJECTED} rejected lines. */
    public static final class Tally {
        private long created;
        private long updated;
        private final List<Rejected> rejected = new ArrayList<>();
        private long moreRejected;

        public void reject(Rejected line) {
            if (rejected.size() < MAX_REJECTED) {
                rejected.add(line);
            } else {
                moreRejected++;
            }
        }

        public Tally saved(long created, long updated) {
            this.created += created;
            this.updated += updated;
            return this;
        }

        public Tally add(Tally batch) {
            created += batch.created;
            updated += batch.updated;
            batch.rejected.forEach(this::reject);
            moreRejected += batch.moreRejected;
            return this;
        }

        public Report report() {
            return new Report(created, updated, List.copyOf(rejected), moreRejected);
        }
    }

    /**
     * Fails the read once one record has taken more than {@value #MAX_RECORD_CHARS} characters since the last one
     * ended, so that a quote never closed, or a file without line breaks, cannot fill memory: Commons CSV holds a
     * record whole. The count runs ahead of the parser by at most its read buffer (8,192 characters).
     */
    private static final class RecordLimit extends FilterReader {
        private long sinceRecord;

        RecordLimit(Reader in) {
            super(in);
        }

        void recordRead() {
            sinceRecord = 0;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count(1);
            }
            return c;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int chars) throws IOException {
            sinceRecord += chars;
            if (sinceRecord > MAX_RECORD_CHARS) {
                throw new IOException(String.format(Locale.ROOT,
                        "a line (or a quoted cell never closed) longer than %,d characters", MAX_RECORD_CHARS));
            }
        }
    }

    /** The lines of one CSV stream, numbered as an editor numbers them. */
    private static final class Lines<L> {
        private final CSVParser parser;
        private final RecordLimit limit;
        private final Iterator<CSVRecord> records;
        private final LineParser<L> lineParser;
        private final Function<Rejected, L> unreadable;
        private long lastLine;
        private boolean done;

        private Lines(CSVParser parser, RecordLimit limit, LineParser<L> lineParser,
                Function<Rejected, L> unreadable) {
            this.parser = parser;
            this.limit = limit;
            this.records = parser.iterator();
            this.lineParser = lineParser;
            this.unreadable = unreadable;
            this.lastLine = parser.getCurrentLineNumber();
        }

        static <L> Lines<L> open(InputStream in, Header header, LineParser<L> lineParser, Function<Rejected, L> unreadable)
                throws IOException {
            RecordLimit reader = new RecordLimit(
                    skipBom(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 64 * 1024)));
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
            try {
                header.check(parser.getHeaderNames());
            } catch (InvalidInput e) {
                parser.close();
                throw e;
            }
            reader.recordRead();
            return new Lines<>(parser, reader, lineParser, unreadable);
        }

        private static Reader skipBom(BufferedReader reader) throws IOException {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            return reader;
        }

        void next(SynchronousSink<L> sink) {
            if (done) {
                sink.complete();
                return;
            }
            long line = lastLine + 1;
            try {
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    limit.recordRead();
                    long start = line;
                    lastLine = parser.getCurrentLineNumber();
                    line = lastLine + 1;
                    if (record.size() == 1 && record.get(0).isEmpty()) {
                        continue; // a blank line
                    }
                    sink.next(lineParser.parse(record, start));
                    return;
                }
                sink.complete();
            } catch (UncheckedIOException | IllegalStateException e) {
                // malformed CSV (say an unclosed quote): keep what was read, report where reading stopped
                done = true;
                sink.next(unreadable.apply(new Rejected(line, "unreadable CSV from this line on: " + rootMessage(e))));
            }
        }

        private static String rootMessage(Throwable e) {
            Throwable t = e;
            while (t.getCause() != null) {
                t = t.getCause();
            }
            return t.getMessage();
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
