package dev.paperboy.arxiv;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a server said identifies the version of a response, sent back in the next request so an unchanged
 * feed costs a {@code 304 Not Modified} instead of a whole download.
 *
 * @param etag         the {@code ETag} header, or null
 * @param lastModified the {@code Last-Modified} header, or null
 */
public record Validators(@JsonProperty("etag") String etag, @JsonProperty("last-modified") String lastModified) {

    public static final Validators NONE = new Validators(null, null);

    @JsonIgnore
    public boolean isEmpty() {
        return etag == null && lastModified == null;
    }
}
