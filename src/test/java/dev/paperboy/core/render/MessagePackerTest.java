package dev.paperboy.core.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class MessagePackerTest {

    @Test
    void packsBlocksGreedilyOnBlockBoundaries() {
        List<String> blocks = List.of("aaaa", "bbbb", "cc", "dddddddd", "e");

        assertThat(MessagePacker.pack(blocks, "\n\n", 10)).containsExactly("aaaa\n\nbbbb", "cc", "dddddddd", "e");
        assertThat(MessagePacker.pack(blocks, "", 10)).containsExactly("aaaabbbbcc", "dddddddde");
        assertThat(MessagePacker.pack(List.of(), "\n", 10)).isEmpty();
    }

    @Test
    void respectsTheCountLimitToo() {
        assertThat(MessagePacker.pack(List.of(1, 1, 1, 1, 1), n -> n, 0, 100, 2))
                .containsExactly(List.of(1, 1), List.of(1, 1), List.of(1));
    }

    @Test
    void refusesABlockTooLargeForAnyMessage() {
        assertThatIllegalArgumentException().isThrownBy(() -> MessagePacker.pack(List.of("toolong"), "", 3))
                .withMessageContaining("7 characters");
    }
}
