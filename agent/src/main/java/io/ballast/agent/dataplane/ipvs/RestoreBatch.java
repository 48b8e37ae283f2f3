package io.ballast.agent.dataplane.ipvs;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The lines of an {@code ipvsadm -R} batch, written as bytes straight into ipvsadm's stdin: words
 * separated by one space, a newline after each command. A full apply writes ~40,000 lines; making
 * each as a list of strings, joining it and encoding it through a Writer cost more than the rest of
 * the plane's work, so each word is copied into one buffer that is handed to the pipe when full.
 * ipvsadm's words are ASCII (options, address literals, numbers); any other text is written as UTF-8.
 * A failed write (ipvsadm stopped reading) is thrown as {@link UncheckedIOException}.
 */
public final class RestoreBatch implements IpvsadmCommandBuilder.Sink, AutoCloseable {

    /** The pipe's own capacity: each write fills it once and lets ipvsadm run. */
    static final int PIPE_CHUNK = 64 * 1024;
    /** Room for the longest thing written at once without a check per byte: a number, brackets, a port. */
    private static final int SLACK = 64;

    private final OutputStream out;
    private final byte[] buffer = new byte[PIPE_CHUNK];
    private int length;
    private boolean lineStarted;
    private int lines;

    public RestoreBatch(OutputStream out) {
        this.out = out;
    }

    @Override
    public void word(String word) {
        separate();
        text(word);
    }

    @Override
    public void number(int value) {
        separate();
        digits(value);
    }

    @Override
    public void endpoint(String address, int port) {
        separate();
        if (address != null && address.indexOf(':') >= 0) {
            put((byte) '[');
            text(address);
            put((byte) ']');
        } else {
            text(String.valueOf(address));
        }
        put((byte) ':');
        digits(port);
    }

    @Override
    public void end() {
        put((byte) '\n');
        lineStarted = false;
        lines++;
    }

    /** A whole line made elsewhere (no newline in it). */
    public void line(String text) {
        text(text);
        end();
    }

    /** How many lines have been written. */
    public int lines() {
        return lines;
    }

    /** Hands what is buffered to ipvsadm and closes its stdin: end of batch. */
    @Override
    public void close() {
        try (OutputStream stream = out) {
            flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void separate() {
        if (lineStarted) {
            put((byte) ' ');
        }
        lineStarted = true;
    }

    private void text(String text) {
        int n = text.length();
        if (length + n > buffer.length) {
            flush();
            if (n > buffer.length) {
                write(text.getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
        int at = length;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                // Not ASCII: this word goes out as UTF-8 (it can be longer than n bytes).
                flush();
                write(text.getBytes(StandardCharsets.UTF_8));
                return;
            }
            buffer[at++] = (byte) c;
        }
        length = at;
    }

    private void digits(int value) {
        if (length + SLACK > buffer.length) {
            flush();
        }
        if (value < 0) {
            if (value == Integer.MIN_VALUE) {
                text(Integer.toString(value));
                return;
            }
            buffer[length++] = '-';
            value = -value;
        }
        int end = length + digitCount(value);
        int at = end;
        do {
            buffer[--at] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value != 0);
        length = end;
    }

    private static int digitCount(int value) {
        int count = 1;
        while (value >= 10) {
            value /= 10;
            count++;
        }
        return count;
    }

    private void put(byte b) {
        if (length == buffer.length) {
            flush();
        }
        buffer[length++] = b;
    }

    private void flush() {
        if (length > 0) {
            write(buffer, length);
            length = 0;
        }
    }

    private void write(byte[] bytes) {
        write(bytes, bytes.length);
    }

    private void write(byte[] bytes, int count) {
        try {
            out.write(bytes, 0, count);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
