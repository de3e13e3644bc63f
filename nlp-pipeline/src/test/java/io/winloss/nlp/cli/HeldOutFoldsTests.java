package io.winloss.nlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeldOutFoldsTests {

    @Test
    void consecutiveBlocksKeepNeighbouringSentencesTogether() {
        HeldOutFolds folds = HeldOutFolds.of("3", List.of("a.jsonl", "b.jsonl"), List.of(4, 2));

        assertThat(folds.foldOf()).containsExactly(0, 0, 1, 1, 2, 2);
        assertThat(folds.names()).containsExactly("fold 1", "fold 2", "fold 3");
        assertThat(folds.indexes(1, true)).containsExactly(2, 3);
        assertThat(folds.indexes(1, false)).containsExactly(0, 1, 4, 5);
    }

    @Test
    void filesHoldOutOneInputFileAtATime() {
        HeldOutFolds folds = HeldOutFolds.of("files", List.of("a.jsonl", "b.jsonl"), List.of(3, 2));

        assertThat(folds.foldOf()).containsExactly(0, 0, 0, 1, 1);
        assertThat(folds.names()).containsExactly("a.jsonl", "b.jsonl");
    }

    @Test
    void withoutTheOptionThereAreSixBlocks() {
        HeldOutFolds folds = HeldOutFolds.of(null, List.of("a.jsonl"), List.of(5));

        assertThat(folds.count()).isEqualTo(6);
        assertThat(folds.smallest()).isZero();
    }
}
