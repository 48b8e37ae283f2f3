package io.ballast.agent.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * An append-only file of records, each {@code [length][CRC32C][payload]}, made durable one record at a
 * time with one {@code fdatasync}. A crash in the middle of an append leaves a torn last record; the
 * reader stops at the first record that is short or fails its checksum, and the writer cuts the file
 * back there before appending again, so a torn record is never followed by a good one.
 */
final class RevisionJournal implements AutoCloseable {

    /** One whole record and the file offset just past it. */
    record Entry(byte[] payload, long end) {
    }

    private static final int HEADER = 8;
    // Larger than any delta the store writes (bigger ones become snapshots): a length above it is garbage.
    private static final int MAX_RECORD = 64 << 20;

    private final Path file;
    private final FileChannel channel;
    private long size;

    private RevisionJournal(Path file, FileChannel channel, long size) {
        this.file = file;
        this.channel = channel;
        this.size = size;
    }

    /** Every whole record of {@code file}, in order, up to the first torn or corrupt one. */
    static List<Entry> read(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long length = in.size();
            long at = 0;
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            while (at + HEADER <= length) {
                header.clear();
                readFully(in, header, at);
                int size = header.getInt(0);
                int crc = header.getInt(4);
                if (size < 0 || size > MAX_RECORD || at + HEADER + size > length) {
                    break;
                }
                ByteBuffer payload = ByteBuffer.allocate(size);
                readFully(in, payload, at + HEADER);
                if (checksum(payload.array()) != crc) {
                    break;
                }
                at += HEADER + size;
                entries.add(new Entry(payload.array(), at));
            }
        }
        return entries;
    }

    /**
     * Opens {@code file} for appending after its first {@code validLength} bytes (anything after them, a
     * torn record, is cut off), creating it, and making its name durable, if it does not exist.
     */
    static RevisionJournal openForAppend(Path file, long validLength) throws IOException {
        boolean created = !Files.exists(file);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            if (created) {
                AtomicFiles.restrict(file);
                channel.force(true);
                AtomicFiles.syncDirectory(file.toAbsolutePath().getParent());
            }
            if (channel.size() != validLength) {
                channel.truncate(validLength);
                channel.force(true);
            }
            return new RevisionJournal(file, channel, validLength);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** Appends one record; durable when this returns. On failure the file is cut back to what it held before. */
    void append(byte[] payload) throws IOException {
        ByteBuffer record = ByteBuffer.allocate(HEADER + payload.length);
        record.putInt(payload.length).putInt(checksum(payload)).put(payload).flip();
        try {
            long at = size;
            while (record.hasRemaining()) {
                at += channel.write(record, at);
            }
            // fdatasync also writes the new file length: the one journal commit the append needs.
            channel.force(false);
            size = at;
        } catch (IOException e) {
            try {
                channel.truncate(size);
            } catch (IOException ignored) {
                // The reader stops at the torn record anyway; the store starts a new file after a failure.
            }
            throw e;
        }
    }

    Path file() {
        return file;
    }

    long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static int checksum(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue();
    }

    private static void readFully(FileChannel in, ByteBuffer into, long at) throws IOException {
        long position = at;
        while (into.hasRemaining()) {
            int n = in.read(into, position);
            if (n < 0) {
                throw new IOException("journal " + in + " ended while reading");
            }
            position += n;
        }
    }
}
