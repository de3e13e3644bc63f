package io.winloss.nlp.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Pointer;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * {@code word-classes}: writes the WordNet word classes that {@code WordClasses} ships (one
 * {@code pos<TAB>lemma<TAB>class class ...} line per single-word lemma), read from WordNet 3.1 (extjwnl's data
 * jar, on the tool's class path). A lemma's classes are its most frequent senses' synsets and their hypernyms a
 * few levels up, so words that mean the same or name kinds of one thing share a class ("pricey" and "expensive",
 * "outage" and "failure"); an adjective adds the head of its cluster and the noun it is an attribute of
 * ("cheap" and "expensive" both measure "expensiveness"), an adverb the adjective it comes from. The shipped file
 * is written by {@code word-classes --out nlp-pipeline/src/main/resources/io/winloss/nlp/tagging/word-classes.txt.gz}.
 */
final class WordClassesCommand {

    static final int SENSES = 2;
    static final int HYPERNYM_LEVELS = 2;

    private WordClassesCommand() {
    }

    static int run(Arguments args, PrintStream out, PrintStream err) {
        args.allowOnly("out", "senses", "levels");
        String target = args.option("out").orElseThrow(() -> new Arguments.Invalid("word-classes needs --out FILE"));
        int senses = Integer.parseInt(args.option("senses").orElse(String.valueOf(SENSES)));
        int levels = Integer.parseInt(args.option("levels").orElse(String.valueOf(HYPERNYM_LEVELS)));
        int lemmas = 0;
        try (PrintWriter writer = new PrintWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(Path.of(target))), StandardCharsets.UTF_8))) {
            Dictionary wordNet = Dictionary.getDefaultResourceInstance();
            writer.println("# WordNet 3.1 word classes: pos<TAB>lemma<TAB>classes (written by `word-classes`;"
                    + " see word-classes.LICENSE).");
            for (POS pos : List.of(POS.NOUN, POS.VERB, POS.ADJECTIVE, POS.ADVERB)) {
                List<String> lines = new ArrayList<>();
                Iterator<IndexWord> words = wordNet.getIndexWordIterator(pos);
                while (words.hasNext()) {
                    IndexWord word = words.next();
                    String lemma = word.getLemma().toLowerCase(Locale.ROOT);
                    if (lemma.contains(" ") || !lemma.chars().allMatch(c -> Character.isLetter(c) || c == '-')) {
                        continue;
                    }
                    Set<String> classes = classes(word, senses, levels);
                    if (!classes.isEmpty()) {
                        lines.add(letter(pos) + "\t" + lemma + "\t" + String.join(" ", classes));
                    }
                }
                lines.stream().sorted().forEach(writer::println);
                lemmas += lines.size();
            }
        } catch (IOException e) {
            err.println("cannot write " + target + ": " + e.getMessage());
            return Main.UNREADABLE_INPUT;
        } catch (JWNLException e) {
            err.println("cannot read WordNet: " + e.getMessage());
            return Main.UNREADABLE_INPUT;
        }
        out.printf(Locale.ROOT, "wrote the classes of %d lemmas to %s%n", lemmas, target);
        return 0;
    }

    private static Set<String> classes(IndexWord word, int senses, int levels) throws JWNLException {
        Set<String> classes = new LinkedHashSet<>();
        List<Synset> synsets = word.getSenses();
        for (Synset synset : synsets.subList(0, Math.min(senses, synsets.size()))) {
            classes.add(id(synset));
            addHypernyms(synset, levels, classes);
            if (synset.getPOS() == POS.ADJECTIVE) {
                for (Pointer pointer : synset.getPointers(PointerType.SIMILAR_TO)) {
                    classes.add(id(pointer.getTargetSynset()));
                }
                for (Pointer pointer : synset.getPointers(PointerType.ATTRIBUTE)) {
                    classes.add(id(pointer.getTargetSynset()));
                }
            }
            if (synset.getPOS() == POS.ADVERB) {
                for (Word sense : synset.getWords()) {
                    if (sense.getLemma().equalsIgnoreCase(word.getLemma())) {
                        for (Pointer pointer : sense.getPointers(PointerType.PERTAINYM)) {
                            classes.add(id(pointer.getTargetSynset()));
                        }
                    }
                }
            }
        }
        return classes;
    }

    private static void addHypernyms(Synset synset, int levels, Set<String> classes) throws JWNLException {
        if (levels == 0) {
            return;
        }
        for (Pointer pointer : synset.getPointers(PointerType.HYPERNYM)) {
            Synset hypernym = pointer.getTargetSynset();
            classes.add(id(hypernym));
            addHypernyms(hypernym, levels - 1, classes);
        }
    }

    private static String id(Synset synset) {
        return String.valueOf(letter(synset.getPOS())) + synset.getOffset();
    }

    private static char letter(POS pos) {
        return switch (pos) {
            case NOUN -> 'n';
            case VERB -> 'v';
            case ADJECTIVE -> 'a';
            case ADVERB -> 'r';
        };
    }
}
