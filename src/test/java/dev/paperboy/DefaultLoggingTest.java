package dev.paperboy;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.io.IOException;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DefaultLoggingTest {

    @Test
    void withoutAFilePaperboyLogsFromInfoAndLibrariesFromWarnToStandardError() {
        LoggerContext context = new LoggerContext();

        assertThat(new DefaultLogging().configure(context, false)).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        assertThat(root.getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("dev.paperboy.search.LuceneSearchIndex").getEffectiveLevel()).isEqualTo(Level.INFO);
        assertThat(context.getLogger("org.apache.lucene").getEffectiveLevel()).isEqualTo(Level.WARN);
        assertThat(root.getAppender("STDERR")).isInstanceOfSatisfying(ConsoleAppender.class,
                appender -> assertThat(appender.getTarget()).isEqualTo("System.err"));
    }

    @Test
    void logbackFindsItAsAConfiguratorOnTheClassPath() {
        assertThat(java.util.ServiceLoader.load(ch.qos.logback.classic.spi.Configurator.class).stream()
                .map(java.util.ServiceLoader.Provider::type)).contains(DefaultLogging.class);
    }

    @Test
    void aGivenFileIsLeftToLogbackAndNothingIsSetUp() {
        LoggerContext context = new LoggerContext();

        assertThat(new DefaultLogging().configure(context, true)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);

        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("STDERR")).isNull();
    }

    @Test
    void aLineHasTheTimeLevelShortLoggerNameAndMessageThenAnyStackTrace() {
        LoggerContext context = new LoggerContext();
        DefaultLogging.LineLayout layout = new DefaultLogging.LineLayout();
        layout.setContext(context);
        Logger logger = context.getLogger("dev.paperboy.core.LiveLibrary");

        String plain = layout.doLayout(new LoggingEvent("x", logger, Level.INFO, "Reloaded {} papers", null,
                new Object[] {3}));
        String failed = layout.doLayout(new LoggingEvent("x", logger, Level.WARN, "Could not reload",
                new IOException("disk full"), null));

        assertThat(plain).matches("\\d\\d:\\d\\d:\\d\\d INFO  LiveLibrary - Reloaded 3 papers" + System.lineSeparator());
        assertThat(LocalTime.parse(plain.substring(0, 8))).isNotNull();
        assertThat(failed).matches("(?s)\\d\\d:\\d\\d:\\d\\d WARN  LiveLibrary - Could not reload" + System.lineSeparator()
                + "java.io.IOException: disk full.*").contains("\tat dev.paperboy.DefaultLoggingTest")
                .endsWith(System.lineSeparator()).doesNotContain(System.lineSeparator() + System.lineSeparator());
    }
}
