import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.huggingface.tokenizers.Encoding;
import java.nio.file.*;
import java.util.*;

public class JavaTok {
    public static void main(String[] args) throws Exception {
        Map<String,String> opts = new HashMap<>();
        opts.put("addSpecialTokens", "true");
        opts.put("truncation", "false");
        opts.put("padding", "false");
        HuggingFaceTokenizer tok = HuggingFaceTokenizer.newInstance(Path.of(args[0]), opts);
        StringBuilder out = new StringBuilder();
        for (String s : Files.readAllLines(Path.of(args[1]))) {
            Encoding e = tok.encode(s);
            long[] ids = e.getIds();
            for (int i = 0; i < ids.length; i++) { if (i > 0) out.append(' '); out.append(ids[i]); }
            out.append('\n');
        }
        Files.writeString(Path.of(args[2]), out.toString());
        System.exit(0);
    }
}
