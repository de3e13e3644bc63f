package io.winloss.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ThemeRequestTests {

    @Test
    void anOutcomeInBothSetsIsRefusedWithTheOutcomeNamed() {
        assertThatThrownBy(() -> new ThemeRequest(List.of("lost", "won"), List.of("won"), Map.of(), null, null))
                .isInstanceOf(InvalidQuery.class)
                .extracting(e -> ((InvalidQuery) e).reason())
                .isEqualTo("an outcome cannot be in both the focus and the baseline: won");
    }

    @Test
    void eachSetNeedsAnOutcome() {
        assertThatThrownBy(() -> new ThemeRequest(List.of(), List.of("won"), Map.of(), null, null))
                .isInstanceOf(InvalidQuery.class).hasMessageContaining("focus needs at least one outcome");
        assertThatThrownBy(() -> new ThemeRequest(List.of("lost"), Arrays.asList(" ", null), Map.of(), null, null))
                .isInstanceOf(InvalidQuery.class).hasMessageContaining("baseline needs at least one outcome");
    }

    @Test
    void filtersAreFacetDimensionsOtherThanOutcomeAndEmptyOnesAreDropped() {
        assertThatThrownBy(() -> new ThemeRequest(List.of("lost"), List.of("won"), Map.of(Fields.OUTCOME, List.of("lost")), null, null))
                .isInstanceOf(InvalidQuery.class).hasMessageContaining("not as a filter");
        assertThatThrownBy(() -> new ThemeRequest(List.of("lost"), List.of("won"), Map.of("speaker", List.of("Tom")), null, null))
                .isInstanceOf(InvalidQuery.class).hasMessageContaining("unknown filter 'speaker'");

        ThemeRequest request = new ThemeRequest(List.of("lost"), List.of("won"),
                Map.of(Fields.COMPETITOR, List.of(), Fields.SEGMENT, List.of("smb", " ")), null, null);

        assertThat(request.filters()).isEqualTo(Map.of(Fields.SEGMENT, List.of("smb")));
    }

    @Test
    void aReversedDateRangeIsRefused() {
        assertThatThrownBy(() -> new ThemeRequest(List.of("lost"), List.of("won"), Map.of(),
                LocalDate.of(2026, 2, 1), LocalDate.of(2026, 1, 1)))
                .isInstanceOf(InvalidQuery.class).hasMessageContaining("starts (2026-02-01) after it ends (2026-01-01)");
    }
}
