package dev.paperboy.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.paperboy.console.ConsoleRenderer;
import dev.paperboy.core.Digest;
import dev.paperboy.core.Library;
import dev.paperboy.discord.DiscordMessage;
import dev.paperboy.discord.DiscordRenderer;
import dev.paperboy.telegram.TelegramMessage;
import dev.paperboy.telegram.TelegramRenderer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code render}: prints the messages a digest becomes on one platform, to preview formatting. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Print the messages a digest becomes on a platform, one block per message.")
public final class RenderSubcommand implements Callable<Integer> {

    /** The platforms a digest can be previewed for. */
    enum Target { DISCORD, TELEGRAM, CONSOLE }

    @Mixin
    CommonOptions common = new CommonOptions();

    @Option(names = "--platform", required = true, paramLabel = "PLATFORM",
            description = "discord, telegram or console.")
    Target platform;

    @Option(names = "--topic", paramLabel = "T", description = "The topic (default: any).")
    String topic;

    @Option(names = "--date", paramLabel = "D", description = "The day, YYYY-MM-DD (default: the newest).")
    LocalDate date;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return ValidContent.run(common, spec, "nothing rendered: fix them first.", (config, library, out, err) -> {
            List<Digest> digests = choose(library);
            if (digests.isEmpty()) {
                err.println("No digest" + (topic == null ? "" : " of topic \"" + topic + "\"")
                        + (date == null ? "" : " on " + date) + " in " + config.contentDir()
                        + "; run `paperboy check` to list what is there.");
                return 1;
            }
            List<String> blocks = new ArrayList<>();
            for (Digest digest : digests) {
                blocks.addAll(render(digest));
            }
            for (int i = 0; i < blocks.size(); i++) {
                out.println("=== message " + (i + 1) + " of " + blocks.size() + " (" + blocks.get(i).length()
                        + " characters) ===");
                out.println(blocks.get(i));
            }
            return 0;
        });
    }

    private List<Digest> choose(Library library) {
        if (date != null) {
            return library.digestsOn(date, topic);
        }
        return library.latest(topic).map(List::of).orElse(List.of());
    }

    private List<String> render(Digest digest) throws Exception {
        return switch (platform) {
            case CONSOLE -> new ConsoleRenderer().renderDigest(digest);
            case TELEGRAM -> new TelegramRenderer().renderDigest(digest).stream().map(TelegramMessage::html).toList();
            case DISCORD -> {
                ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
                List<String> messages = new ArrayList<>();
                for (DiscordMessage message : new DiscordRenderer().renderDigest(digest)) {
                    messages.add(json.writeValueAsString(message));
                }
                yield messages;
            }
        };
    }
}
