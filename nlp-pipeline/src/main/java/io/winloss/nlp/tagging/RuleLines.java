package io.winloss.nlp.tagging;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.process.CoreLabelTokenFactory;
import edu.stanford.nlp.process.PTBTokenizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the rule files (competitor lists, criteria patterns, the sentiment lexicon) share: lines with
 * blanks and {@code #} comments skipped, and phrases split into words the way CoreNLP splits sentences,
 * so "Monday.com" or "month-to-month" compare token by token.
 */
final class RuleLines {

    /** One rule line, stripped, with its 1-based number. */
    interface Consumer {
        void accept(int number, String text);
    }

    private RuleLines() {
    }

    static void forEach(Reader source, Consumer consumer) throws IOException {
        BufferedReader lines = new BufferedReader(source);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String text = line.strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                consumer.accept(number, text);
            }
        }
    }

    /** The lower-cased tokens of a phrase, as CoreNLP's tokenizer splits it. */
    static List<String> words(String phrase) {
        PTBTokenizer<CoreLabel> tokenizer = new PTBTokenizer<>(new StringReader(phrase), new CoreLabelTokenFactory(), "");
        List<String> words = new ArrayList<>();
        while (tokenizer.hasNext()) {
            words.add(tokenizer.next().word().toLowerCase(Locale.ROOT));
        }
        return words;
    }
}
