package io.ballast.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Where traffic goes when every real server of a virtual service is out of the table. */
public record SorryServer(@JsonProperty(required = true) String address, @JsonProperty(required = true) int port) {

    /** address:port, with brackets around an IPv6 address. */
    public String endpoint() {
        return Addresses.endpoint(address, port);
    }
}
