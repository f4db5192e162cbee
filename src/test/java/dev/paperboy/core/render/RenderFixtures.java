package dev.paperboy.core.render;

import dev.paperboy.core.Digest;
import dev.paperboy.core.DigestSource;
import dev.paperboy.core.LibraryPaper;
import dev.paperboy.core.Paper;
import dev.paperboy.core.SearchHit;
import dev.paperboy.core.SearchPage;
import dev.paperboy.core.Snippet;
import dev.paperboy.core.command.ErrorReply;
import dev.paperboy.core.command.TextReply;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Invented papers, digests and search pages that every renderer's golden test renders. The texts are
 * made up for these tests; the digest only has the shape of the real seed (one topic, one day, four
 * papers, two without a comment).
 */
public final class RenderFixtures {

    public static final LocalDate DAY = LocalDate.of(2022, 11, 15);
    public static final String TOPIC = "Vision Transformer";

    private RenderFixtures() {
    }

    public static Digest seedShapedDigest() {
        return new Digest(TOPIC, DAY, List.of(patchDropout(), tokenMerging(), satelliteMae(), attentionMaps()),
                new DigestSource("content/vision-transformer.md", 1, "Compiled by the Paperboy test suite\nLicence: CC BY 4.0"));
    }

    public static Paper patchDropout() {
        return new Paper("2211.00001", 2, "Patch Dropout Schedules for Data-Efficient Vision Transformers",
                List.of("Mira Olsen", "Tomasz Wierzbicki", "Ana Lucía Ferreira", "Kenji Hayashi", "Priya Raman",
                        "Olu Adeyemi", "Hannah Vogel", "Lars Eriksson", "Chen Wei", "Sofia Marchetti"),
                "Vision transformers are famously hungry for data, and most recipes that tame them on small datasets "
                        + "rely on heavy augmentation. We revisit a simpler knob: dropping input patches during "
                        + "training. Instead of a fixed drop rate, we schedule it, starting high while the model learns "
                        + "coarse shapes and lowering it as training proceeds. On six small classification benchmarks "
                        + "this schedule improves top-1 accuracy by 1.8 points on average over a tuned constant rate, "
                        + "and it cuts training time by a third because fewer tokens pass through the encoder. We "
                        + "analyse why the schedule helps, e.g. by measuring how attention distances change over "
                        + "training, and find that early dropout pushes heads to attend globally. The method needs no "
                        + "extra parameters and two lines of code. We also report negative results: scheduling "
                        + "dropout of whole attention heads, rather than patches, did not help in any setting we "
                        + "tried.",
                "", List.of("cs.CV", "cs.LG"), DAY, DAY, List.of("https://example.org/patch-dropout"));
    }

    public static Paper tokenMerging() {
        return Paper.of(null, "Token Merging Meets Optical Flow: Faster Video Transformers",
                List.of("Rafael Ortiz", "Ingrid Nilsen", "Samuel Okafor"),
                "Video transformers spend most of their compute on tokens that barely change from one frame to "
                        + "the next. We merge such tokens along estimated optical flow, so that a token in frame t and "
                        + "its counterpart in frame t+1 are processed once. The merge is training-free and can be "
                        + "applied to off-the-shelf models. On two action-recognition benchmarks it halves the number "
                        + "of tokens with less than half a point of accuracy lost, and it composes with existing "
                        + "spatial merging methods. Flow estimation adds 4% overhead, which we reduce further by "
                        + "reusing motion vectors from the compressed video stream.",
                "");
    }

    public static Paper satelliteMae() {
        return new Paper("2211.00003", 1, "Scaling Masked Autoencoders to Multispectral Satellite Imagery",
                List.of("Aisha Kamara", "Bruno Lefèvre"),
                "Masked autoencoders learn strong visual features from unlabelled images, but satellite images "
                        + "differ from photos: they have a dozen spectral bands, and their statistics drift with "
                        + "season and sensor.\n\n"
                        + "We pre-train a ViT-L on 40 million multispectral tiles, masking bands as well as patches. "
                        + "Fine-tuned on land-cover mapping, crop-type classification and flood detection, the model "
                        + "beats supervised baselines trained on ten times more labels. Band masking matters most "
                        + "when a sensor is missing bands at test time.",
                "NeurIPS 2022 workshop; 14 pages, 6 figures", List.of("cs.CV"), DAY, null, List.of());
    }

    public static Paper attentionMaps() {
        return Paper.of(null, "Attention Maps Are Not Explanations: A Sanity Check for ViTs",
                List.of("Jonas Berg"),
                "Attention maps are often shown as explanations of what a vision transformer looks at. We "
                        + "randomise the weights of a trained model layer by layer and find that its attention maps "
                        + "stay visually similar long after its predictions have become random. Attention rollout "
                        + "fares no better. We recommend gradient-based checks before attention maps are read as "
                        + "explanations.",
                "PDF Code will be released");
    }

