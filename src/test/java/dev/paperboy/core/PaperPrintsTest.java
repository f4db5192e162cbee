package dev.paperboy.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaperPrintsTest {

    @Test
    void aKeySeenTwiceKeepsItsFirstFingerprint() {
        PaperPrints prints = new PaperPrints.Builder().add(30, 3).add(10, 1).add(30, 99).add(20, 2).build();

        assertThat(prints.size()).isEqualTo(3);
        assertThat(prints.fingerprint(prints.indexOf(30))).isEqualTo(3);
        assertThat(prints.fingerprint(prints.indexOf(10))).isEqualTo(1);
        assertThat(prints.indexOf(40)).isNegative();
        assertThat(prints.keyHash(0)).isEqualTo(10);
    }

    @Test
    void printsLaidOverOthersShadowTheirKeys() {
        PaperPrints over = new PaperPrints.Builder().add(20, 200).add(40, 400).build();
        PaperPrints under = new PaperPrints.Builder().add(10, 1).add(20, 2).add(30, 3).build();

        PaperPrints both = over.over(under);

        assertThat(both.size()).isEqualTo(4);
        assertThat(new long[] {both.fingerprint(0), both.fingerprint(1), both.fingerprint(2), both.fingerprint(3)})
                .containsExactly(1, 200, 3, 400);
        assertThat(PaperPrints.none().over(under)).isSameAs(under);
        assertThat(over.over(PaperPrints.none())).isSameAs(over);
    }

    @Test
    void keyHashesTellKeysApartAndFingerprintsSeeEveryServedField() {
        assertThat(PaperHashes.key("arxiv:2401.00001")).isNotEqualTo(PaperHashes.key("arxiv:2401.00002"));
        Paper paper = Fixtures.paper("2401.00001", "A title");
        long plain = PaperHashes.fingerprint(LoosePapers.served(paper));
        assertThat(PaperHashes.fingerprint(new LibraryPaper(paper, java.util.List.of("Topic"), null)))
                .isNotEqualTo(plain);
        assertThat(PaperHashes.fingerprint(LoosePapers.served(Fixtures.paper("2401.00001", "A titlf"))))
                .isNotEqualTo(plain);
    }

    @Test
    void fingerprintsAreTheSameFromReleaseToRelease() {
        // the index keeps fingerprints on disk: a change here makes every paper look changed and be written anew
        Paper paper = new Paper("2401.00001", 2, "A title", java.util.List.of("Ann Author"), "An abstract.", "",
                java.util.List.of("cs.LG"), java.time.LocalDate.of(2024, 1, 2), null, java.util.List.of());

        assertThat(PaperHashes.fingerprint(LoosePapers.served(paper))).isEqualTo(5738731790822783530L);
        assertThat(PaperHashes.key("arxiv:2401.00001")).isEqualTo(-3486181095561698852L);
    }
}
