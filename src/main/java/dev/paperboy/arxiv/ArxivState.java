package dev.paperboy.arxiv;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the fetcher remembers between runs and restarts: per topic (by slug) its last fetches, and per
 * listing URL the validators for conditional requests.
 */
public record ArxivState(@JsonProperty("topics") Map<String, TopicState> topics,
                         @JsonProperty("validators") Map<String, Validators> validators) {

    public ArxivState {
        topics = Map.copyOf(Objects.requireNonNullElse(topics, Map.of()));
        validators = Map.copyOf(Objects.requireNonNullElse(validators, Map.of()));
    }

    public static ArxivState empty() {
        return new ArxivState(Map.of(), Map.of());
    }

    public TopicState topic(String slug) {
        return topics.getOrDefault(slug, TopicState.NEVER);
    }

    public Validators validators(String url) {
        return validators.getOrDefault(url, Validators.NONE);
    }

    public ArxivState withTopic(String slug, TopicState state) {
        Map<String, TopicState> copy = new HashMap<>(topics);
        copy.put(slug, state);
        return new ArxivState(copy, validators);
    }

    public ArxivState withValidators(String url, Validators value) {
        Map<String, Validators> copy = new HashMap<>(validators);
        if (value.isEmpty()) {
            copy.remove(url);
        } else {
            copy.put(url, value);
        }
        return new ArxivState(topics, copy);
    }

    /**
     * One topic's memory.
     *
     * @param lastSuccess when a fetch last brought it up to date, or null
     * @param lastListing the listing day last read from the listing feed, or null
     * @param lastOutcome how the last fetch ended, or null before the first
     */
    public record TopicState(@JsonProperty("last-success") Instant lastSuccess,
                             @JsonProperty("last-listing") LocalDate lastListing,
                             @JsonProperty("last-outcome") FetchOutcome lastOutcome) {
        public static final TopicState NEVER = new TopicState(null, null, null);
    }
}
