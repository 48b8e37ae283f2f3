package io.ballast.model.keepalived;

import io.ballast.model.ClusterSpec;

/** What an import produced: the cluster it describes and every line it could not take over as written. */
public record KeepalivedImport(ClusterSpec spec, ImportReport report) {
}
