package io.winloss.portal.postmortem;

import java.io.BufferedReader;
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
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;

import io.winloss.portal.deal.Deal;
import io.winloss.portal.deal.Deals;
import io.winloss.portal.web.FieldError;
import io.winloss.portal.web.InvalidInput;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SynchronousSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Imports touchpoints from a CSV file of any size, as {@code DealImport} imports deals: the body is parsed as a stream
 * on the import's own bounded scheduler (never the event loop), each line is checked by {@link TouchpointValidator},
 * its deal is looked up by {@code dealId} or {@code externalId} in this workspace, and good lines are written
 * {@value #BATCH} at a time even when others are rejected. Lines are numbered as an editor numbers them. Each
 * touchpoint is upserted by its natural key ({@link Touchpoints}), so importing the same file again adds nothing.
 */
@Component
class TouchpointImport implements DisposableBean {

    /** One refused line: its physical line number in the file and why. */
    record Rejected(long line, String message) {
    }

    /**
     * What an import did: {@code created} touchpoints new to the store, {@code updated} lines that named one it already
     * had; {@code rejected} lists at most {@value #MAX_REJECTED} lines, {@code moreRejected} counts the rest.
     */
    record Report(long created, long updated, List<Rejected> rejected, long moreRejected) {
    }

    static final int BATCH = 500;
    static final int MAX_REJECTED = 1000;
    static final List<String> COLUMNS = List.of("dealId", "externalId", "date", "type", "summary", "owner");
    static final List<String> REQUIRED = List.of("date", "type", "summary");

    private final Deals deals;
    private final Touchpoints touchpoints;
    // Parsing blocks on the request body, so it runs here, never on the event loop; few imports run at once.
    private final Scheduler scheduler = Schedulers.newBoundedElastic(2, 16, "touchpoint-import");

    TouchpointImport(Deals deals, Touchpoints touchpoints) {
        this.deals = deals;
        this.touchpoints = touchpoints;
    }

    /**
     * Reads the CSV body (UTF-8, optional BOM, a header line naming {@link #COLUMNS}) and saves its good lines. A header
     * with unknown or missing columns fails with {@link InvalidInput} before anything is stored.
     *
     * @param defaultDealId the deal of lines that name none (the post-mortem page's deal); null when every line must
     *                      name its deal by {@code dealId} or {@code externalId}
     */
    Mono<Report> importCsv(WorkspaceId workspace, Flux<DataBuffer> body, String defaultDealId) {
        return Flux.using(() -> CsvLines.open(DataBufferUtils.subscriberInputStream(body, 4), defaultDealId != null),
                        lines -> Flux.generate(lines::next),
                        CsvLines::close)
                .subscribeOn(scheduler)
                .buffer(BATCH)
                // one batch in flight: the parser waits for the store instead of filling memory
                .concatMap(batch -> write(workspace, batch, defaultDealId), 1)
                .reduceWith(Tally::new, Tally::add)
                .map(Tally::report);
    }

    private Mono<Tally> write(WorkspaceId workspace, List<Line> batch, String defaultDealId) {
        Set<String> ids = new LinkedHashSet<>();
        Set<String> externalIds = new LinkedHashSet<>();
        for (Line line : batch) {
            if (line.touchpoint() != null) {
                if (line.dealId() != null) {
                    ids.add(line.dealId());
                } else if (line.externalId() != null) {
                    externalIds.add(line.externalId());
                } else if (defaultDealId != null) {
                    ids.add(defaultDealId);
                }
            }
        }
        return Mono.zip(deals.findAll(workspace, ids).map(Deal::id).collectList().map(Set::copyOf),
                        deals.findByExternalIds(workspace, externalIds).collectMap(Deal::externalId, Deal::id))
                .flatMap(known -> {
                    Tally tally = new Tally();
                    List<Touchpoints.OfDeal> good = new ArrayList<>(batch.size());
                    for (Line line : batch) {
                        if (line.touchpoint() == null) {
                            tally.reject(line.rejected());
                            continue;
                        }
                        String dealId = resolve(line, defaultDealId, known.getT1(), known.getT2());
                        if (dealId == null) {
                            tally.reject(new Rejected(line.number(), line.dealId() != null
                                    ? "dealId: no deal " + line.dealId() + " in this workspace"
                                    : line.externalId() != null ? "externalId: no deal with external id " + line.externalId() + " in this workspace"
                                    : "dealId: no such deal"));
                        } else {
                            good.add(new Touchpoints.OfDeal(dealId, line.touchpoint()));
                        }
                    }
                    return touchpoints.saveAll(workspace, good).map(counts -> {
                        tally.created += counts.created();
                        tally.updated += counts.updated();
                        return tally;
                    });
                });
    }

    private static String resolve(Line line, String defaultDealId, Set<String> knownIds, Map<String, String> byExternalId) {
        if (line.dealId() != null) {
            return knownIds.contains(line.dealId()) ? line.dealId() : null;
        }
        if (line.externalId() != null) {
            return byExternalId.get(line.externalId());
        }
        return defaultDealId != null && knownIds.contains(defaultDealId) ? defaultDealId : null;
    }

    @Override
    public void destroy() {
        scheduler.dispose();
    }

    /** A parsed line: a touchpoint with the deal it names (either may be null), or why the line was refused. */
    private record Line(long number, String dealId, String externalId, NewTouchpoint touchpoint, Rejected rejected) {

        static Line refused(Rejected rejected) {
            return new Line(rejected.line(), null, null, null, rejected);
        }
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
        private final boolean dealImplied;
        private long lastLine;
        private boolean done;

        private CsvLines(CSVParser parser, boolean dealImplied) {
            this.parser = parser;
            this.records = parser.iterator();
            this.dealImplied = dealImplied;
            this.lastLine = parser.getCurrentLineNumber();
        }

        static CsvLines open(InputStream in, boolean dealImplied) throws IOException {
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
            checkHeader(parser, dealImplied);
            return new CsvLines(parser, dealImplied);
        }

        private static Reader skipBom(BufferedReader reader) throws IOException {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            return reader;
        }

        private static void checkHeader(CSVParser parser, boolean dealImplied) throws IOException {
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
            List<String> missing = new ArrayList<>(REQUIRED.stream().filter(c -> !names.contains(c)).toList());
            if (!dealImplied && !names.contains("dealId") && !names.contains("externalId")) {
                missing.add(0, "dealId or externalId");
            }
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
                sink.next(Line.refused(new Rejected(line, "unreadable CSV from this line on: " + rootMessage(e))));
            }
        }

        private static String rootMessage(Throwable e) {
            Throwable t = e;
            while (t.getCause() != null) {
                t = t.getCause();
            }
            return t.getMessage();
        }

        private Line parse(CSVRecord record, long line) {
            String dealId = value(record, "dealId");
            String externalId = value(record, "externalId");
            List<String> problems = new ArrayList<>();
            if (dealId == null && externalId == null && !dealImplied) {
                problems.add("dealId or externalId is required");
            }
            NewTouchpoint touchpoint = null;
            try {
                touchpoint = TouchpointValidator.validate(new TouchpointInput(value(record, "date"), value(record, "type"),
                        value(record, "summary"), value(record, "owner")));
            } catch (InvalidInput e) {
                e.errors().forEach(f -> problems.add(f.field() + " " + f.message()));
            }
            if (!problems.isEmpty()) {
                return Line.refused(new Rejected(line, String.join("; ", problems)));
            }
            return new Line(line, dealId, externalId, touchpoint, null);
        }

        /** The column's value, null when the column is absent, the line too short, or the cell blank. */
        private static String value(CSVRecord record, String column) {
            if (!record.isMapped(column) || !record.isSet(column)) {
                return null;
            }
            String value = record.get(column);
            return value.isBlank() ? null : value;
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
