package io.winloss.portal.deal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Component;

import io.winloss.portal.csv.CsvImport;
import io.winloss.portal.web.InvalidInput;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Imports deals from a CSV file of any size while holding only a batch of it in memory: the body is read as a
 * stream on the import's own bounded scheduler ({@link CsvImport}), each line is checked by {@link DealValidator},
 * and good lines are written {@value CsvImport#BATCH} at a time even when other lines are rejected.
 */
@Component
public class DealImport implements DisposableBean {

    static final List<String> COLUMNS = List.of("externalId", "account", "name", "outcome", "amount", "currency",
            "closeDate", "openDate", "discount", "segment", "competitors", "repReason", "ownerEmail",
            "contactName", "contactEmail", "contactRole");
    static final List<String> REQUIRED = List.of("account", "outcome", "closeDate");
    private static final CsvImport.Header HEADER = new CsvImport.Header(COLUMNS, REQUIRED, List.of());

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
    public Mono<CsvImport.Report> importCsv(WorkspaceId workspace, Flux<DataBuffer> body) {
        return lines(body, scheduler)
                .buffer(CsvImport.BATCH)
                // one batch in flight: the parser waits for the store instead of filling memory
                .concatMap(batch -> write(workspace, batch), 1)
                .reduceWith(CsvImport.Tally::new, CsvImport.Tally::add)
                .map(CsvImport.Tally::report);
    }

    /** The file's lines parsed and checked, nothing saved: the import without the store (fuzzed on its own). */
    static Flux<Line> lines(Flux<DataBuffer> body, Scheduler scheduler) {
        return CsvImport.lines(body, HEADER, scheduler, DealImport::parse, rejected -> new Line(null, rejected));
    }

    private Mono<CsvImport.Tally> write(WorkspaceId workspace, List<Line> batch) {
        CsvImport.Tally tally = new CsvImport.Tally();
        List<NewDeal> good = new ArrayList<>(batch.size());
        for (Line line : batch) {
            if (line.deal() != null) {
                good.add(line.deal());
            } else {
                tally.reject(line.rejected());
            }
        }
        return deals.saveAll(workspace, good).map(counts -> tally.saved(counts.created(), counts.updated()));
    }

    @Override
    public void destroy() {
        scheduler.dispose();
    }

    /** A parsed line: a deal to save, or why not. */
    record Line(NewDeal deal, CsvImport.Rejected rejected) {
    }

    private static Line parse(CSVRecord record, long line) {
        try {
            return new Line(DealValidator.validate(input(record)), null);
        } catch (InvalidInput e) {
            String message = String.join("; ", e.errors().stream().map(f -> f.field() + " " + f.message()).toList());
            return new Line(null, new CsvImport.Rejected(line, message));
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

    /** The cell as written (blank stays blank: the validator says what a blank field means). */
    private static String value(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) ? record.get(column) : null;
    }
}
