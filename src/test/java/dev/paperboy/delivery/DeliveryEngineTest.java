package dev.paperboy.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.core.FakeContentSource;
import dev.paperboy.core.FakeSearchIndex;
import dev.paperboy.core.LiveLibrary;
import dev.paperboy.core.command.Platform;
import dev.paperboy.core.delivery.DeliveryEngine;
import dev.paperboy.core.delivery.DeliverySettings;
import dev.paperboy.core.delivery.RateLimitPolicy;
import dev.paperboy.store.Database;
import dev.paperboy.store.JdbcDeliveryStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting and stopping delivery as the application does. */
class DeliveryEngineTest {

    @TempDir
    Path dir;

    private DeliveryEngine engine(JdbcDeliveryStore store) {
        FakeSearchIndex search = new FakeSearchIndex();
        LiveLibrary library = new LiveLibrary(new FakeContentSource(), List.of(search), Clock.systemUTC());
        return DeliveryEngine.create(store, library, search, List.of(), List.of(),
                List.of(RateLimitPolicy.defaultFor(Platform.TELEGRAM)), DeliverySettings.defaults(), Clock.systemUTC());
    }

    @Test
    void aSecondProcessOnTheSameDatabaseLeavesDeliveryToTheFirstAndSaysSo() {
        try (JdbcDeliveryStore firstStore = JdbcDeliveryStore.open(Database.sqlite(dir));
             JdbcDeliveryStore secondStore = JdbcDeliveryStore.open(Database.sqlite(dir));
             DeliveryEngine first = engine(firstStore);
             DeliveryEngine second = engine(secondStore)) {
            first.start();
            second.start();

            assertThat(first.statusLines()).isEmpty();
            assertThat(second.statusLines()).singleElement().asString()
                    .contains("another Paperboy process delivers from this database");

            first.close();
            firstStore.close();
            second.start();
            assertThat(second.statusLines()).isEmpty();
        }
    }
}
