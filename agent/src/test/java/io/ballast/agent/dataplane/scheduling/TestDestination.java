package io.ballast.agent.dataplane.scheduling;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A destination whose counts a test sets directly, as the kernel's counters would stand. */
final class TestDestination implements Destination {

    final String name;
    final InetAddress address;
    final int port;
    int weight;
    int lastWeight;
    boolean overloaded;
    boolean available = true;
    int active;
    int inactive;

    TestDestination(String name, String address, int port, int weight) {
        this.name = name;
        try {
            this.address = InetAddress.getByName(address);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
        this.port = port;
        this.weight = weight;
        this.lastWeight = weight;
    }

    static TestDestination named(String name, int index, int weight) {
        return new TestDestination(name, "198.51.100." + (10 + index), 80, weight);
    }

    TestDestination weight(int w) {
        weight = w;
        if (w > 0) {
            lastWeight = w;
        }
        return this;
    }

    TestDestination connections(int activeCount, int inactiveCount) {
        active = activeCount;
        inactive = inactiveCount;
        return this;
    }

    @Override
    public InetAddress address() {
        return address;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public int weight() {
        return weight;
    }

    @Override
    public int lastWeight() {
        return lastWeight;
    }

    @Override
    public boolean overloaded() {
        return overloaded;
    }

    @Override
    public boolean available() {
        return available;
    }

    @Override
    public int activeConnections() {
        return active;
    }

    @Override
    public int inactiveConnections() {
        return inactive;
    }

    @Override
    public String toString() {
        return name;
    }
}
