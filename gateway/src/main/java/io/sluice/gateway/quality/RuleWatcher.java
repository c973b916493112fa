package io.sluice.gateway.quality;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the rules when a file of the rules directory (or of a directory below it) changes, once the changes have
 * settled for {@value #SETTLE_MILLIS} ms, so that an editor's save or a {@code git pull} leads to one reload. A reload
 * with problems keeps the rules in force, as {@link RuleRegistry#reload} does.
 */
public final class RuleWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RuleWatcher.class);
    private static final long SETTLE_MILLIS = 500;

    private final RuleRegistry registry;
    private final Path directory;
    private final WatchService watcher;
    private final Thread thread;

    private RuleWatcher(RuleRegistry registry, Path directory, WatchService watcher) {
        this.registry = registry;
        this.directory = directory;
        this.watcher = watcher;
        this.thread = new Thread(this::watch, "sluice-rule-watcher");
        thread.setDaemon(true);
    }

    /** Starts watching the registry's rules directory; does nothing useful when there is none. */
    public static RuleWatcher start(RuleRegistry registry) throws IOException {
        Path directory = registry.directory().orElse(null);
        WatchService watcher = FileSystems.getDefault().newWatchService();
        RuleWatcher ruleWatcher = new RuleWatcher(registry, directory, watcher);
        if (directory != null) {
            ruleWatcher.registerTree();
            ruleWatcher.thread.start();
        }
        return ruleWatcher;
    }

    private void registerTree() throws IOException {
        try (Stream<Path> directories = Files.walk(directory).filter(Files::isDirectory)) {
            for (Path path : (Iterable<Path>) directories::iterator) {
                path.register(
                        watcher,
                        StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                drain(key);
                // Let a burst of changes settle into one reload.
                WatchKey more;
                while ((more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    drain(more);
                }
                registerTree(); // new sub-directories
                LOG.info("Rule files in {} changed; reloading", directory);
                registry.reload();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException e) {
            // closed: done
        } catch (IOException | RuntimeException e) {
            LOG.error("Watching the rules directory {} failed; rules now reload only on request", directory, e);
        }
    }

    private static void drain(WatchKey key) {
        key.pollEvents();
        key.reset();
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.debug("Closing the rule watcher: {}", e.toString());
        }
        thread.interrupt();
    }
}
