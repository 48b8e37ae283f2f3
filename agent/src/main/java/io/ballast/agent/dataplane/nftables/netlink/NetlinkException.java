package io.ballast.agent.dataplane.nftables.netlink;

import java.io.IOException;

/** A netlink request that failed: the kernel's errno (0 when the failure was not the kernel's) and a sentence. */
public final class NetlinkException extends IOException {

    private final int errno;

    public NetlinkException(int errno, String message) {
        super(message);
        this.errno = errno;
    }

    public NetlinkException(int errno, String message, Throwable cause) {
        super(message, cause);
        this.errno = errno;
    }

    /** The positive errno the kernel or libc answered with; 0 for a malformed or unexpected reply. */
    public int errno() {
        return errno;
    }
}
