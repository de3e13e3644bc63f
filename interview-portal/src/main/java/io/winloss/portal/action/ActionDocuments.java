package io.winloss.portal.action;

import java.time.LocalDate;
import java.util.List;

import org.bson.Document;

/** How a metric reading is stored inside a recorded review: plain fields, dates as ISO strings. */
final class ActionDocuments {

    private ActionDocuments() {
    }

    static Document effect(MetricEffect effect) {
        return new Document("metric", effect.metric().id())
                .append("baseline", reading(effect.baseline()))
                .append("current", reading(effect.current()))
                .append("conclusive", effect.conclusive())
                .append("message", effect.message());
    }

    static MetricEffect effect(Document d) {
        if (d == null) {
            return null;
        }
        return new MetricEffect(Metric.byId(d.getString("metric")).orElseThrow(), reading(d.get("baseline", Document.class)),
                reading(d.get("current", Document.class)), d.getBoolean("conclusive", false), d.getString("message"));
    }

    private static Document reading(MetricReading r) {
        return new Document("from", r.from().toString()).append("to", r.to().toString()).append("value", r.value())
                .append("deals", r.deals()).append("won", r.won()).append("ci", r.ci())
                .append("conclusive", r.conclusive()).append("reason", r.reason());
    }

    private static MetricReading reading(Document d) {
        return new MetricReading(LocalDate.parse(d.getString("from")), LocalDate.parse(d.getString("to")),
                d.getDouble("value"), d.getInteger("deals", 0), d.getInteger("won", 0), d.getList("ci", Double.class),
                d.getBoolean("conclusive", false), d.getString("reason"));
    }
}
