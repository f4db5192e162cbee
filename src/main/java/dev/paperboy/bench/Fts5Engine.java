package dev.paperboy.bench;

import dev.paperboy.core.Paper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The baseline of issue 7: an SQLite FTS5 table over title, authors and abstract with the Porter stemmer,
 * ranked by {@code bm25(t, 10, 5, 1)}. What a user typed becomes quoted words, all of which must match, so
 * no text can be FTS5 syntax. Built as fast as SQLite allows (no journal, no sync, one transaction, then
 * {@code optimize}), since a slow baseline would flatter Paperboy.
 */
final class Fts5Engine implements BenchEngine {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    private final Path file;
    private final List<String> keys = new ArrayList<>();
    private Connection connection;
    private PreparedStatement search;

    Fts5Engine(Path file) {
        this.file = file;
    }

    @Override
    public String name() {
        return "SQLite FTS5";
    }

    @Override
    public void build(List<Paper> papers) throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA journal_mode=OFF");
            s.execute("PRAGMA synchronous=OFF");
            s.execute("PRAGMA cache_size=-262144");
            s.execute("CREATE VIRTUAL TABLE t USING fts5(title, authors, abstract, tokenize='porter unicode61')");
        }
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO t(rowid, title, authors, abstract) VALUES (?, ?, ?, ?)")) {
            for (Paper paper : papers) {
                insert.setLong(1, keys.size());
                insert.setString(2, paper.title());
                insert.setString(3, String.join(", ", paper.authors()));
                insert.setString(4, paper.abstractText());
                insert.addBatch();
                keys.add(paper.key());
                if (keys.size() % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        try (Statement s = connection.createStatement()) {
            s.execute("INSERT INTO t(t) VALUES('optimize')");
        }
        connection.commit();
        connection.setAutoCommit(true);
        search = connection.prepareStatement("SELECT rowid FROM t WHERE t MATCH ? ORDER BY bm25(t, 10, 5, 1) LIMIT ?");
    }

    @Override
    public long sizeBytes() {
        return file.toFile().length();
    }

    @Override
    public List<String> top(String query, int limit) throws SQLException {
        String match = safeMatch(query);
        if (match.isEmpty()) {
            return List.of();
        }
        search.setString(1, match);
        search.setInt(2, limit);
        List<String> found = new ArrayList<>(limit);
        try (ResultSet rows = search.executeQuery()) {
            while (rows.next()) {
                found.add(keys.get((int) rows.getLong(1)));
            }
        }
        return found;
    }

    /** Every word of the text as an FTS5 string ({@code "word"}), so that all must match and none is syntax. */
    static String safeMatch(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add('"' + m.group() + '"');
        }
        return String.join(" ", words);
    }

    @Override
    public void close() throws Exception {
        if (connection != null) {
            connection.close();
        }
        Files.deleteIfExists(file);
    }
}
