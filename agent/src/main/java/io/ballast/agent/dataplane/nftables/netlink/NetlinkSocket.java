package io.ballast.agent.dataplane.nftables.netlink;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A NETLINK_NETFILTER socket, opened in a chosen network namespace. The socket belongs to the namespace
 * it was made in for its whole life, so only its creation switches namespaces (on a thread of its own).
 * Not thread-safe: one request at a time.
 */
public final class NetlinkSocket implements SetElementDump.Channel, AutoCloseable {

    /** A dump's datagrams are at most 32 KiB (the kernel caps them); twice that leaves room. */
    static final int RECEIVE_BUFFER = 64 * 1024;
    /** Socket buffer asked for; dumps are paced by our reads, so this is headroom, not a need. */
    private static final int SOCKET_BUFFER = 1 << 20;
    private static final int RECEIVE_TIMEOUT_SECONDS = 10;

    private final int fd;
    private final String namespace;
    /** The namespace's identity (its nsfs inode) when the socket was made; 0 for the agent's own. */
    private final long namespaceInode;
    private final Memory in = new Memory(RECEIVE_BUFFER);
    private final ByteBuffer inView = in.getByteBuffer(0, RECEIVE_BUFFER).order(ByteOrder.nativeOrder());
    private final Memory kernel = new Memory(12); // sockaddr_nl of the kernel: family, pad, pid 0, groups 0
    private Memory out = new Memory(4096);
    private int sequence = (int) (System.nanoTime() & 0x3fffffff);
    private boolean closed;

    private NetlinkSocket(int fd, String namespace, long namespaceInode) {
        this.fd = fd;
        this.namespace = namespace;
        this.namespaceInode = namespaceInode;
        kernel.clear();
        kernel.setShort(0, (short) LibC.AF_NETLINK);
    }

    /**
     * Opens a socket in network namespace {@code netns} (a name under /run/netns, as {@code ip netns}
     * makes them), or in the agent's own when null or blank.
     *
     * @throws NetlinkException when the namespace does not exist, the kernel refuses the socket, or JNA's
     *                          native part cannot be loaded on this machine
     */
    public static NetlinkSocket open(String netns) throws NetlinkException {
        String namespace = netns == null || netns.isBlank() ? null : netns;
        if (namespace != null && (namespace.contains("/") || namespace.equals(".") || namespace.equals(".."))) {
            throw new NetlinkException(0, "'" + namespace + "' is not a network namespace name (no '/' allowed).");
        }
        try {
            long inode = namespace == null ? 0 : namespaceInode(namespace);
            int fd = namespace == null ? newSocket() : inNamespace(namespace);
            NetlinkSocket socket = new NetlinkSocket(fd, namespace, inode);
            socket.configure();
            return socket;
        } catch (LinkageError e) {
            throw new NetlinkException(0, "JNA's native library could not be loaded (" + e + ").", e);
        }
    }

    private static int newSocket() throws NetlinkException {
        try {
            return LibC.socket(LibC.AF_NETLINK, LibC.SOCK_RAW | LibC.SOCK_CLOEXEC, LibC.NETLINK_NETFILTER);
        } catch (LastErrorException e) {
            throw new NetlinkException(e.getErrorCode(), "The kernel refused a netfilter netlink socket: "
                    + Errno.describe(e.getErrorCode()) + "." + Errno.advice(e.getErrorCode()), e);
        }
    }

