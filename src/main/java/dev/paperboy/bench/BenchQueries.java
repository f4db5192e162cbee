package dev.paperboy.bench;

import dev.paperboy.bench.BenchQuery.Kind;
import dev.paperboy.core.Paper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the benchmark's queries from a corpus with a fixed seed: known items (the rarest few words of
 * a sampled title), first authors (every paper of that person is relevant), frequent topics, and known
 * items with one typo in their longest word.
 */
public final class BenchQueries {

    /** Frequent 2–3 word topics of the corpus's fields (computer vision, language, AI, astrophysics). */
    public static final List<String> TOPICS = List.of(
            "large language models", "diffusion models", "reinforcement learning", "graph neural networks",
            "vision transformer", "object detection", "semantic segmentation", "neural radiance fields",
            "dark matter", "star formation", "galaxy clusters", "gravitational waves", "federated learning",
            "contrastive learning", "knowledge distillation", "question answering", "machine translation",
            "speech recognition", "image generation", "point cloud", "anomaly detection",
            "multimodal large language models", "retrieval augmented generation", "in-context learning",
            "chain of thought", "self-supervised learning", "few-shot learning", "domain adaptation",
            "text-to-image generation", "exoplanet atmospheres", "active galactic nuclei", "black holes",
            "language models", "neural networks", "deep learning", "video generation", "image segmentation",
            "medical image segmentation", "autonomous driving", "pose estimation", "3d reconstruction",
            "visual question answering", "instruction tuning", "preference optimization", "mixture of experts",
            "adversarial attacks", "continual learning", "time series forecasting", "stellar populations",
            "cosmic microwave background");

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:-[\\p{L}\\p{N}]+)*");
    private static final Set<String> STOP = Set.of("the", "and", "for", "with", "from", "via", "into", "towards",
            "toward", "using", "based", "on", "of", "in", "a", "an", "to", "by", "at", "its", "their", "is",
            "are", "as", "or", "not", "we", "our", "can", "be", "this", "that", "beyond", "through", "without");

    private BenchQueries() {
    }

    /** {@code perKind} queries of each kind with an answer, and every topic of {@link #TOPICS}. */
    public static List<BenchQuery> generate(List<Paper> papers, int realPapers, int perKind, long seed) {
        Random random = new Random(seed);
        Map<String, Integer> titleDf = new HashMap<>();
        for (Paper paper : papers) {
            for (String word : new LinkedHashSet<>(words(paper.title()))) {
                titleDf.merge(word, 1, Integer::sum);
            }
        }
        List<BenchQuery> known = new ArrayList<>();
        List<BenchQuery> typos = new ArrayList<>();
        List<Paper> authorSamples = new ArrayList<>();
        int attempts = 0;
        while ((known.size() < perKind || authorSamples.size() < perKind) && attempts++ < perKind * 50) {
            Paper paper = papers.get(random.nextInt(realPapers));
            if (known.size() < perKind) {
                List<String> rare = rarestWords(paper.title(), titleDf, 3);
                if (rare.size() == 3) {
                    known.add(new BenchQuery(Kind.KNOWN_ITEM, String.join(" ", rare), Set.of(paper.key())));
                    String longest = rare.stream().max(Comparator.comparingInt(String::length)).orElseThrow();
                    if (longest.length() >= 5 && longest.matches("[a-z]+")) {
                        List<String> misspelt = new ArrayList<>(rare);
                        misspelt.set(rare.indexOf(longest), typo(longest, random));
                        typos.add(new BenchQuery(Kind.TYPO, String.join(" ", misspelt), Set.of(paper.key())));
                    }
                }
            }
            if (authorSamples.size() < perKind && !paper.authors().isEmpty()
                    && paper.authors().get(0).split("\\s+").length >= 2) {
                authorSamples.add(paper);
            }
        }
        Map<String, Set<String>> byAuthor = new HashMap<>();
        Set<String> wanted = new HashSet<>();
        authorSamples.forEach(p -> wanted.add(normaliseName(p.authors().get(0))));
        for (Paper paper : papers) {
            for (String author : paper.authors()) {
                String name = normaliseName(author);
                if (wanted.contains(name)) {
                    byAuthor.computeIfAbsent(name, n -> new HashSet<>()).add(paper.key());
                }
            }
        }
        List<BenchQuery> queries = new ArrayList<>(known);
        for (Paper paper : authorSamples) {
            String author = paper.authors().get(0);
            queries.add(new BenchQuery(Kind.AUTHOR, author, byAuthor.get(normaliseName(author))));
        }
        TOPICS.forEach(topic -> queries.add(new BenchQuery(Kind.TOPIC, topic, Set.of())));
        queries.addAll(typos);
        return queries;
    }

    /**
     * Queries from a file, one a line: {@code kind<TAB>query[<TAB>key,key…]}, kind one of known_item, author,
     * topic, typo; a line without a tab is a topic query. Blank lines and lines starting with # are skipped.
     */
    public static List<BenchQuery> read(Path file) throws IOException {
        List<BenchQuery> queries = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            if (parts.length == 1) {
                queries.add(new BenchQuery(Kind.TOPIC, parts[0].strip(), Set.of()));
                continue;
            }
            Kind kind = Kind.valueOf(parts[0].strip().toUpperCase(Locale.ROOT));
            Set<String> relevant = parts.length > 2 ? Set.of(parts[2].strip().split("\\s*,\\s*")) : Set.of();
            queries.add(new BenchQuery(kind, parts[1].strip(), relevant));
        }
        return queries;
    }

    /** The {@code count} rarest words of a title (by how many titles have them), in title order. */
    static List<String> rarestWords(String title, Map<String, Integer> df, int count) {
        List<String> words = new ArrayList<>(new LinkedHashSet<>(words(title)));
        words.removeIf(w -> w.length() < 3 || STOP.contains(w) || w.chars().allMatch(Character::isDigit));
        if (words.size() < count) {
            return List.of();
        }
        List<String> rarest = words.stream()
                .sorted(Comparator.comparingInt((String w) -> df.getOrDefault(w, 0)).thenComparing(words::indexOf))
                .limit(count).toList();
        return words.stream().filter(rarest::contains).toList();
    }

    /** One deterministic typo that keeps the first letter: a swap, a deletion, a substitution or an insertion. */
    static String typo(String word, Random random) {
        char[] c = word.toCharArray();
        int at = 1 + random.nextInt(word.length() - 2);
        String result;
        switch (random.nextInt(4)) {
            case 0 -> {
                char t = c[at];
                c[at] = c[at + 1];
                c[at + 1] = t;
                result = new String(c);
            }
            case 1 -> result = word.substring(0, at) + word.substring(at + 1);
            case 2 -> {
                c[at] = (char) ('a' + (c[at] - 'a' + 1 + random.nextInt(25)) % 26);
                result = new String(c);
            }
            default -> result = word.substring(0, at) + (char) ('a' + random.nextInt(26)) + word.substring(at);
        }
        // a swap of two equal letters changes nothing; a deletion always does
        return result.equals(word) ? word.substring(0, at) + word.substring(at + 1) : result;
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** "Md. Tanzib Hosain" and "md tanzib hosain" are one person. */
    static String normaliseName(String name) {
        return String.join(" ", Arrays.stream(name.toLowerCase(Locale.ROOT).replace(".", " ").split("\\s+"))
                .filter(s -> !s.isEmpty()).toList());
    }
}
