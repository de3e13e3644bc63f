package io.winloss.nlp.tagging;

import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import java.util.ArrayList;
import java.util.List;
import org.ejml.simple.SimpleMatrix;

/**
 * Sentiment of a sentence and of each mention in it: the {@link SentimentClassifier} over the sentence (with its
 * embedding) or over a part of CoreNLP's sentiment tree and the same tokens. Needs the tree of
 * {@code SentimentCoreAnnotations.SentimentAnnotatedTree}, whose leaves are the sentence's tokens.
 */
public final class SentimentScorer {

    /** Below this distance from neutral a part of the tree holds no opinion of its own. */
    private static final double OPINION = 0.5;

    private static final SentimentLexicon LEXICON = SentimentLexicon.defaults();

    private final SentimentClassifier classifier;

    SentimentScorer(SentimentClassifier classifier) {
        this.classifier = classifier;
    }

    /** A part of the tree with the tokens it covers, [start, end). */
    private record Part(Tree node, int start, int end) {
    }

    /** What the classifier sees of a whole sentence, for training it. */
    public static SentimentFeatures features(Tree tree, List<CoreLabel> tokens) {
        return SentimentFeatures.of(LEXICON, tree, tokens, 0, tokens.size());
    }

    /** The sentiment of the whole sentence, whose {@link SentenceEmbeddings embedding} is {@code embedding}. */
    public double score(Tree tree, List<CoreLabel> tokens, float[] embedding) {
        return classifier.score(features(tree, tokens).withEmbedding(embedding));
    }

    /**
     * The sentiment toward a mention: walking up from the smallest part of the tree that covers it, the
     * first part with an opinion, or else the clause that contains it ("HubSpot's integration was great but
     * the price hurt": integration takes "was great", price takes "the price hurt").
     */
    public Aspect aspect(Tree tree, List<CoreLabel> tokens, Mention mention, double sentenceScore) {
        List<Part> path = pathTo(tree, mention.start(), mention.end());
        double score = sentenceScore;
        for (int i = path.size() - 1; i >= 0; i--) {
            Part part = path.get(i);
            double partScore = i == 0 ? sentenceScore : score(part, tokens);
            if (Math.abs(partScore) >= OPINION || isClause(part.node())) {
                score = partScore;
                break;
            }
        }
        return new Aspect(mention.kind(), mention.target(), Sentiment.of(score), score);
    }

    private double score(Part part, List<CoreLabel> tokens) {
        return classifier.partScore(SentimentFeatures.of(LEXICON, part.node(), tokens, part.start(),
                Math.min(part.end(), tokens.size())));
    }

    static double modelScore(Tree node) {
        SimpleMatrix predictions = RNNCoreAnnotations.getPredictions(node);
        if (predictions == null) {
            return 0;
        }
        double score = 0;
        for (int i = 0; i < predictions.getNumElements(); i++) {
            score += predictions.get(i) * (i - 2);
        }
        return score;
    }

    /** Parts from the root down to the smallest one whose leaves cover tokens [start, end). */
    private static List<Part> pathTo(Tree root, int start, int end) {
        List<Part> path = new ArrayList<>();
        Tree node = root;
        int offset = 0;
        path.add(new Part(root, 0, root.getLeaves().size()));
        descend:
        while (!node.isPreTerminal() && !node.isLeaf()) {
            for (Tree child : node.children()) {
                int size = child.getLeaves().size();
                if (start >= offset && end <= offset + size) {
                    node = child;
                    path.add(new Part(child, offset, offset + size));
                    continue descend;
                }
                offset += size;
                if (offset > start) {
                    break descend;
                }
            }
            break;
        }
        return path;
    }

    private static boolean isClause(Tree node) {
        String label = node.value();
        if (label == null) {
            return false;
        }
        String category = label.startsWith("@") ? label.substring(1) : label;
        return category.equals("S") || category.equals("SINV") || category.equals("SQ")
                || category.startsWith("SBAR") || category.equals("ROOT");
    }
}