    /**
     * setns(2) moves only the calling thread; a thread made for this alone is the one moved, and it ends
     * right after, so no pooled thread is ever left in another namespace even if moving back fails.
     */
    private static int inNamespace(String namespace) throws NetlinkException {
        AtomicReference<Object> result = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                result.set(socketIn(namespace));
            } catch (NetlinkException | RuntimeException | LinkageError e) {
                result.set(e);
            }
        }, "netlink-setns");
        thread.start();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetlinkException(Errno.EINTR, "Interrupted while opening a netlink socket in namespace '"
                    + namespace + "'.", e);
        }
        Object value = result.get();
        if (value instanceof Integer fd) {
            return fd;
        }
        if (value instanceof NetlinkException e) {
            throw e;
        }
        if (value instanceof LinkageError e) {
            throw e;
        }
        throw (RuntimeException) value;
    }

    private static int socketIn(String namespace) throws NetlinkException {
        String path = "/run/netns/" + namespace;
        int home = -1;
        int target = -1;
        try {
            home = openNamespace("/proc/thread-self/ns/net", "this thread's own network namespace");
            target = openNamespace(path, "network namespace '" + namespace + "'");
            try {
                LibC.setns(target, LibC.CLONE_NEWNET);
            } catch (LastErrorException e) {
                throw new NetlinkException(e.getErrorCode(), "Could not enter network namespace '" + namespace
                        + "' (" + path + "): " + Errno.describe(e.getErrorCode()) + ". The agent needs CAP_SYS_ADMIN"
                        + " to read counters inside a namespace.", e);
            }
            try {
                return newSocket();
            } finally {
                try {
                    LibC.setns(home, LibC.CLONE_NEWNET);
                } catch (LastErrorException e) {
                    // The thread ends now; nothing else runs in the namespace it was left in.
                }
            }
        } finally {
            closeQuietly(target);
            closeQuietly(home);
        }
    }

    private static int openNamespace(String path, String what) throws NetlinkException {
        try {
            return LibC.open(path, LibC.O_RDONLY | LibC.O_CLOEXEC);
        } catch (LastErrorException e) {
            String why = e.getErrorCode() == Errno.ENOENT ? "it does not exist" : Errno.describe(e.getErrorCode());
            throw new NetlinkException(e.getErrorCode(), "Could not open " + what + " (" + path + "): " + why + ".", e);
        }
    }

    private void configure() throws NetlinkException {
        try (Memory value = new Memory(16)) {
            value.setInt(0, SOCKET_BUFFER);
            try {
                LibC.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVBUFFORCE, value, 4);
            } catch (LastErrorException e) {
                try {
                    LibC.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVBUF, value, 4); // capped by rmem_max: fine
                } catch (LastErrorException ignored) {
                    // The default buffer still works: the kernel waits for our reads during a dump.
                }
            }
            // struct timeval: two C longs. A kernel that never answers must not hang the sampler.
            value.clear();
            value.setNativeLong(0, new NativeLong(RECEIVE_TIMEOUT_SECONDS));
            LibC.setsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVTIMEO, value, 2 * Native.LONG_SIZE);
        } catch (LastErrorException e) {
            close();
            throw new NetlinkException(e.getErrorCode(), "Could not set the netlink socket's receive timeout: "
                    + Errno.describe(e.getErrorCode()) + ".", e);
        }
    }

    /**
     * False when the namespace this socket was made in is no longer the one its name stands for: it was
     * deleted, or deleted and made again (a lab restarted). The socket keeps the old namespace alive and
     * would go on reading its frozen table, so the caller makes a new socket. One stat(2) per call.
     */
    public boolean stillInItsNamespace() {
        if (namespace == null) {
            return true;
        }
        try {
            return namespaceInode(namespace) == namespaceInode;
        } catch (NetlinkException e) {
            return false;
        }
    }

    private static long namespaceInode(String namespace) throws NetlinkException {
        Path path = Path.of("/run/netns", namespace);
        try {
            return ((Number) Files.getAttribute(path, "unix:ino")).longValue();
        } catch (IOException | UnsupportedOperationException e) {
            throw new NetlinkException(Errno.ENOENT, "Could not open network namespace '" + namespace + "' ("
                    + path + "): it does not exist.", e);
        }
    }

    /** The namespace this socket lives in; null for the agent's own. */
    public String namespace() {
        return namespace;
    }

    @Override
    public int nextSequence() {
        sequence = sequence == Integer.MAX_VALUE ? 1 : sequence + 1;
        return sequence;
    }

    @Override
    public void send(ByteBuffer message) throws NetlinkException {
        int length = message.remaining();
        if (out.size() < length) {
            out.close();
            out = new Memory(Math.max(length, 2 * out.size()));
        }
        out.getByteBuffer(0, length).put(message.duplicate());
        try {
            long sent = LibC.sendto(fd, out, new NativeLong(length), 0, kernel, (int) kernel.size()).longValue();
            if (sent != length) {
                throw new NetlinkException(0, "The kernel took " + sent + " of a " + length + "-byte netlink request.");
            }
        } catch (LastErrorException e) {
            throw new NetlinkException(e.getErrorCode(), "Could not send a netlink request: "
                    + Errno.describe(e.getErrorCode()) + "." + Errno.advice(e.getErrorCode()), e);
        }
    }

    /** One datagram, read into a buffer this socket reuses: valid until the next receive. */
    @Override
    public ByteBuffer receive() throws NetlinkException {
        long length;
        try {
            // MSG_TRUNC: the datagram's true length comes back even when it did not fit.
            length = LibC.recv(fd, in, new NativeLong(RECEIVE_BUFFER), LibC.MSG_TRUNC).longValue();
        } catch (LastErrorException e) {
            throw new NetlinkException(e.getErrorCode(), "Could not read the kernel's netlink answer: "
                    + Errno.describe(e.getErrorCode()) + "." + Errno.advice(e.getErrorCode()), e);
        }
        if (length > RECEIVE_BUFFER) {
            throw new NetlinkException(Errno.EMSGSIZE, "A netlink answer of " + length + " bytes did not fit the "
                    + RECEIVE_BUFFER + "-byte buffer.");
        }
        inView.clear();
        inView.limit((int) length);
        return inView;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            closeQuietly(fd);
            in.close();
            out.close();
            kernel.close();
        }
    }

    private static void closeQuietly(int fd) {
        if (fd >= 0) {
            try {
                LibC.close(fd);
            } catch (LastErrorException ignored) {
                // Nothing left to do with a descriptor that will not close.
            }
        }
    }
}
