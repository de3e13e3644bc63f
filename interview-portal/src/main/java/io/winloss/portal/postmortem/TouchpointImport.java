package io.winloss.portal.postmortem;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.stereotype.Component;

import io.winloss.portal.csv.CsvImport;
import io.winloss.portal.deal.Deal;
import io.winloss.portal.deal.Deals;
import io.winloss.portal.web.InvalidInput;
import io.winloss.portal.workspace.WorkspaceId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Imports touchpoints from a CSV file of any size, as {@code DealImport} imports deals: the body is parsed as a stream
 * on the import's own bounded scheduler (never the event loop), each line is checked by {@link TouchpointValidator},
 * its deal is looked up by {@code dealId} or {@code externalId} in this workspace, and good lines are written
 * {@value CsvImport#BATCH} at a time even when others are rejected. Lines are numbered as an editor numbers them. Each
 * touchpoint is upserted by its natural key ({@link Touchpoints}), so importing the same file again adds nothing: the
 * report's {@code updated} counts lines naming a touchpoint the store already had.
 */
@Component
class TouchpointImport implements DisposableBean {

    static final List<String> COLUMNS = List.of("dealId", "externalId", "date", "type", "summary", "owner");
    static final List<String> REQUIRED = List.of("date", "type", "summary");
    /** Lines name their deal, unless the page's deal is implied. */
    private static final CsvImport.Header HEADER = new CsvImport.Header(COLUMNS, REQUIRED, List.of(List.of("dealId", "externalId")));
    private static final CsvImport.Header HEADER_OF_ONE_DEAL = new CsvImport.Header(COLUMNS, REQUIRED, List.of());

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
    Mono<CsvImport.Report> importCsv(WorkspaceId workspace, Flux<DataBuffer> body, String defaultDealId) {
        boolean dealImplied = defaultDealId != null;
        return CsvImport.lines(body, dealImplied ? HEADER_OF_ONE_DEAL : HEADER, scheduler,
                        (record, line) -> parse(record, line, dealImplied), Line::refused)
                .buffer(CsvImport.BATCH)
                // one batch in flight: the parser waits for the store instead of filling memory
                .concatMap(batch -> write(workspace, batch, defaultDealId), 1)
                .reduceWith(CsvImport.Tally::new, CsvImport.Tally::add)
                .map(CsvImport.Tally::report);
    }

    private Mono<CsvImport.Tally> write(WorkspaceId workspace, List<Line> batch, String defaultDealId) {
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
                    CsvImport.Tally tally = new CsvImport.Tally();
                    List<Touchpoints.OfDeal> good = new ArrayList<>(batch.size());
                    for (Line line : batch) {
                        if (line.touchpoint() == null) {
                            tally.reject(line.rejected());
                            continue;
                        }
                        String dealId = resolve(line, defaultDealId, known.getT1(), known.getT2());
                        if (dealId == null) {
                            tally.reject(new CsvImport.Rejected(line.number(), line.dealId() != null
                                    ? "dealId: no deal " + line.dealId() + " in this workspace"
                                    : line.externalId() != null ? "externalId: no deal with external id " + line.externalId() + " in this workspace"
                                    : "dealId: no such deal"));
                        } else {
                            good.add(new Touchpoints.OfDeal(dealId, line.touchpoint()));
                        }
                    }
                    return touchpoints.saveAll(workspace, good).map(counts -> tally.saved(counts.created(), counts.updated()));
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
    private record Line(long number, String dealId, String externalId, NewTouchpoint touchpoint, CsvImport.Rejected rejected) {

        static Line refused(CsvImport.Rejected rejected) {
            return new Line(rejected.line(), null, null, null, rejected);
        }
    }

    private static Line parse(CSVRecord record, long line, boolean dealImplied) {
        String dealId = CsvImport.value(record, "dealId");
        String externalId = CsvImport.value(record, "externalId");
        List<String> problems = new ArrayList<>();
        if (dealId == null && externalId == null && !dealImplied) {
            problems.add("dealId or externalId is required");
        }
        NewTouchpoint touchpoint = null;
        try {
            touchpoint = TouchpointValidator.validate(new TouchpointInput(CsvImport.value(record, "date"),
                    CsvImport.value(record, "type"), CsvImport.value(record, "summary"), CsvImport.value(record, "owner")));
        } catch (InvalidInput e) {
            e.errors().forEach(f -> problems.add(f.field() + " " + f.message()));
        }
        if (!problems.isEmpty()) {
            return Line.refused(new CsvImport.Rejected(line, String.join("; ", problems)));
        }
        return new Line(line, dealId, externalId, touchpoint, null);
    }
}
