package io.winloss.search;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link QuoteIndexTests}: follows the {@link ChangeLog} into the index in {@code args[0]},
 * committing every {@value #BATCH} entries and saying so on stdout, until the test kills it.
 */
public final class KilledIndexer {

    static final int BATCH = 500;

    public static void main(String[] args) {
        QuoteIndex index = QuoteIndex.open(Path.of(args[0]));
        long position = index.committedPosition();
        while (true) {
            ChangeLog.replay(index, position, position + BATCH);
            position += BATCH;
            index.commit(position);
            System.out.println("committed " + position);
            System.out.flush();
        }
    }
}
