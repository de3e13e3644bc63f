package io.winloss.portal.action;

/**
 * An action's metric before its start date ({@code baseline}) and since it ({@code current}), with a verdict in
 * words. Only when both sides rest on enough deals does it say more than "too early"; and even then it calls a change
 * clear only when the two 95% intervals do not overlap, a cautious rule that keeps anyone from declaring victory on
 * noise.
 */
public record MetricEffect(Metric metric, MetricReading baseline, MetricReading current, boolean conclusive,
        String message) {

    static MetricEffect of(Metric metric, MetricReading baseline, MetricReading current) {
        if (!current.conclusive()) {
            return new MetricEffect(metric, baseline, current, false, "Too early to tell since the start: " + current.reason());
        }
        if (!baseline.conclusive()) {
            return new MetricEffect(metric, baseline, current, false, "Too little to compare with before the start: "
                    + baseline.reason());
        }
        String from = MetricReading.format(metric, baseline.value());
        String to = MetricReading.format(metric, current.value());
        boolean rose = current.ci() != null && baseline.ci() != null && current.ci().get(0) > baseline.ci().get(1);
        boolean fell = current.ci() != null && baseline.ci() != null && current.ci().get(1) < baseline.ci().get(0);
        if (rose || fell) {
            boolean better = rose == metric.higherIsBetter();
            return new MetricEffect(metric, baseline, current, true, metric.label() + (rose ? " rose" : " fell") + " from "
                    + from + " to " + to + ", and the 95% intervals do not overlap: a clear change, "
                    + (better ? "the way the action wants." : "against what the action wants."));
        }
        return new MetricEffect(metric, baseline, current, true, metric.label() + " went from " + from + " to " + to
                + ", but the 95% intervals overlap: the difference may be chance.");
    }
}
