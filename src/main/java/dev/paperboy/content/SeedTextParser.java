package dev.paperboy.content;

import dev.paperboy.core.ArxivIds;
import dev.paperboy.core.ContentLoad;
import dev.paperboy.core.ContentProblem;
import dev.paperboy.core.Digest;
import dev.paperboy.core.DigestSource;
import dev.paperboy.core.Paper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the "seed" text digest format: a topic line, a date line ({@code 2022-11-15 更新}), then per
 * paper a title line, an {@code Authors:} line, abstract paragraphs and an optional {@code PDF <comment>}
 * line; trailing blog footer lines ({@code 文章作者:}, {@code 版权声明:}) become the digest's attribution.
 * Every problem is reported with its line; bad content never throws.
 */
public final class SeedTextParser {

    /** Anything that starts like a date is meant as one, so a typo in it is reported rather than read as text. */
    private static final Pattern DATE_SHAPED = Pattern.compile("^(\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2})(?:\\s+(\\S+))?$");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern AUTHORS = Pattern.compile("^Authors\\s*[:：](.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PDF = Pattern.compile("^PDF(?:\\s+(.*))?$");
    private static final Pattern ARXIV_LINE = Pattern.compile(
            "^(?:arXiv:\\s*\\S+|https?://(?:www\\.|export\\.)?arxiv\\.org/(?:abs|pdf)/\\S+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTHOR_SEPARATOR = Pattern.compile("[,，]");
    /**
     * Footer labels of the blog pages the format comes from (Hexo themes), in Chinese and English. The
     * English "Author:" is left out on purpose: it is too close to "Authors:" to be unambiguous.
     */
    private static final Pattern FOOTER = Pattern.compile(
            "^(?:文章作者|本文作者|文章链接|本文链接|原文链接|版权声明|许可协议"
                    + "|Copyright(?: notice)?|Licen[cs]e|Reprint policy|Post author|Post link)\\s*[:：].*$",
            Pattern.CASE_INSENSITIVE);
    private static final String DATE_EXPECTED = "expected YYYY-MM-DD, optionally followed by \"update\" or \"更新\"";

    /** One non-blank line, trimmed, with its 1-based number and whether a blank line came before it. */
    private record Line(int number, String text, boolean blankBefore) {
    }

    /** A paper and the line of its title. */
    private record Placed(Paper paper, int line) {
    }

    /**
     * Parses one file. The digests come with a {@link DigestSource} naming {@code fileName} and the line
     * of their topic; the result never holds loose papers.
     */
    public ContentLoad parse(String fileName, String text) {
        return new Run(fileName, lines(text)).parse();
    }

    private static List<Line> lines(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        String[] raw = body.split("\r\n|\r|\n", -1);
        List<Line> result = new ArrayList<>();
        boolean blankBefore = false;
        for (int i = 0; i < raw.length; i++) {
            String stripped = raw[i].strip();
            if (stripped.isEmpty()) {
                blankBefore = true;
            } else {
                result.add(new Line(i + 1, stripped, blankBefore));
                blankBefore = false;
            }
        }
        return result;
    }

    private static boolean isDateShaped(Line line) {
        return DATE_SHAPED.matcher(line.text()).matches();
    }

    private static boolean isAuthors(Line line) {
        return AUTHORS.matcher(line.text()).matches();
    }

    private static boolean isPdf(Line line) {
        return PDF.matcher(line.text()).matches();
    }

    private static boolean canBeTopic(Line line) {
        return !isDateShaped(line) && !isAuthors(line) && !isPdf(line);
    }

    private static String quote(String text) {
        String shown = text.length() > 80 ? text.substring(0, 77) + "..." : text;
        return "\"" + shown + "\"";
    }

    /** The state of parsing one file. */
    private static final class Run {
        private final String file;
        private final List<Line> lines;
        private final List<Digest> digests = new ArrayList<>();
        private final List<ContentProblem> problems = new ArrayList<>();

        Run(String file, List<Line> lines) {
            this.file = file;
            this.lines = lines;
        }

        ContentLoad parse() {
            if (lines.isEmpty()) {
                problem(0, "the file is empty: expected a topic line, a date line (YYYY-MM-DD), then the papers");
                return result();
            }
            List<Integer> starts = new ArrayList<>();
            for (int i = 0; i + 1 < lines.size(); i++) {
                if (canBeTopic(lines.get(i)) && isDateShaped(lines.get(i + 1))) {
                    starts.add(i);
                }
            }
            int firstStart = starts.isEmpty() ? lines.size() : starts.get(0);
            if (firstStart > 0) {
                preamble(lines.subList(0, firstStart));
            }
            for (int s = 0; s < starts.size(); s++) {
                int end = s + 1 < starts.size() ? starts.get(s + 1) : lines.size();
                digest(lines.subList(starts.get(s), end));
            }
            return result();
        }

        private ContentLoad result() {
            return new ContentLoad(digests, List.of(), problems);
        }

        /** Lines before the first topic: either junk, or a first digest whose date line is wrong or missing. */
        private void preamble(List<Line> part) {
            Line first = part.get(0);
            boolean hasPapers = part.stream().anyMatch(SeedTextParser::isAuthors);
            if (isDateShaped(first)) {
                problem(first.number(), "topic line expected before the date line " + quote(first.text())
                        + ": the file must start with the topic, then the date");
                papers(part.subList(1, part.size()));
            } else if ((hasPapers || part.size() == 2) && part.size() > 1 && !isAuthors(first)) {
                // a topic and a line that should have been its date, with papers after them or alone
                Line second = part.get(1);
                problem(second.number(), "date line expected after the topic " + quote(first.text()) + ": "
                        + DATE_EXPECTED + ", found " + quote(second.text()));
                if (hasPapers) {
                    papers(part.subList(1, part.size()));
                }
            } else {
                problem(first.number(), "text before the topic: expected the file to start with a topic line,"
                        + " then a date line (YYYY-MM-DD), found " + quote(first.text()));
            }
        }

        private void digest(List<Line> part) {
            Line topic = part.get(0);
            Line dateLine = part.get(1);
            LocalDate date = date(topic, dateLine);
            List<Line> body = part.subList(2, part.size());
            int footerStart = body.size();
            while (footerStart > 0 && FOOTER.matcher(body.get(footerStart - 1).text()).matches()) {
                footerStart--;
            }
            List<String> attribution = body.subList(footerStart, body.size()).stream().map(Line::text).toList();
            List<Line> paperLines = body.subList(0, footerStart);
            List<Placed> papers = papers(paperLines);
            if (paperLines.isEmpty()) {
                problem(topic.number(), "digest " + quote(topic.text()) + (date == null ? "" : " " + date)
                        + " has no papers: expected a title line, then an \"Authors:\" line, after the date");
            }
            if (date != null && !papers.isEmpty()) {
                Digest digest = new Digest(topic.text(), date, papers.stream().map(Placed::paper).toList(),
                        new DigestSource(file, topic.number(), String.join("\n", attribution)));
                duplicates(digest, papers);
                digests.add(digest);
            }
        }

        private LocalDate date(Line topic, Line dateLine) {
            Matcher m = DATE_SHAPED.matcher(dateLine.text());
            if (m.matches() && ISO_DATE.matcher(m.group(1)).matches()
                    && (m.group(2) == null || m.group(2).equalsIgnoreCase("update") || m.group(2).equals("更新"))) {
                try {
                    return LocalDate.parse(m.group(1));
                } catch (DateTimeParseException e) {
                    // reported below like any other bad date
                }
            }
            problem(dateLine.number(), "bad date " + quote(dateLine.text()) + " on the line after the topic "
                    + quote(topic.text()) + ": " + DATE_EXPECTED);
            return null;
        }

        /** Splits the lines after the date into papers: a title is the line right before an "Authors:" line. */
        private List<Placed> papers(List<Line> part) {
            List<Integer> titles = new ArrayList<>();
            for (int i = 0; i + 1 < part.size(); i++) {
                if (isAuthors(part.get(i + 1)) && !isAuthors(part.get(i))) {
                    titles.add(i);
                }
            }
            int firstTitle = titles.isEmpty() ? part.size() : titles.get(0);
            if (firstTitle > 0) {
                if (isAuthors(part.get(0))) {
                    problem(part.get(0).number(), "title line expected before the \"Authors:\" line");
                } else {
                    missingAuthors(part, 0);
                }
            }
            List<Placed> papers = new ArrayList<>();
            for (int t = 0; t < titles.size(); t++) {
                int end = t + 1 < titles.size() ? titles.get(t + 1) : part.size();
                List<Line> block = part.subList(titles.get(t), end);
                Paper paper = paper(block);
                if (paper != null) {
                    papers.add(new Placed(paper, block.get(0).number()));
                }
            }
            return papers;
        }

        private void missingAuthors(List<Line> part, int titleIndex) {
            Line title = part.get(titleIndex);
            int at = titleIndex + 1 < part.size() ? part.get(titleIndex + 1).number() : title.number();
            problem(at, "\"Authors:\" line expected after the title " + quote(title.text()));
        }

        /** One paper: title, Authors line, then abstract paragraphs, an optional arXiv line and PDF line. */
        private Paper paper(List<Line> block) {
            Line title = block.get(0);
            Line authorsLine = block.get(1);
            boolean ok = true;
            if (isPdf(title) || isDateShaped(title)) {
                problem(authorsLine.number(), "title line expected before the \"Authors:\" line, found "
                        + quote(title.text()));
                ok = false;
            }
            Matcher am = AUTHORS.matcher(authorsLine.text());
            am.matches();
            List<String> authors = Arrays.stream(AUTHOR_SEPARATOR.split(am.group(1)))
                    .map(String::strip).filter(a -> !a.isEmpty()).toList();
            if (authors.isEmpty()) {
                problem(authorsLine.number(), "empty \"Authors:\" line for " + quote(title.text())
                        + ": expected the names after \"Authors:\", separated by commas");
                ok = false;
            }
            List<String> paragraphs = new ArrayList<>();
            StringBuilder paragraph = new StringBuilder();
            String comment = "";
            String arxivId = null;
            for (int i = 2; i < block.size(); i++) {
                Line line = block.get(i);
                Matcher pdf = PDF.matcher(line.text());
                if (pdf.matches()) {
                    comment = pdf.group(1) == null ? "" : pdf.group(1).strip();
                    if (i + 1 < block.size()) {
                        // Text after the PDF line can only be the next paper, whose Authors line is missing.
                        missingAuthors(block, i + 1);
                        ok = false;
                    }
                    break;
                }
                if (isAuthors(line)) {
                    problem(line.number(), "title line expected before the \"Authors:\" line, found a second"
                            + " \"Authors:\" line for " + quote(title.text()));
                    ok = false;
                } else if (isDateShaped(line)) {
                    problem(line.number(), "date line " + quote(line.text())
                            + " without a topic: expected the topic on the line just before the date");
                    ok = false;
                } else if (ARXIV_LINE.matcher(line.text()).matches()) {
                    String raw = line.text().replaceFirst("(?i)^arXiv:\\s*", "");
                    String id = ArxivIds.normalise(raw).orElse(null);
                    if (id == null) {
                        problem(line.number(), "not a valid arXiv id: " + quote(line.text())
                                + ": expected for example \"arXiv:2211.07638\" or \"https://arxiv.org/abs/2211.07638\"");
                        ok = false;
                    } else if (arxivId != null && !ArxivIds.normalise(arxivId).orElseThrow().equals(id)) {
                        problem(line.number(), "a second arXiv id " + quote(line.text()) + " for "
                                + quote(title.text()) + ": a paper has one id");
                        ok = false;
                    } else {
                        arxivId = raw;
                    }
                } else {
                    if (line.blankBefore() && paragraph.length() > 0) {
                        paragraphs.add(paragraph.toString());
                        paragraph.setLength(0);
                    }
                    if (paragraph.length() > 0) {
                        paragraph.append(' ');
                    }
                    paragraph.append(line.text());
                }
            }
            if (paragraph.length() > 0) {
                paragraphs.add(paragraph.toString());
            }
            return ok ? Paper.of(arxivId, title.text(), authors, String.join("\n\n", paragraphs), comment) : null;
        }

        private void duplicates(Digest digest, List<Placed> papers) {
            Map<String, Integer> seen = new HashMap<>();
            for (Placed placed : papers) {
                Integer first = seen.putIfAbsent(placed.paper().key(), placed.line());
                if (first != null) {
                    problem(placed.line(), "paper " + quote(placed.paper().title()) + " is listed twice in digest "
                            + quote(digest.topic()) + " " + digest.date() + ", first at line " + first);
                }
            }
        }

        private void problem(int line, String message) {
            problems.add(new ContentProblem(file, line, message));
        }
    }

}