    /** A paper whose abstract is exactly 10,000 characters: 38 sentences in five paragraphs, then a cut. */
    public static Paper longAbstractPaper() {
        String[] sentences = {
            "Sentence %d describes a step of the proposed training pipeline in considerable detail, including the optimiser, the learning-rate warm-up and the weight decay.",
            "Sentence %d reports that the ablation without the auxiliary loss loses about one point of accuracy, which we consider significant given the variance across seeds.",
            "In sentence %d we note that the effect holds for both the base and the large model, although the gap narrows as the number of parameters grows.",
            "Sentence %d is a short one.",
            "Sentence %d compares against three strong baselines (a convolutional network, a hybrid model and a plain transformer) under an identical compute budget!",
            "Does sentence %d ask a question?",
            "Sentence %d mentions that code, checkpoints and logs are available, i.e. everything needed to reproduce every table and figure of this paper."
        };
        StringBuilder text = new StringBuilder();
        int n = 1;
        while (text.length() < 10_000) {
            if (n > 1) {
                text.append(n % 14 == 1 ? "\n\n" : " ");
            }
            text.append(String.format(sentences[n % sentences.length], n));
            n++;
        }
        String abstractText = text.substring(0, 10_000);
        return new Paper("2211.09999", 3, "A Very Thorough Study of Everything About Training Vision Transformers",
                List.of("Quinn Abernathy", "Ravi Subramanian", "Elena Popescu", "Marc Dubois", "Yuki Tanaka",
                        "Fatima Zahra", "Oskar Lindqvist", "Grace Mwangi", "Diego Herrera", "Nadia Petrova",
                        "Tariq Hussein", "Lena Schmidt"),
                abstractText, "62 pages, 31 figures, 18 tables; appendix included", List.of("cs.CV", "cs.LG", "stat.ML"),
                DAY, LocalDate.of(2022, 12, 2), List.of("https://example.org/thorough", "not a url (see paper)"));
    }

    /** A paper that tries every kind of markup and mention in its texts. */
    public static Paper hostilePaper() {
        return new Paper("2211.06666", 1,
                "<b>Bold</b> & <script>alert(\"x\")</script></b> *stars* _under_ ~~strike~~ `code` ||spoiler|| "
                        + "@everyone @here <@123456789> <@&42> [click](https://evil.example) a<b c>d &amp; 😀",
                List.of("@everyone", "<i>Eve</i> & Mallory", "Bob_the_*builder*"),
                "> quoted line\n# heading line\n- list item\n1. numbered item\nText with </pre> and <a href=\"x\">"
                        + " and &lt; literally, **bold**, __under__, ~~strike~~, `tick`, ||spoiler||, "
                        + "[masked](https://evil.example), @here and <@!987654321>. 😀👍🏽 End.",
                "- starts like a list; 10 pages <br> & @everyone",
                List.of("cs.CR"), DAY, null, List.of("https://example.org/a_(b)"));
    }

    /** Twelve papers with long abstracts: more than one Telegram message or Discord message holds. */
    public static Digest largeDigest() {
        List<Paper> papers = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            Paper base = i % 2 == 0 ? longAbstractPaper() : patchDropout();
            papers.add(new Paper(String.format("2211.1%04d", i), 1, "Paper number " + i + ": " + base.title(),
                    base.authors(), base.abstractText(), i % 3 == 0 ? base.comment() : "", base.categories(), DAY,
                    null, List.of()));
        }
        return new Digest(TOPIC, DAY, papers, new DigestSource("content/large.md", 3, ""));
    }

    public static Digest hostileDigest() {
        return new Digest("<i>Topic</i> & *friends* @everyone", DAY, List.of(hostilePaper()),
                new DigestSource("content/hostile.md", 1, "By <b>someone</b> @here"));
    }

    public static Digest emptyDigest() {
        return new Digest("Robotics", DAY, List.of(), new DigestSource("content/robotics.md", 1, ""));
    }

    public static LibraryPaper libraryPaper(Paper paper) {
        return new LibraryPaper(paper, List.of(TOPIC, "Self-Supervised Learning"), DAY);
    }

    /** Page 2 of 5 of a query that was corrected, with highlighted snippets. */
    public static SearchPage correctedSearchPage() {
        List<SearchHit> hits = List.of(
                hit(patchDropout(), 8.1f, snippet("…recipes that tame ", "vision", " ", "transformers",
                        " on small datasets rely on heavy augmentation. We revisit a simpler knob…")),
                hit(tokenMerging(), 7.4f, snippet("Video ", "transformers",
                        " spend most of their compute on tokens that barely change from one frame to the next.")),
                hit(hostilePaper(), 6.0f, snippet("Text with </pre> and <b>", "vision", "</b> *stars* @everyone ",
                        "transformer", "_s_ & more")),
                hit(satelliteMae(), 5.5f, Snippet.none()),
                new SearchHit(new LibraryPaper(attentionMaps(), List.of(), null), 5.1f,
                        snippet("Attention maps are often shown as explanations of what a ", "vision transformer",
                                " looks at. We randomise the weights of a trained model layer by layer and find that "
                                        + "its attention maps stay visually similar long after its predictions have "
                                        + "become random; attention rollout fares no better, and neither do the "
                                        + "other methods we tried on the ", "vision", " side of things.")));
        return new SearchPage("vison transfromer", "vision transformer", hits, 23, 2, 5);
    }

    public static SearchPage emptySearchPage() {
        return new SearchPage("quantum bananas", null, List.of(), 0, 1, 5);
    }

    public static TextReply textReply() {
        return new TextReply("Topics", List.of("Vision Transformer: 4 papers, latest 2022-11-15",
                "Self-Supervised Learning: 12 papers, latest 2022-11-14", "",
                "Type /digest <date> [topic] to read a day, or /subscribe <topic> to get it daily."));
    }

    public static ErrorReply errorReply() {
        return new ErrorReply("There is no digest for 2022-11-31 because that is not a date. "
                + "Type a date like 2022-11-15.");
    }

    private static SearchHit hit(Paper paper, float score, Snippet snippet) {
        return new SearchHit(libraryPaper(paper), score, snippet);
    }

    /** Alternating plain and highlighted spans, starting with plain. */
    private static Snippet snippet(String... texts) {
        List<Snippet.Span> spans = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            spans.add(new Snippet.Span(texts[i], i % 2 == 1));
        }
        return new Snippet(spans);
    }
}
