package io.ballast.app.editing.apply;

import io.ballast.model.ClusterSpec;
import java.util.List;

/**
 * Someone changed a director's spec after the revision this apply was based on (HTTP 409).
 *
 * @param directorId   the director that said so
 * @param theirs       the spec now in effect there
 * @param theirChanges what the other change did, relative to the spec this apply was based on
 * @param oursOverTheirs what re-applying the edited spec on top of theirs would do
 */
public record Conflict(String directorId, ClusterSpec theirs, List<String> theirChanges, List<String> oursOverTheirs) {

    public Conflict {
        theirChanges = List.copyOf(theirChanges);
        oursOverTheirs = List.copyOf(oursOverTheirs);
    }
}
