package io.ballast.agent.dataplane.nftables.netlink;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The libc calls the netlink socket needs, bound by JNA's direct mapping (no proxy, no reflection per
 * call). Loading this class loads JNA's native part: a machine where that fails gets a LinkageError
 * here, which {@link NetlinkSocket#open} turns into a sentence. size_t/ssize_t are NativeLong: the C
 * long is their width on every Linux ABI.
 */
final class LibC {

    static final int AF_NETLINK = 16;
    static final int SOCK_RAW = 3;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int NETLINK_NETFILTER = 12;
    static final int SOL_SOCKET = 1;
    static final int SO_RCVBUF = 8;
    static final int SO_RCVTIMEO = 20;
    static final int SO_RCVBUFFORCE = 33;
    static final int MSG_TRUNC = 0x20;
    static final int O_RDONLY = 0;
    static final int O_CLOEXEC = 0x80000;
    static final int CLONE_NEWNET = 0x40000000;

    static {
        Native.register(LibC.class, Platform.C_LIBRARY_NAME);
    }

    private LibC() {
    }

    static native int socket(int domain, int type, int protocol) throws LastErrorException;

    static native int setsockopt(int fd, int level, int name, Pointer value, int length) throws LastErrorException;

    static native NativeLong sendto(int fd, Pointer buffer, NativeLong length, int flags, Pointer address,
                                    int addressLength) throws LastErrorException;

    static native NativeLong recv(int fd, Pointer buffer, NativeLong length, int flags) throws LastErrorException;

    static native int open(String path, int flags) throws LastErrorException;

    static native int close(int fd) throws LastErrorException;

    static native int setns(int fd, int nstype) throws LastErrorException;
}
