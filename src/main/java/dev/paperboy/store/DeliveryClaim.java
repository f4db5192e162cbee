package dev.paperboy.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The right of one process to deliver from a database, so that two bots on one store never both send
 * its messages. On PostgreSQL a session advisory lock held by the store's connection; on SQLite an OS
 * lock on {@code paperboy.db.delivery-lock} beside the database file. Either goes when the store
 * closes or the process dies.
 */
final class DeliveryClaim implements AutoCloseable {

    /** The PostgreSQL advisory lock key: "paperboy" in ASCII, read as a number. */
    private static final long KEY = 0x7061706572626f79L;

    private final FileChannel lockFile;
    private final Jdbc advisoryLockSession;

    private DeliveryClaim(FileChannel lockFile, Jdbc advisoryLockSession) {
        this.lockFile = lockFile;
        this.advisoryLockSession = advisoryLockSession;
    }

    /** The claim, or null when someone else holds it. */
    static DeliveryClaim tryTake(Database database, Jdbc jdbc) {
        if (database.postgres()) {
            boolean taken = jdbc.inTransaction("claim delivery", c -> Jdbc.query(c, "SELECT pg_try_advisory_lock(?)",
                    r -> r.getBoolean(1), KEY).get(0));
            return taken ? new DeliveryClaim(null, jdbc) : null;
        }
        Optional<Path> file = database.sqliteFile();
        if (file.isEmpty()) {
            return new DeliveryClaim(null, null); // in memory: no other process can reach it
        }
        Path path = file.get().resolveSibling(file.get().getFileName() + ".delivery-lock");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (channel.tryLock() != null) {
                return new DeliveryClaim(channel, null);
            }
            channel.close();
            return null;
        } catch (OverlappingFileLockException e) {
            close(channel);
            return null; // another store of this process holds it
        } catch (IOException e) {
            close(channel);
            throw new StoreException("cannot lock " + path + " to claim delivery: " + e.getMessage(), e);
        }
    }

    /**
     * Lets go of the claim; call it before the store's connection closes. Unlocking at once matters: a
     * closed connection's lock goes only once the server has ended that session, a moment later.
     */
    @Override
    public void close() {
        close(lockFile);
        if (advisoryLockSession != null) {
            try {
                advisoryLockSession.inTransaction("release delivery", c -> Jdbc.query(c,
                        "SELECT pg_advisory_unlock(?)", r -> r.getBoolean(1), KEY));
            } catch (StoreException e) {
                // the connection is gone: so is its session, and the lock with it
            }
        }
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the lock goes with the channel whatever close says
            }
        }
    }
}
