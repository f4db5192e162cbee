package dev.paperboy.arxiv;

import dev.paperboy.config.PaperboyConfig.Topic;
import dev.paperboy.core.StatusContributor;
import dev.paperboy.core.render.PlainText;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/** The arXiv lines of {@code /status}: per topic the last fetch (when, how many new papers, or why it failed). */
public final class ArxivStatus implements StatusContributor {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT);

    private final ArxivUpdater updater;
    private final Supplier<Instant> nextRun;
    private final ZoneId zone;

    public ArxivStatus(ArxivUpdater updater, Supplier<Instant> nextRun, ZoneId zone) {
        this.updater = updater;
        this.nextRun = nextRun;
        this.zone = zone;
    }

    @Override
    public List<String> statusLines() {
        List<String> lines = new ArrayList<>();
        Instant next = nextRun.get();
        lines.add("arXiv: " + updater.topics().size() + (updater.topics().size() == 1 ? " topic" : " topics")
                + (next == null ? ", not scheduled" : ", next fetch " + time(next)));
        ArxivState state = updater.state();
        for (Topic topic : updater.topics()) {
            lines.add(line(topic, state.topic(topic.slug())));
        }
        return lines;
    }

    private String line(Topic topic, ArxivState.TopicState memory) {
        String name = "arXiv \"" + topic.name() + "\": ";
        FetchOutcome last = memory.lastOutcome();
        if (last == null) {
            return name + "not fetched yet";
        }
        String when = " (" + time(last.at()) + ")";
        return name + switch (last.kind()) {
            case FETCHED -> (last.newPapers() == 0 ? "no new papers" : PlainText.count(last.newPapers(), "new paper"))
                    + (last.newVersions() > 0 ? ", " + PlainText.count(last.newVersions(), "new version") + " recorded" : "")
                    + " for " + last.listingDate() + (last.newPapers() > 0 && !last.reason().isEmpty()
                    ? " (" + last.reason() + ")" : "") + when;
            case QUIET -> "no announcement" + (last.listingDate() == null ? "" : " for " + last.listingDate())
                    + ", a quiet day" + when;
            case UNCHANGED -> "nothing new yet: " + last.reason() + when + sinceSuccess(memory);
            case FAILED -> "failed" + when + ": " + last.reason() + "; the library is unchanged" + sinceSuccess(memory);
        };
    }

    private String sinceSuccess(ArxivState.TopicState memory) {
        return memory.lastSuccess() == null ? "; never fetched successfully"
                : "; last success " + time(memory.lastSuccess());
    }

    private String time(Instant instant) {
        return TIME.format(instant.atZone(zone));
    }
}
