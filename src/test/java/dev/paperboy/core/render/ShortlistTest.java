package dev.paperboy.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShortlistTest {

    @Test
    void aListThatFitsIsWholeAndALongerOneEndsWithTheCountOfTheRest() {
        assertThat(Shortlist.of(List.of("a", "b", "c"), 3, n -> n + " more")).containsExactly("a", "b", "c");
        assertThat(Shortlist.of(List.of("a", "b", "c", "d"), 3, n -> n + " more")).containsExactly("a", "b", "2 more");
        assertThat(Shortlist.of(List.of(), 3, n -> n + " more")).isEmpty();
        assertThatThrownBy(() -> Shortlist.of(List.of("a"), 1, n -> "")).isInstanceOf(IllegalArgumentException.class);
    }
}
