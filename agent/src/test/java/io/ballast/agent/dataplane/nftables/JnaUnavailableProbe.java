package io.ballast.agent.dataplane.nftables;

/**
 * Run in a JVM of its own by {@link CounterReaderFallbackTest}: chooses the counter reader as the plane
 * does and prints which one it got. Its own JVM, because JNA's native part, once loaded, stays loaded.
 */
final class JnaUnavailableProbe {

    private JnaUnavailableProbe() {
    }

    public static void main(String[] args) throws Exception {
        try (NftCommand nft = new NftCommand(new CommandRunner(null, 10_000), "nft", 10_000);
             CounterReader reader = CounterReader.choose("netlink", null, args[0], nft, System.err::println)) {
            System.out.println("reader: " + reader.describe());
        }
    }
}
