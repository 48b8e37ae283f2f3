package io.ballast.model.validate;

import io.ballast.model.Addresses;
import io.ballast.model.Director;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rules every director obeys whatever the cluster's form: identity, address, agent endpoint. */
final class DirectorRules {

    private DirectorRules() {
    }

    static void check(List<Director> directors, Problems problems) {
        Map<String, Integer> firstWithId = new HashMap<>();
        for (int i = 0; i < directors.size(); i++) {
            Director director = directors.get(i);
            String base = "/directors/" + i;
            if (director.id() == null || director.id().isBlank()) {
                problems.add(base + "/id", "every director needs an id, such as \"lb-a\"");
            } else {
                Integer first = firstWithId.putIfAbsent(director.id(), i);
                if (first != null) {
                    problems.add(base + "/id", "'" + director.id() + "' is already the id of /directors/" + first
                            + "; give every director its own id");
                }
            }
            if (!Addresses.isLiteral(director.address())) {
                problems.add(base + "/address", "'" + director.address() + "' is not an IP address literal;"
                        + " write the director's own address, such as 192.0.2.11 (host names are not resolved)");
            }
            checkEndpoint(director.agentEndpoint(), base + "/agentEndpoint", problems);
        }
    }

    private static void checkEndpoint(String endpoint, String path, Problems problems) {
        String example = "; write the agent's address such as https://192.0.2.11:9443 (the agent speaks HTTPS only)";
        if (endpoint == null || endpoint.isBlank()) {
            problems.add(path, "is missing" + example);
            return;
        }
        try {
            URI uri = new URI(endpoint);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                problems.add(path, "'" + endpoint + "' is not an https URL" + example);
            }
        } catch (URISyntaxException e) {
            problems.add(path, "'" + endpoint + "' is not a URL (" + e.getReason() + ")" + example);
        }
    }
}
