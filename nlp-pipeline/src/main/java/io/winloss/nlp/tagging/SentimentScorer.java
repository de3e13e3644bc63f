package io.winloss.nlp.tagging;

import edu.stanford.nlp.neural.rnn.RNNCoreAnnotations;
import edu.stanford.nlp.trees.Tree;
import java.util.ArrayList;
import java.util.List;
import org.ejml.simple.SimpleMatrix;

/**
 * Reads sentiment off CoreNLP's sentiment tree: the sentence's score, and each mention's score from the
 * smallest part of the tree that covers the mention and holds an opinion. Needs the tree of
 * {@code SentimentCoreAnnotations.SentimentAnnotatedTree}; its leaves are the sentence's tokens.
 *
 * <p>A score is the expected sentiment class, {@code sum(p_i * (i - 2))} over CoreNLP's five classes,
 * so it lies in [-2, 2] and keeps the model's uncertainty instead of rounding it to a class.
 */
public final class SentimentScorer {

    /** Below this distance from neutral a part of the tree holds no opinion of its own (bare nouns score about 0.2). */
    private static final double OPINION = 0.5;

    private SentimentScorer() {
    }

    public static double score(Tree tree) {
        SimpleMatrix predictions = RNNCoreAnnotations.getPredictions(tree);
        if (predictions == null) {
            return 0;
        }
        double score = 0;
        for (int i = 0; i < predictions.getNumElements(); i++) {
            score += predictions.get(i) * (i - 2);
        }
        return Math.max(-2, Math.min(2, score));
    }

    /**
     * The sentiment toward a mention: walking up from the smallest part of the tree that covers it, the
     * first part with an opinion, or else the clause that contains it ("HubSpot's integration was great but
     * the price hurt": integration takes "was great", price takes "the price hurt").
     */
    public static Aspect aspect(Tree tree, Mention mention) {
        List<Tree> path = pathTo(tree, mention.start(), mention.end());
        double score = score(tree);
        for (int i = path.size() - 1; i >= 0; i--) {
            Tree node = path.get(i);
            double nodeScore = score(node);
            if (Math.abs(nodeScore) >= OPINION || isClause(node)) {
                score = nodeScore;
                break;
            }
        }
        return new Aspect(mention.kind(), mention.target(), Sentiment.of(score), score);
    }

    /** Nodes from the root down to the smallest one whose leaves cover tokens [start, end). */
    private static List<Tree> pathTo(Tree root, int start, int end) {
        List<Tree> path = new ArrayList<>();
        Tree node = root;
        int offset = 0;
        path.add(node);
        descend:
        while (!node.isPreTerminal() && !node.isLeaf()) {
            for (Tree child : node.children()) {
                int size = child.getLeaves().size();
                if (start >= offset && end <= offset + size) {
                    node = child;
                    path.add(node);
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
