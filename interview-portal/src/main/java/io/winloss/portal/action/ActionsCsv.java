package io.winloss.portal.action;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The tracker as CSV (Commons CSV), one action a line in the tracker's order. Cells that a spreadsheet would run as a
 * formula (starting with =, +, -, @, tab or carriage return) get a leading apostrophe: people typed them.
 */
final class ActionsCsv {

    static final String[] HEADER = {"id", "title", "team", "owner", "status", "metric", "startDate", "dueDate",
        "nextReview", "reviewsRecorded", "themes", "evidence", "dealId", "segment", "hypothesis"};

    private ActionsCsv() {
    }

    static String csv(List<Action> actions) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
            for (Action a : actions) {
                printer.printRecord(a.id(), safe(a.title()), a.team().id(), safe(a.ownerEmail()), a.status().id(),
                        a.metric().id(), a.startDate(), a.dueDate(), a.nextReview().map(Review::due).orElse(null),
                        a.reviews().stream().filter(r -> !r.pending()).count(), safe(String.join("; ", a.themes())),
                        safe(String.join("; ", a.evidence())), a.dealId(), safe(a.segment()), safe(a.hypothesis()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String safe(String cell) {
        return cell != null && !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }
}
