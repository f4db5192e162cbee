package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.paperboy.search.UserQuery.Clause;
import dev.paperboy.search.UserQuery.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class UserQueryParserTest {

    @Test
    void wordsAndPhrases() {
        UserQuery q = UserQueryParser.parse("vision \"masked autoencoder\" models");

        assertThat(q.groups()).containsExactly(
                List.of(new Clause(Kind.TEXT, "vision", false, 0)),
                List.of(new Clause(Kind.TEXT, "masked autoencoder", true, 8)),
                List.of(new Clause(Kind.TEXT, "models", false, 28)));
        assertThat(q.exclusions()).isEmpty();
        assertThat(q.sortByDate()).isFalse();
    }

    @Test
    void exclusionsOfWordsPhrasesAndFields() {
        UserQuery q = UserQueryParser.parse("graph -images -\"text generation\" -cat:cs.CV");

        assertThat(q.groups()).hasSize(1);
        assertThat(q.exclusions()).extracting(Clause::kind, Clause::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.TEXT, "images"),
                org.assertj.core.groups.Tuple.tuple(Kind.TEXT, "text generation"),
                org.assertj.core.groups.Tuple.tuple(Kind.CATEGORY, "cs.CV"));
    }

    @Test
    void orGroupsNeighbours() {
        UserQuery q = UserQueryParser.parse("a OR b c OR \"d e\" OR cat:cs.LG f");

        assertThat(q.groups()).extracting(g -> g.stream().map(Clause::value).toList()).containsExactly(
                List.of("a", "b"), List.of("c", "d e", "cs.LG"), List.of("f"));
    }

    @Test
    void luceneBoostsAndFuzzinessAreLeftOut() {
        UserQuery q = UserQueryParser.parse("graph^10 vision~2 ti:neural~ \"masked autoencoder\"~5 n^2 10^6 a~b");

        assertThat(q.positiveClauses()).extracting(Clause::kind, Clause::value).containsExactly(
                tuple(Kind.TEXT, "graph"), tuple(Kind.TEXT, "vision"), tuple(Kind.TITLE, "neural"),
                tuple(Kind.TEXT, "masked autoencoder"), tuple(Kind.TEXT, "n^2"), tuple(Kind.TEXT, "10^6"),
                tuple(Kind.TEXT, "a~b"));
        assertThat(UserQueryParser.parse("~ ^ ~5").positiveClauses()).extracting(Clause::value)
                .containsExactly("~", "^", "~5");
    }

    @Test
    void aSinglePipeIsOrToo() {
        for (String typed : List.of("gan | diffusion images", "gan|diffusion images", "gan ||diffusion images")) {
            assertThat(UserQueryParser.parse(typed).groups()).as(typed)
                    .extracting(g -> g.stream().map(Clause::value).toList())
                    .containsExactly(List.of("gan", "diffusion"), List.of("images"));
        }
    }

    @Test
    void orInLowerCaseSearchesBothWordsAndSaysHowToAskForEither() {
        UserQuery q = UserQueryParser.parse("gan or diffusion or \"flow matching\" images");

        assertThat(q.groups()).hasSize(6);
        assertThat(q.problems()).containsExactly("Both “gan” and “diffusion” are searched for: to find either, type"
                + " OR in capitals: gan OR diffusion OR \"flow matching\" images");
        assertThat(UserQueryParser.parse("\"masked autoencoder\" or diffusion").problems()).singleElement()
                .asString().endsWith(": \"masked autoencoder\" OR diffusion");
        assertThat(UserQueryParser.parse("gan OR diffusion").problems()).isEmpty();
        assertThat(UserQueryParser.parse("or gan").problems()).isEmpty();
        assertThat(UserQueryParser.parse("gan or").problems()).isEmpty();
        assertThat(UserQueryParser.parse("gan or -diffusion images").problems()).isEmpty();
        assertThat(UserQueryParser.parse("au:hinton or author:\"Yann LeCun\" OR au:bengio transformer").problems())
                .as("fields too, and the whole query to type").containsExactly("Both “hinton” and “Yann LeCun” are"
                        + " searched for: to find either, type OR in capitals: au:hinton OR author:\"Yann LeCun\" OR"
                        + " au:bengio transformer");
        assertThat(UserQueryParser.parse("ti:gan or cat:cs.CV").problems()).as("not a filter").isEmpty();
        assertThat(UserQueryParser.parse("2312.00273 or 2312.00279").problems()).as("ids are alternatives").isEmpty();
    }

    @Test
    void notInAPastedTitleSaysWhichWordItLeftOutAndWhatToTypeInstead() {
        UserQuery q = UserQueryParser.parse("Large Language Models Do NOT Really Know What They Don't Know");

        assertThat(q.exclusions()).extracting(UserQuery.Clause::value).containsExactly("Really");
        assertThat(q.problems()).containsExactly("“Really” is left out: NOT in capitals excludes the word after it. To"
                + " search for the word not, type it in lower case: Large Language Models Do not Really Know What They"
                + " Don't Know");
        assertThat(UserQueryParser.parse("Why Models Are NOT 'Fair': A Study of Bias").problems()).singleElement()
                .asString().startsWith("“Fair” is left out");
        assertThat(UserQueryParser.parse("vision transformer segmentation NOT survey").problems())
                .as("a short query means it").isEmpty();
        assertThat(UserQueryParser.parse("NOT survey of large vision language models").problems())
                .as("not after a word").isEmpty();
    }

    @Test
    void danglingOrsAreIgnored() {
        assertThat(UserQueryParser.parse("OR a OR").groups()).extracting(List::size).containsExactly(1);
        assertThat(UserQueryParser.parse("-a OR b").groups()).extracting(g -> g.get(0).value()).containsExactly("b");
    }

    @Test
    void fieldsWithQuotedValuesAndPositions() {
        String typed = "au:\"Yann LeCun\" ti:vision id:2211.07638v2 date:2025-06 sort:date";
        UserQuery q = UserQueryParser.parse(typed);

        assertThat(q.positiveClauses()).extracting(Clause::kind, Clause::value, Clause::quoted).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Kind.AUTHOR, "Yann LeCun", true),
                org.assertj.core.groups.Tuple.tuple(Kind.TITLE, "vision", false),
                org.assertj.core.groups.Tuple.tuple(Kind.ID, "2211.07638v2", false),
                org.assertj.core.groups.Tuple.tuple(Kind.DATE, "2025-06", false));
        assertThat(q.sortByDate()).isTrue();
        for (Clause c : q.positiveClauses()) {
            assertThat(typed.substring(c.start(), c.end())).isEqualTo(c.value());
        }
    }

    @Test
    void unbalancedQuoteRunsToTheEnd() {
        UserQuery q = UserQueryParser.parse("graph \"neural fields");

        assertThat(q.positiveClauses()).extracting(Clause::value).containsExactly("graph", "neural fields");
    }

    @Test
    void loneSignsAndEmptyFieldsAreNothing() {
        UserQuery q = UserQueryParser.parse("- + -- au: ti:\"\" sort:");

        assertThat(q.groups()).isEmpty();
        assertThat(q.exclusions()).isEmpty();
    }

    @Test
    void aFieldValueMayComeAfterASpace() {
        String typed = "arXiv: 2312.00273 au:  \"Yann LeCun\" sort: date ti: (vision OR language)";
        UserQuery q = UserQueryParser.parse(typed);

        assertThat(q.positiveClauses()).containsExactly(
                new Clause(Kind.ID, "2312.00273", false, 7),
                new Clause(Kind.AUTHOR, "Yann LeCun", true, 24),
                new Clause(Kind.TITLE, "vision", false, 52),
                new Clause(Kind.TITLE, "language", false, 62));
        assertThat(q.sortByDate()).isTrue();
        assertThat(q.problems()).isEmpty();
    }

    @Test
    void sortTakesOnlyAnOrderAfterASpace() {
        UserQuery q = UserQueryParser.parse("sort: gan");

        assertThat(q.sortByDate()).isFalse();
        assertThat(q.positiveClauses()).extracting(Clause::value).containsExactly("gan");
        assertThat(q.problems()).containsExactly("sort: needs date after it: sort:date shows the newest first.");
    }

    @Test
    void aFieldWithNothingAfterItDoesNotTakeWhatFollows() {
        UserQuery q = UserQueryParser.parse("ti: au:hinton abs: -survey cat: OR graphs id:");

        assertThat(q.positiveClauses()).extracting(Clause::kind, Clause::value).containsExactly(
                tuple(Kind.AUTHOR, "hinton"), tuple(Kind.TEXT, "graphs"));
        assertThat(q.exclusions()).extracting(Clause::value).containsExactly("survey");
        assertThat(q.problems()).hasSize(4).allMatch(p -> p.contains("needs something after it"));
    }

    @Test
    void pastedIdsAndDatesLoseThePunctuationAroundThem() {
        UserQuery q = UserQueryParser.parse("arXiv:2312.00273. id:[2211.07638v2], after:2025-01-01.");

        assertThat(q.positiveClauses()).containsExactly(
                new Clause(Kind.ID, "2312.00273", false, 6),
                new Clause(Kind.ID, "2211.07638v2", false, 22),
                new Clause(Kind.AFTER, "2025-01-01", false, 43));
        assertThat(q.problems()).isEmpty();
    }

    @Test
    void unknownFieldIsAWord() {
        assertThat(UserQueryParser.parse("foo:bar").positiveClauses())
                .containsExactly(new Clause(Kind.TEXT, "foo:bar", false, 0));
    }

    @Test
    void typographicQuotesOpenAndCloseAPhraseButAnApostropheDoesNot() {
        assertThat(UserQueryParser.parse("“masked autoencoder” «graph nets» „a b“").positiveClauses())
                .extracting(Clause::value, Clause::quoted).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("masked autoencoder", true),
                        org.assertj.core.groups.Tuple.tuple("graph nets", true),
                        org.assertj.core.groups.Tuple.tuple("a b", true));
        assertThat(UserQueryParser.parse("‘O’Brien’s model’ x").positiveClauses())
                .extracting(Clause::value).containsExactly("O’Brien’s model", "x");
        assertThat(UserQueryParser.parse("au:“Yann LeCun”").positiveClauses())
                .containsExactly(new Clause(Kind.AUTHOR, "Yann LeCun", true, 4));
    }

    @Test
    void notAndBangExcludeAndOrAndParenthesesAreSyntax() {
        UserQuery q = UserQueryParser.parse("(a || b) AND c && NOT d !\"e f\" NOT");

        assertThat(q.groups()).extracting(g -> g.stream().map(Clause::value).toList())
                .containsExactly(List.of("a", "b"), List.of("c"));
        assertThat(q.exclusions()).extracting(Clause::value).containsExactly("d", "e f");
        assertThat(UserQueryParser.parse("(ti:gan").positiveClauses())
                .containsExactly(new Clause(Kind.TITLE, "gan", false, 4));
        assertThat(UserQueryParser.parse("not and or").positiveClauses()).extracting(Clause::value)
                .as("lower case is words").containsExactly("not", "and", "or");
    }

    @Test
    void negatedParenthesesExcludeEveryItemAndGluedOperatorsAreSyntax() {
        UserQuery q = UserQueryParser.parse("-(survey OR review) transformer NOT (a b) c");
        assertThat(q.groups()).extracting(g -> g.get(0).value()).containsExactly("transformer", "c");
        assertThat(q.exclusions()).extracting(Clause::value).containsExactly("survey", "review", "a", "b");

        assertThat(UserQueryParser.parse("gan||diffusion ti:gan&&ti:images").groups())
                .extracting(g -> g.stream().map(Clause::value).toList())
                .containsExactly(List.of("gan", "diffusion"), List.of("gan"), List.of("images"));
        assertThat(UserQueryParser.parse("ti:‘masked autoencoder’").positiveClauses())
                .containsExactly(new Clause(Kind.TITLE, "masked autoencoder", true, 4));
    }

    @Test
    void pastedIdsLoseTheirPunctuationAndAreAlternatives() {
        UserQuery q = UserQueryParser.parse("[2312.00273], 2312.00279. <https://arxiv.org/abs/2312.00280?context=cs>");

        assertThat(q.groups()).singleElement().asList().extracting(c -> ((Clause) c).value())
                .containsExactly("2312.00273", "2312.00279", "https://arxiv.org/abs/2312.00280?context=cs");
        assertThat(UserQueryParser.parse("id:2312.00273,2312.00279").groups()).hasSize(1);
        assertThat(UserQueryParser.parse("2312.00273 and 2312.00279 & 2312.00280").groups()).singleElement().asList()
                .hasSize(3);
        assertThat(UserQueryParser.parse("cats and dogs").positiveClauses()).extracting(Clause::value)
                .as("only between ids").containsExactly("cats", "and", "dogs");
        assertThat(UserQueryParser.parse("end. [x]").positiveClauses()).extracting(Clause::value)
                .as("only ids are cut").containsExactly("end.", "[x]");
    }

    @Test
    void emojiAndSymbolsAreSpacesAndPositionsStay() {
        String typed = "👍🏽transformer ™ ☃ \"vision ★ model\"";
        UserQuery q = UserQueryParser.parse(typed);

        assertThat(q.positiveClauses()).extracting(Clause::value)
                .containsExactly("transformer", "vision   model");
        assertThat(typed.substring(q.positiveClauses().get(0).start(), q.positiveClauses().get(0).end()))
                .isEqualTo("transformer");
        assertThat(UserQueryParser.parse("🚀 ❤️ 👨‍👩‍👧 1️⃣ #️⃣").groups()).isEmpty();
    }

    @Test
    void whatCannotBeSearchedIsAProblemThatSaysWhatToType() {
        assertThat(UserQueryParser.parse("graph au: date:2025-13 after:2025-02-30 id:garbage sort:best").problems())
                .containsExactly(
                        "au: needs something after it, such as au:\"Yann LeCun\".",
                        "“2025-13” is not a date: a month is 01 to 12; write one such as date:2025-06.",
                        "“2025-02-30” is not a date: February 2025 has 28 days; write one such as after:2025-02-28.",
                        "“garbage” is not an arXiv id: write one such as id:2211.07638.",
                        "“best” is not an order: sort:date shows the newest first.");
        assertThat(UserQueryParser.parse("date:2024-02-30 before:2025-06-00 after:2025-6").problems()).containsExactly(
                "“2024-02-30” is not a date: February 2024 has 29 days; write one such as date:2024-02-29.",
                "“2025-06-00” is not a date: days are counted from 01; write one such as before:2025-06.");
        assertThat(UserQueryParser.parse("-graph NOT images").problems()).containsExactly(
                "Only exclusions: a query needs a word to search for, such as transformer -vision.");
        assertThat(UserQueryParser.parse("BEFORE:" + "9".repeat(500)).problems()).singleElement().asString()
                .startsWith("“" + "9".repeat(40) + "…” is not a date").hasSizeLessThan(150);
        assertThat(UserQueryParser.parse("graph date:2025-06 id:2211.07638v2 au:x sort:date").problems()).isEmpty();
    }

    @Test
    void datesThatLeaveNoDayBetweenThemSaySo() {
        assertThat(UserQueryParser.parse("graph after:2025-07-01 before:2025-06-30").problems()).containsExactly(
                "No day is after:2025-07-01 and before:2025-06-30 at once (after: counts its own day, before: does"
                        + " not): widen or drop one of them.");
        assertThat(UserQueryParser.parse("date:2025-06-30 date:2025-07-01").problems()).hasSize(1);
        assertThat(UserQueryParser.parse("date:2025 after:2026").problems()).hasSize(1);
        assertThat(UserQueryParser.parse("after:2025-06-30 before:2025-06-30").problems()).as("no day left").hasSize(1);
        assertThat(UserQueryParser.parse("after:2025-06-30 before:2025-07-01").problems()).as("one day").isEmpty();
        assertThat(UserQueryParser.parse("date:2025-06 date:2025").problems()).isEmpty();
        assertThat(UserQueryParser.parse("date:2024 OR date:2026 date:2025").problems()).as("alternatives")
                .isEmpty();
        assertThat(UserQueryParser.parse("-date:2025 date:2025").problems()).as("exclusions are not filters here")
                .isEmpty();
    }

    @Test
    void tooManyClausesAreCut() {
        UserQuery q = UserQueryParser.parse("word ".repeat(400));

        assertThat(q.groups()).hasSize(UserQueryParser.MAX_CLAUSES);
        assertThat(q.problems()).containsExactly("Only the first 64 words and fields were searched: shorten the"
                + " query to search the rest.");
        assertThat(UserQueryParser.parse("-x ".repeat(64) + "vision").problems()).as("the word was typed")
                .containsExactly("The query is longer than 64 words and fields, and the first 64 only exclude: put"
                        + " the words to search for first, or exclude fewer.");
        assertThat(UserQueryParser.parse("-x ".repeat(63) + "vision").problems()).isEmpty();
    }

    @Test
    void aFieldBeforeParenthesesSearchesEachWordInsideInThatField() {
        UserQuery q = UserQueryParser.parse("ti:(vision OR \"large language\") model -abs:(survey review) (x)");

        assertThat(q.groups()).containsExactly(
                List.of(new Clause(Kind.TITLE, "vision", false, 4),
                        new Clause(Kind.TITLE, "large language", true, 15)),
                List.of(new Clause(Kind.TEXT, "model", false, 32)),
                List.of(new Clause(Kind.TEXT, "x", false, 60)));
        assertThat(q.exclusions()).extracting(Clause::kind, Clause::value)
                .containsExactly(tuple(Kind.ABSTRACT, "survey"), tuple(Kind.ABSTRACT, "review"));
        assertThat(UserQueryParser.parse("au:((lecun) OR hinton) graph").groups())
                .extracting(g -> g.stream().map(c -> c.kind() + " " + c.value()).toList())
                .as("nested parentheses stay in the field").containsExactly(
                        List.of("AUTHOR lecun", "AUTHOR hinton"), List.of("TEXT graph"));
        assertThat(UserQueryParser.parse("date:(2025-13 OR 2025-06) ti:( )").problems()).containsExactly(
                "“2025-13” is not a date: a month is 01 to 12; write one such as date:2025-06.",
                "ti: needs something after it, such as ti:transformer.");
        assertThat(UserQueryParser.parse("ti:(unclosed words").positiveClauses()).extracting(Clause::kind)
                .containsOnly(Kind.TITLE).hasSize(2);
    }
}
