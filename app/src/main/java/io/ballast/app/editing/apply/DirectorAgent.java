package io.ballast.app.editing.apply;

import io.ballast.app.connection.AgentClient;

/**
 * One director and the client of its agent, with the revision the operator's view of it is based on
 * (what If-Match carries: a change made behind the operator's back since then is a conflict).
 */
public record DirectorAgent(String id, AgentClient client, long knownRevision) {

    public DirectorAgent withKnownRevision(long revision) {
        return new DirectorAgent(id, client, revision);
    }
}
