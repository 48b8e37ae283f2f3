package io.ballast.agent.dataplane.userspace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Addresses for one test: a random 127.x.y.0/24 so that parallel test runs on one machine do not
 * collide (all of 127.0.0.0/8 is on lo on Linux), and plain blocking clients.
 */
final class Loopback {

    private final String prefix;

    Loopback() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        this.prefix = "127." + (100 + r.nextInt(150)) + "." + (1 + r.nextInt(250)) + ".";
    }

    /** 127.x.y.host */
    String address(int host) {
        return prefix + host;
    }

    /** A port that is free on the address now. */
    static int freePort(String address) throws IOException {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(address, 0));
            return s.getLocalPort();
        }
    }

    /** Connects (from {@code source} if not null), reads the server's greeting line and closes. */
    static String identity(String address, int port, String source) throws IOException {
        try (Socket s = connect(address, port, source)) {
            return readLine(s);
        }
    }

    static Socket connect(String address, int port, String source) throws IOException {
        Socket s = new Socket();
        if (source != null) {
            s.bind(new InetSocketAddress(source, 0));
        }
        s.setSoTimeout(5_000);
        s.connect(new InetSocketAddress(address, port), 2_000);
        return s;
    }

    static String readLine(Socket s) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII), 1);
        return in.readLine();
    }
}
