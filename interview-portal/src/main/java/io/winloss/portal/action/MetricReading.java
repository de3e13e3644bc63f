package io.winloss.portal.action;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.statistics.interval.BinomialConfidenceInterval;
import org.apache.commons.statistics.interval.Interval;
import org.apache.commons.statistics.interval.NormalConfidenceInterval;

import io.winloss.portal.deal.Deal;
import io.winloss.portal.deal.Outcome;

/**
 * An action's metric over the deals closed in one window (both dates included), with how many deals it rests on and
 * its 95% interval: Wilson's for the win rate, Student's t for the means (Commons Statistics). Below
 * {@code minDeals} counted deals it is not {@code conclusive}, and {@code reason} says so in a sentence.
 *
 * @param value  the rate (0 to 1) or mean; null when no deal counts
 * @param deals  the deals the value is computed over (won and lost for the win rate, won deals with the needed
 *               field for the means)
 * @param won    the won deals among them
 * @param ci     the 95% interval {@code [low, high]}, null when it cannot be computed (fewer than two deals for a mean)
 */
public record MetricReading(LocalDate from, LocalDate to, Double value, int deals, int won, List<Double> ci,
        boolean conclusive, String reason) {

    static final double ALPHA = 0.05;

    /** The metric over these deals, which closed between {@code from} and {@code to}. */
    static MetricReading of(Metric metric, List<Deal> closed, LocalDate from, LocalDate to, int minDeals) {
        return switch (metric) {
            case WIN_RATE -> winRate(closed, from, to, minDeals);
            case CYCLE_DAYS -> mean(metric, cycleDays(closed), from, to, minDeals);
            case DISCOUNT_DEPTH -> mean(metric, discounts(closed), from, to, minDeals);
        };
    }

    private static MetricReading winRate(List<Deal> closed, LocalDate from, LocalDate to, int minDeals) {
        int won = 0;
        int lost = 0;
        for (Deal deal : closed) {
            if (deal.outcome() == Outcome.WON) {
                won++;
            } else if (deal.outcome() == Outcome.LOST) {
                lost++;
            }
        }
        int n = won + lost;
        if (n == 0) {
            return new MetricReading(from, to, null, 0, 0, null, false, noDeals(Metric.WIN_RATE, from, to));
        }
        Interval interval = BinomialConfidenceInterval.WILSON_SCORE.fromErrorRate(n, won, ALPHA);
        return new MetricReading(from, to, (double) won / n, n, won,
                List.of(interval.getLowerBound(), interval.getUpperBound()), n >= minDeals, tooFew(Metric.WIN_RATE, n, minDeals));
    }

    private static MetricReading mean(Metric metric, List<Double> values, LocalDate from, LocalDate to, int minDeals) {
        int n = values.size();
        if (n == 0) {
            return new MetricReading(from, to, null, 0, 0, null, false, noDeals(metric, from, to));
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).sum() / n;
        List<Double> ci = null;
        if (n >= 2) {
            double squares = 0;
            for (double v : values) {
                squares += (v - mean) * (v - mean);
            }
            double variance = squares / (n - 1);
            if (variance == 0) {
                ci = List.of(mean, mean);
            } else {
                Interval interval = NormalConfidenceInterval.MEAN.fromErrorRate(mean, variance, n, ALPHA);
                // neither a cycle nor a discount can be negative, nor a discount above 100%
                double high = metric == Metric.DISCOUNT_DEPTH ? Math.min(1, interval.getUpperBound()) : interval.getUpperBound();
                ci = List.of(Math.max(0, interval.getLowerBound()), high);
            }
        }
        return new MetricReading(from, to, mean, n, n, ci, n >= minDeals, tooFew(metric, n, minDeals));
    }

    private static List<Double> cycleDays(List<Deal> closed) {
        List<Double> days = new ArrayList<>();
        for (Deal deal : closed) {
            if (deal.outcome() == Outcome.WON && deal.openDate() != null && deal.closeDate() != null) {
                days.add((double) (deal.closeDate().toEpochDay() - deal.openDate().toEpochDay()));
            }
        }
        return days;
    }

    private static List<Double> discounts(List<Deal> closed) {
        List<Double> discounts = new ArrayList<>();
        for (Deal deal : closed) {
            if (deal.outcome() == Outcome.WON && deal.discount() != null) {
                discounts.add(deal.discount());
            }
        }
        return discounts;
    }

    /** Which deals a metric counts, in words: "won or lost deals", "won deals with an open date". */
    static String counted(Metric metric) {
        return switch (metric) {
            case WIN_RATE -> "won or lost deals";
            case CYCLE_DAYS -> "won deals with an open date";
            case DISCOUNT_DEPTH -> "won deals with a discount";
        };
    }

    private static String noDeals(Metric metric, LocalDate from, LocalDate to) {
        return from.isAfter(to) ? "The window has not begun: it starts on " + from + "."
                : "No " + counted(metric) + " closed between " + from + " and " + to + ".";
    }

    private static String tooFew(Metric metric, int n, int minDeals) {
        return n >= minDeals ? null
                : "Only " + n + " " + (n == 1 ? singular(metric) : counted(metric)) + ": at least " + minDeals
                        + " are needed to conclude anything.";
    }

    private static String singular(Metric metric) {
        return counted(metric).replace("deals", "deal");
    }

    /** The value as people read it: {@code 45%} or {@code 42.5 days}; a dash when there is none. */
    public static String format(Metric metric, Double value) {
        if (value == null) {
            return "–";
        }
        return metric.proportion() ? String.format(Locale.ROOT, "%.0f%%", value * 100)
                : String.format(Locale.ROOT, "%.1f days", value);
    }

    /** This reading's value, formatted. */
    public String formatted(Metric metric) {
        return format(metric, value);
    }

    /** The interval, formatted: {@code 30% to 61%}; empty when there is none. */
    public String formattedInterval(Metric metric) {
        return ci == null ? "" : format(metric, ci.get(0)) + " to " + format(metric, ci.get(1));
    }
}
