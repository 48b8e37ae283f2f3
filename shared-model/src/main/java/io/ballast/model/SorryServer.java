package io.ballast.model;

/** Where traffic goes when every real server of a virtual service is out of the table. */
public record SorryServer(String address, int port) {

    /** address:port, with brackets around an IPv6 address. */
    public String endpoint() {
        return Addresses.endpoint(address, port);
    }
}
