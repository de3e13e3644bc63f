package io.winloss.nlp.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which fold each labelled sentence is held out in, for cross-validating the training commands: consecutive
 * blocks of the input (so an interview's sentences stay together) or one fold per input file (one writer each,
 * when the files are the writers), named so the printed scores say which text each one is.
 */
record HeldOutFolds(int[] foldOf, List<String> names) {

    static final int DEFAULT = 6;

    /** Parses {@code --folds}: a number of consecutive blocks (default {@value #DEFAULT}) or {@code files}. */
    static HeldOutFolds of(String option, List<String> files, List<Integer> sentencesPerFile) {
        int total = sentencesPerFile.stream().mapToInt(Integer::intValue).sum();
        if (option != null && option.equals("files")) {
            int[] foldOf = new int[total];
            int at = 0;
            for (int file = 0; file < files.size(); file++) {
                for (int i = 0; i < sentencesPerFile.get(file); i++) {
                    foldOf[at++] = file;
                }
            }
            return new HeldOutFolds(foldOf, List.copyOf(files));
        }
        int count;
        try {
            count = option == null ? DEFAULT : Integer.parseInt(option);
        } catch (NumberFormatException e) {
            throw new Arguments.Invalid("--folds must be a number of folds or 'files'");
        }
        if (count < 2) {
            throw new Arguments.Invalid("--folds must be at least 2");
        }
        int[] foldOf = new int[total];
        for (int i = 0; i < total; i++) {
            foldOf[i] = (int) ((long) i * count / Math.max(1, total));
        }
        List<String> names = new ArrayList<>();
        for (int fold = 0; fold < count; fold++) {
            names.add("fold " + (fold + 1));
        }
        return new HeldOutFolds(foldOf, names);
    }

    int count() {
        return names.size();
    }

    /** The indexes of the sentences held out in {@code fold}, or of all the others. */
    List<Integer> indexes(int fold, boolean heldOut) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < foldOf.length; i++) {
            if ((foldOf[i] == fold) == heldOut) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    /** The smallest fold's size: a fold without sentences cannot be scored. */
    int smallest() {
        int[] sizes = new int[count()];
        for (int fold : foldOf) {
            sizes[fold]++;
        }
        return Arrays.stream(sizes).min().orElse(0);
    }
}
