package io.ballast.agent.state;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ballast.model.ClusterSpec;
import io.ballast.model.json.SpecCodec;
import io.ballast.model.json.SpecFormatException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desired state on disk. Snapshots hold whole revisions ({@code rev-000000000042.json}, written
 * atomically: temp file, fsync, rename); journals ({@code journal-000000000042.log}, see
 * {@link RevisionJournal}) hold the revisions after their base revision as {@link SpecDelta}s, one
 * durable record each. A PATCH of one weight appends a few kilobytes instead of rewriting the
 * whole spec (5.4 MB at 37,205 real servers). Every {@value #SNAPSHOT_EVERY} records, or when the
 * journal grows as large as a snapshot, the current revision is written as a snapshot in the
 * background and a new journal starts; a change too large to be worth a delta is a snapshot at once.
 *
 * <p>After kill -9 at any moment the store holds the old or the new revision: a snapshot is whole or
 * absent (a temp file is removed on open), and a torn journal record is cut off. Any revision is its
 * nearest snapshot plus the deltas after it; the last {@value #KEPT} stay readable for rollback.
 */
public final class SpecStore implements AutoCloseable {

    public static final int KEPT = 20;
    static final int SNAPSHOT_EVERY = 32;

    private static final Logger LOG = LoggerFactory.getLogger(SpecStore.class);
    // Compact, not the codec's indented form: at 37,205 real servers that is 5.4 MB instead of 8.5 MB per snapshot.
    private static final ObjectWriter COMPACT = SpecCodec.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern SNAPSHOT = Pattern.compile("rev-(\\d{12})\\.json");
    private static final Pattern JOURNAL = Pattern.compile("journal-(\\d{12})\\.log");
    // Below this a delta is always written: a small spec is as cheap to append as to snapshot.
    private static final int SMALL_DELTA = 64 << 10;
    private static final long SMALL_JOURNAL = 1 << 20;

    private final Path dir;
    private final TreeSet<Long> snapshots;
    private final TreeMap<Long, Path> journals;
    private final TreeMap<Long, SpecDelta> deltas;
    private ClusterSpec current;
    private RevisionJournal appending;
    private long appendingBase;
    private int journalRecords;
    private long snapshotBytes;
    private boolean snapshotting;
    private ExecutorService snapshotter;

    private SpecStore(Path dir, TreeSet<Long> snapshots, TreeMap<Long, Path> journals, TreeMap<Long, SpecDelta> deltas) {
        this.dir = dir;
        this.snapshots = snapshots;
        this.journals = journals;
        this.deltas = deltas;
    }

    /** Opens the store in {@code dir}: removes temp files a crash left behind and cuts off a torn journal record. */
    public static SpecStore open(Path dir) throws IOException {
        Files.createDirectories(dir);
        removeLeftovers(dir);
        SpecStore store = new SpecStore(dir, new TreeSet<>(list(dir, SNAPSHOT).keySet()), list(dir, JOURNAL), new TreeMap<>());
        store.recover();
        return store;
    }

    private void recover() throws IOException {
        long newestValidLength = 0;
        int newestCount = 0;
        for (Map.Entry<Long, Path> journal : journals.entrySet()) {
            long expected = journal.getKey() + 1;
            long validLength = 0;
            for (RevisionJournal.Entry entry : RevisionJournal.read(journal.getValue())) {
                SpecDelta delta = parse(entry.payload());
                if (delta == null || delta.revision() != expected) {
                    break;
                }
                deltas.put(expected++, delta);
                validLength = entry.end();
            }
            newestValidLength = validLength;
            newestCount = (int) (expected - journal.getKey() - 1);
        }
        long top = Math.max(snapshots.isEmpty() ? 0 : snapshots.last(), deltas.isEmpty() ? 0 : deltas.lastKey());
        current = top == 0 ? null : rebuild(top).orElseThrow(() -> new IOException("the store in " + dir
                + " has revision " + top + " but not the snapshot it builds on; restore the directory from a backup"
                + " or move it away to start from the agent's initial spec"));
        appendingBase = top;
        if (!journals.isEmpty() && journals.lastKey() + newestCount == top) {
            // Continue the newest journal, after its last whole record.
            appendingBase = journals.lastKey();
            appending = RevisionJournal.openForAppend(journals.lastEntry().getValue(), newestValidLength);
            journalRecords = newestCount;
        }
        snapshotBytes = snapshots.isEmpty() ? 0 : Files.size(snapshotFile(snapshots.last()));
    }

    /** The spec in effect, if one was ever stored. */
    public synchronized Optional<ClusterSpec> current() {
        return Optional.ofNullable(current);
    }

    public synchronized long currentRevision() {
        return current == null ? 0 : current.revision();
    }

    /**
     * Stores {@code spec} as the next revision and returns it with that revision. Durable when this returns.
     */
    public synchronized ClusterSpec commit(ClusterSpec spec) throws IOException {
        ClusterSpec next = spec.withRevision(currentRevision() + 1);
        SpecDelta delta = current == null || appending == null && appendingBase != currentRevision()
                ? null : SpecDelta.between(current, next);
        byte[] bytes = delta == null ? null : COMPACT.writeValueAsBytes(delta);
        if (bytes == null || bytes.length > Math.max(snapshotBytes / 2, SMALL_DELTA)) {
            writeSnapshot(next);
        } else {
            append(next.revision(), delta, bytes);
        }
        current = next;
        snapshotWhenDue();
        prune();
        return next;
    }

    /** Revisions kept, oldest first. */
    public synchronized List<Long> revisions() {
        List<Long> kept = new ArrayList<>();
        for (long r = Math.max(1, currentRevision() - KEPT + 1); r <= currentRevision(); r++) {
            if (readable(r)) {
                kept.add(r);
            }
        }
        return kept;
    }

    /** A kept revision, for rollback (PUT it again to make it current). */
    public synchronized Optional<ClusterSpec> revision(long revision) throws IOException {
        if (revision > currentRevision() || revision <= currentRevision() - KEPT) {
            return Optional.empty();
        }
        return revision == currentRevision() ? Optional.of(current) : rebuild(revision);
    }

    /** Waits for a snapshot being written and closes the journal. */
    @Override
    public void close() throws IOException {
        ExecutorService writer;
        synchronized (this) {
            writer = snapshotter;
        }
        if (writer != null) {
            writer.shutdown();
            try {
                writer.awaitTermination(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            if (appending != null) {
                appending.close();
                appending = null;
            }
        }
    }

    private void append(long revision, SpecDelta delta, byte[] bytes) throws IOException {
        if (appending == null) {
            Path file = dir.resolve(journalName(appendingBase));
            appending = RevisionJournal.openForAppend(file, 0);
            journals.put(appendingBase, file);
            journalRecords = 0;
        }
        try {
            appending.append(bytes);
        } catch (IOException e) {
            // The next commit starts afresh with a snapshot rather than append after a record that may be torn.
            closeQuietly(appending);
            appending = null;
            appendingBase = -1;
            throw e;
        }
        deltas.put(revision, delta);
        journalRecords++;
    }

    private void writeSnapshot(ClusterSpec spec) throws IOException {
        byte[] bytes = COMPACT.writeValueAsBytes(spec);
        AtomicFiles.write(snapshotFile(spec.revision()), bytes);
        snapshots.add(spec.revision());
        snapshotBytes = bytes.length;
        startJournalAt(spec.revision());
    }

    private void startJournalAt(long base) {
        closeQuietly(appending);
        appending = null;
        appendingBase = base;
        journalRecords = 0;
    }

    /** Writes the current revision as a snapshot off the request's path once the journal is long enough. */
    private void snapshotWhenDue() {
        long journalBytes = appending == null ? 0 : appending.size();
        if (snapshotting || journalRecords < SNAPSHOT_EVERY && journalBytes < Math.max(snapshotBytes, SMALL_JOURNAL)) {
            return;
        }
        ClusterSpec spec = current;
        // Later revisions go to the next journal whether or not this snapshot makes it: the old journal still leads there.
        startJournalAt(spec.revision());
        snapshotting = true;
        if (snapshotter == null) {
            snapshotter = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "spec-snapshot");
                t.setDaemon(true);
                return t;
            });
        }
        snapshotter.execute(() -> writeSnapshotInBackground(spec));
    }

    private void writeSnapshotInBackground(ClusterSpec spec) {
        try {
            byte[] bytes = COMPACT.writeValueAsBytes(spec);
            AtomicFiles.write(snapshotFile(spec.revision()), bytes);
            synchronized (this) {
                snapshots.add(spec.revision());
                snapshotBytes = bytes.length;
            }
        } catch (IOException e) {
            LOG.warn("snapshot of revision {} could not be written ({}); it stays readable from the journal",
                    spec.revision(), e.getMessage());
        } finally {
            synchronized (this) {
                snapshotting = false;
                try {
                    prune();
                } catch (IOException e) {
                    LOG.warn("old revisions could not be removed: {}", e.getMessage());
                }
            }
        }
    }

    /** Removes what no kept revision needs: everything before the newest snapshot at or below the oldest kept revision. */
    private void prune() throws IOException {
        Long base = snapshots.floor(currentRevision() - KEPT + 1);
        if (base == null) {
            return;
        }
        while (snapshots.first() < base) {
            Files.deleteIfExists(snapshotFile(snapshots.pollFirst()));
        }
        // A journal ends where a later one starts, and snapshots are only made where one starts: these end at or before base.
        while (!journals.isEmpty() && journals.firstKey() < base && journals.firstKey() != appendingBase) {
            Files.deleteIfExists(journals.pollFirstEntry().getValue());
        }
        deltas.headMap(base, true).clear();
    }

    /** Whether {@code revision} can be rebuilt: a snapshot, or a delta on a revision that can. */
    private boolean readable(long revision) {
        for (long r = revision; r > 0; r--) {
            if (snapshots.contains(r)) {
                return true;
            }
            if (!deltas.containsKey(r)) {
                return false;
            }
        }
        return false;
    }

    private Optional<ClusterSpec> rebuild(long revision) throws IOException {
        if (!readable(revision)) {
            return Optional.empty();
        }
        long base = revision;
        while (!snapshots.contains(base)) {
            base--;
        }
        ClusterSpec spec = read(snapshotFile(base));
        for (long r = base + 1; r <= revision; r++) {
            spec = deltas.get(r).applyTo(spec);
        }
        return Optional.of(spec);
    }

    private static SpecDelta parse(byte[] payload) {
        try {
            return SpecCodec.mapper().readValue(payload, SpecDelta.class);
        } catch (IOException | RuntimeException e) {
            // Whole by its checksum but unreadable: treated like a torn record, the journal ends before it.
            LOG.warn("a journal record cannot be read ({}); the journal ends before it", e.getMessage());
            return null;
        }
    }

    private static ClusterSpec read(Path file) throws IOException {
        try {
            return SpecCodec.read(Files.readString(file, StandardCharsets.UTF_8));
        } catch (SpecFormatException e) {
            throw new IOException("stored spec " + file + " cannot be read (" + e.getMessage()
                    + "); move it away to fall back to the revision before it", e);
        }
    }

    private static TreeMap<Long, Path> list(Path dir, Pattern name) throws IOException {
        TreeMap<Long, Path> found = new TreeMap<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path file : files) {
                Matcher m = name.matcher(file.getFileName().toString());
                if (m.matches()) {
                    found.put(Long.parseLong(m.group(1)), file);
                }
            }
        }
        return found;
    }

    private static void removeLeftovers(Path dir) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, AtomicFiles.TEMP_PREFIX + "*")) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
    }

    private static void closeQuietly(RevisionJournal journal) {
        if (journal != null) {
            try {
                journal.close();
            } catch (IOException e) {
                LOG.warn("closing {} failed: {}", journal.file(), e.getMessage());
            }
        }
    }

    private Path snapshotFile(long revision) {
        return dir.resolve(fileName(revision));
    }

    static String fileName(long revision) {
        return String.format("rev-%012d.json", revision);
    }

    static String journalName(long base) {
        return String.format("journal-%012d.log", base);
    }
}
