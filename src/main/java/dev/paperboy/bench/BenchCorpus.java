package dev.paperboy.bench;

import dev.paperboy.content.JsonlPaperFormat;
import dev.paperboy.core.Paper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** The papers a benchmark runs on: a real dump, optionally grown or cut to a wanted size. */
public final class BenchCorpus {

    private BenchCorpus() {
    }

    /** Every paper of a JSONL dump (plain or gzip); malformed lines are skipped. */
    public static List<Paper> load(Path dump) throws IOException {
        List<Paper> papers = new ArrayList<>();
        new JsonlPaperFormat().read(dump.getFileName().toString(), dump, papers::add, problem -> { });
        return papers;
    }

    /**
     * Exactly {@code size} papers: the first ones of the real corpus, then synthetic papers made from it.
     * A synthetic paper has a new arXiv id, a title joining the start of one real title to the end of
     * another, the sentences of a real abstract in shuffled order, and that paper's authors and categories,
     * so term statistics stay realistic while every synthetic paper is different.
     */
    public static List<Paper> scale(List<Paper> real, int size, long seed) {
        if (real.isEmpty()) {
            throw new IllegalArgumentException("cannot scale an empty corpus");
        }
        if (size <= real.size()) {
            return List.copyOf(real.subList(0, size));
        }
        Random random = new Random(seed);
        List<Paper> papers = new ArrayList<>(size);
        papers.addAll(real);
        for (int n = 0; papers.size() < size; n++) {
            Paper base = real.get(random.nextInt(real.size()));
            Paper other = real.get(random.nextInt(real.size()));
            papers.add(synthetic(n, base, other, random));
        }
        return papers;
    }

    private static Paper synthetic(int n, Paper base, Paper other, Random random) {
        String id = String.format("%04d.%05d", 5001 + n / 90_000, 10_000 + n % 90_000);
        String[] a = base.title().split(" ");
        String[] b = other.title().split(" ");
        List<String> title = new ArrayList<>(Arrays.asList(a).subList(0, (a.length + 1) / 2));
        title.addAll(Arrays.asList(b).subList(b.length / 2, b.length));
        List<String> sentences = new ArrayList<>(Arrays.asList(base.abstractText().split("(?<=\\.) ")));
        Collections.shuffle(sentences, random);
        LocalDate published = base.published() == null ? null : base.published().plusDays(random.nextInt(60) - 30);
        return new Paper(id, 1, String.join(" ", title), base.authors(), String.join(" ", sentences),
                base.comment(), base.categories(), published, null, List.of());
    }
}
