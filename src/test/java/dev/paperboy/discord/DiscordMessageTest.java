package dev.paperboy.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscordMessageTest {

    @Test
    void acceptsMessagesAtTheLimits() {
        DiscordField field = new DiscordField("n".repeat(256), "v".repeat(1024), true);
        DiscordEmbed embed = new DiscordEmbed("t".repeat(256), "https://arxiv.org/abs/2211.00001", "d".repeat(4096),
                List.of(field), "f".repeat(368));

        assertThat(embed.characterCount()).isEqualTo(6000);
        assertThat(new DiscordMessage("c".repeat(2000), List.of(embed)).embeds()).hasSize(1);
        assertThat(new DiscordMessage(null, List.of(embed)).content()).isEmpty();
    }

    @Test
    void rejectsWhatDiscordWouldReject() {
        DiscordEmbed small = new DiscordEmbed("t", null, "d".repeat(600), List.of(), null);
        assertThatIllegalArgumentException().isThrownBy(() -> DiscordMessage.text("c".repeat(2001)));
        assertThatIllegalArgumentException().isThrownBy(() -> new DiscordMessage("", List.of()));
        assertThatIllegalArgumentException().isThrownBy(() -> new DiscordMessage("", Collections.nCopies(11, small)));
        assertThatIllegalArgumentException().isThrownBy(() -> new DiscordMessage("", Collections.nCopies(10,
                new DiscordEmbed("t", null, "d".repeat(601), List.of(), null))));
        assertThatIllegalArgumentException().isThrownBy(() -> new DiscordEmbed("t".repeat(257), null, null, List.of(), null));
        assertThatIllegalArgumentException().isThrownBy(() -> new DiscordEmbed(null, null, "d".repeat(4097), List.of(), null));
        assertThatIllegalArgumentException().isThrownBy(() -> new DiscordEmbed(null, null, null, List.of(), "f".repeat(2049)));
        assertThatIllegalArgumentException().isThrownBy(() -> new DiscordEmbed(null, null, null,
                Collections.nCopies(26, new DiscordField("n", "v", false)), null));
        assertThatIllegalArgumentException().isThrownBy(() -> new DiscordEmbed(null, null, null, List.of(), null));
        assertThatIllegalArgumentException().isThrownBy(() -> new DiscordEmbed(null, "https://x.org", "d", List.of(), null));
        assertThatIllegalArgumentException().isThrownBy(() -> new DiscordEmbed("t", "javascript:x", "d", List.of(), null));
        assertThatIllegalArgumentException().isThrownBy(() -> new DiscordEmbed(" ", null, "d", List.of(), null));
        assertThatIllegalArgumentException().isThrownBy(() -> new DiscordField("n".repeat(257), "v", false));
        assertThatIllegalArgumentException().isThrownBy(() -> new DiscordField("n", "v".repeat(1025), false));
        assertThatIllegalArgumentException().isThrownBy(() -> new DiscordField("n", "", false));
        assertThatIllegalArgumentException().isThrownBy(() -> new DiscordEmbed("t".repeat(256), null, "d".repeat(4096),
                List.of(new DiscordField("n".repeat(256), "v".repeat(1024), false)), "f".repeat(369)));
    }
}
