package io.winloss.nlp.tagging;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.List;

/** Hand-tagged tokens for tagger tests without loading models: {@code "HubSpot/NNP 's/POS integration/NN"}. */
final class Tokens {

    /** A sentence without an embedding: the features are the words' alone. */
    static final float[] NO_EMBEDDING = new float[0];

    private Tokens() {
    }

    /** Each token is word/TAG or word/TAG/lemma; without a lemma the lower-cased word is its lemma. */
    static List<CoreLabel> of(String tagged) {
        List<CoreLabel> tokens = new ArrayList<>();
        for (String part : tagged.trim().split("\\s+")) {
            String[] fields = part.split("/");
            CoreLabel token = new CoreLabel();
            token.setWord(fields[0]);
            token.setValue(fields[0]);
            token.setTag(fields.length > 1 ? fields[1] : "NN");
            token.setLemma(fields.length > 2 ? fields[2] : fields[0].toLowerCase());
            token.setNER(fields.length > 3 ? fields[3] : "O");
            tokens.add(token);
        }
        return tokens;
    }
}
