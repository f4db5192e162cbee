package dev.paperboy.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * A person's name typed with initials ({@code au:"Y. LeCun"}): a phrase in which each initial stands for any
 * name word of the field that starts with that letter (Yann, Yves, or the initial itself as a paper lists it),
 * looked up in the index's terms when the query is rewritten. An initial that starts more than
 * {@link #MAX_EXPANSIONS} words stands for any word, rather than making the query slow.
 */
final class InitialsPhraseQuery extends Query {

    static final int MAX_EXPANSIONS = 2048;

    private final String field;
    private final List<PaperQueryFactory.Token> tokens;
    private final int slop;

    InitialsPhraseQuery(String field, List<PaperQueryFactory.Token> tokens, int slop) {
        this.field = field;
        this.tokens = List.copyOf(tokens);
        this.slop = slop;
    }

    /** A single letter: what the name analyzer leaves of "Y." or "Y". */
    static boolean isInitial(String token) {
        return token.length() == 1 && Character.isLetter(token.charAt(0));
    }

    @Override
    public Query rewrite(IndexSearcher searcher) throws IOException {
        Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), field);
        if (terms == null) {
            return new MatchNoDocsQuery("no " + field + " in the index");
        }
        MultiPhraseQuery.Builder phrase = new MultiPhraseQuery.Builder().setSlop(slop);
        for (PaperQueryFactory.Token token : tokens) {
            if (!isInitial(token.text())) {
                phrase.add(new Term[] {new Term(field, token.text())}, token.position());
                continue;
            }
            List<Term> words = startingWith(terms, token.text());
            if (words.isEmpty()) {
                return new MatchNoDocsQuery("no name in " + field + " starts with " + token.text());
            }
            if (words.size() <= MAX_EXPANSIONS) {
                phrase.add(words.toArray(Term[]::new), token.position());
            }
        }
        return phrase.build();
    }

    /** The field's words that start with {@code prefix}, up to one more than {@link #MAX_EXPANSIONS}. */
    private List<Term> startingWith(Terms terms, String prefix) throws IOException {
        BytesRef start = new BytesRef(prefix);
        List<Term> words = new ArrayList<>();
        TermsEnum all = terms.iterator();
        if (all.seekCeil(start) == TermsEnum.SeekStatus.END) {
            return words;
        }
        for (BytesRef word = all.term(); word != null && StringHelper.startsWith(word, start)
                && words.size() <= MAX_EXPANSIONS; word = all.next()) {
            words.add(new Term(field, BytesRef.deepCopyOf(word)));
        }
        return words;
    }

    @Override
    public void visit(QueryVisitor visitor) {
        if (visitor.acceptField(field)) {
            visitor.visitLeaf(this);
        }
    }

    @Override
    public String toString(String defaultField) {
        StringBuilder text = new StringBuilder(field.equals(defaultField) ? "" : field + ":").append('"');
        tokens.forEach(t -> text.append(t.position() == tokens.get(0).position() ? "" : " ")
                .append(t.text()).append(isInitial(t.text()) ? "*" : ""));
        return text.append("\"~").append(slop).toString();
    }

    @Override
    public boolean equals(Object other) {
        return sameClassAs(other) && field.equals(((InitialsPhraseQuery) other).field)
                && tokens.equals(((InitialsPhraseQuery) other).tokens) && slop == ((InitialsPhraseQuery) other).slop;
    }

    @Override
    public int hashCode() {
        return Objects.hash(classHash(), field, tokens, slop);
    }
}
