import dev.langchain4j.model.embedding.onnx.bgesmallenv15.BgeSmallEnV15EmbeddingModel;
import java.nio.file.*;
import java.util.*;

public class JavaRef {
    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        BgeSmallEnV15EmbeddingModel m = new BgeSmallEnV15EmbeddingModel();
        StringBuilder out = new StringBuilder();
        for (String s : lines) {
            float[] v = m.embed(s).content().vector();
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < v.length; i++) { if (i > 0) b.append(' '); b.append(v[i]); }
            out.append(b).append('\n');
        }
        Files.writeString(Path.of(args[1]), out.toString());
        System.exit(0);
    }
}
