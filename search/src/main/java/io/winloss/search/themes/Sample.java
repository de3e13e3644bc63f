package io.winloss.search.themes;

/** How many distinct deals the themes were computed from, shown beside every theme table. */
public record Sample(int deals, int focus, int baseline) {
}
