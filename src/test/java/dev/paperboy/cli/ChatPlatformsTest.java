package dev.paperboy.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.ContentFiles;
import dev.paperboy.PaperboyApp;
import dev.paperboy.config.PaperboyConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A chat platform that cannot start is turned off; the program goes on without it. */
class ChatPlatformsTest {

    @TempDir
    Path dir;

    private PaperboyConfig config(PaperboyConfig.Telegram telegram) {
        return new PaperboyConfig(ContentFiles.standard(dir.resolve("content")), dir.resolve("data"), null, null,
                false, 0, null, null, telegram, null, null, null);
    }

    @Test
    void aMalformedTelegramTokenTurnsTelegramOffInsteadOfStoppingTheProgram() throws Exception {
        try (PaperboyApp app = new PaperboyApp(config(null), Clock.systemUTC());
             ChatPlatforms platforms = ChatPlatforms.start(app,
                     Map.of("TELEGRAM_TOKEN", "123:abc def/ghi")::get, Clock.systemUTC())) {
            assertThat(platforms.any()).isFalse();
        }
    }

    @Test
    void aTelegramApiUrlWithAPathTurnsTelegramOffInsteadOfStoppingTheProgram() throws Exception {
        PaperboyConfig.Telegram telegram = new PaperboyConfig.Telegram(true, "http://127.0.0.1:9/telegram", List.of());
        try (PaperboyApp app = new PaperboyApp(config(telegram), Clock.systemUTC());
             ChatPlatforms platforms = ChatPlatforms.start(app,
                     Map.of("TELEGRAM_TOKEN", "123:abc")::get, Clock.systemUTC())) {
            assertThat(platforms.any()).isFalse();
        }
    }
}
