package dev.paperboy.cli;

import picocli.CommandLine.Command;

/** {@code bench}: the benchmarks, one subcommand each; they print figures and never judge them. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark and print its figures.",
        subcommands = {BenchSearchSubcommand.class, BenchDeliverySubcommand.class, BenchCorpusSubcommand.class})
public final class BenchSubcommand {
}
