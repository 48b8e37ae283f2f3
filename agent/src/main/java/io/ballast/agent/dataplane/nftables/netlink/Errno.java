package io.ballast.agent.dataplane.nftables.netlink;

/**
 * Linux errno values the counter reader can meet, as words an operator can act on. A table rather than
 * strerror(3): the codec stays pure Java (testable without native code), and the sentences say what the
 * error means for this request, not only its C name.
 */
public final class Errno {

    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    public static final int ENOMEM = 12;
    public static final int EACCES = 13;
    public static final int EBUSY = 16;
    public static final int EINVAL = 22;
    public static final int EMSGSIZE = 90;
    public static final int EPROTONOSUPPORT = 93;
    public static final int EOPNOTSUPP = 95;
    public static final int EAFNOSUPPORT = 97;
    public static final int ENOBUFS = 105;

    private Errno() {
    }

    /** "No such file or directory (ENOENT)"; unknown numbers as "error 123". */
    public static String describe(int errno) {
        switch (errno) {
            case EPERM:
                return "Operation not permitted (EPERM)";
            case ENOENT:
                return "No such file or directory (ENOENT)";
            case EINTR:
                return "Interrupted system call (EINTR)";
            case EBADF:
                return "Bad file descriptor (EBADF)";
            case EAGAIN:
                return "Resource temporarily unavailable or timed out (EAGAIN)";
            case ENOMEM:
                return "Cannot allocate memory (ENOMEM)";
            case EACCES:
                return "Permission denied (EACCES)";
            case EBUSY:
                return "Device or resource busy (EBUSY)";
            case EINVAL:
                return "Invalid argument (EINVAL)";
            case EMSGSIZE:
                return "Message too long (EMSGSIZE)";
            case EPROTONOSUPPORT:
                return "Protocol not supported (EPROTONOSUPPORT)";
            case EOPNOTSUPP:
                return "Operation not supported (EOPNOTSUPP)";
            case EAFNOSUPPORT:
                return "Address family not supported (EAFNOSUPPORT)";
            case ENOBUFS:
                return "No buffer space available (ENOBUFS)";
            default:
                return "error " + errno;
        }
    }

    /** What to do about it, for the errors that have an operator-side remedy; empty otherwise. */
    static String advice(int errno) {
        switch (errno) {
            case EPERM:
            case EACCES:
                return " The agent needs CAP_NET_ADMIN in the namespace to read nf_tables over netlink.";
            case EPROTONOSUPPORT:
            case EAFNOSUPPORT:
                return " The kernel has no nfnetlink (NETLINK_NETFILTER) support; load nf_tables.";
            default:
                return "";
        }
    }
}
