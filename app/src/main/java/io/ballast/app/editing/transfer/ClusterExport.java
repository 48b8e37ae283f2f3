package io.ballast.app.editing.transfer;

import io.ballast.model.ClusterSpec;
import io.ballast.model.Director;
import io.ballast.model.json.SpecCodec;
import io.ballast.model.keepalived.KeepalivedExporter;
import java.util.stream.Collectors;

/** Writes a spec as JSON or as a complete keepalived.conf for one director ({@code ballast export}, Export menu). */
public final class ClusterExport {

    /** The formats a spec can be written in. */
    public enum Format { keepalived, json }

    private ClusterExport() {
    }

    /** The text of {@code cluster} in {@code format}; the desktop's export menu uses it too. */
    public static String render(ClusterSpec cluster, Format format, String directorId, String scriptUser) {
        if (format == Format.json) {
            return SpecCodec.write(cluster) + "\n";
        }
        return KeepalivedExporter.export(cluster, director(cluster, directorId), scriptUser);
    }

    private static Director director(ClusterSpec cluster, String id) {
        String ids = cluster.directors().stream().map(Director::id).collect(Collectors.joining(", "));
        if (id == null) {
            if (cluster.directors().size() == 1) {
                return cluster.directors().get(0);
            }
            throw new IllegalArgumentException("the spec has " + cluster.directors().size()
                    + " directors; name the one the keepalived.conf is for with --director (" + ids + ")");
        }
        return cluster.directors().stream().filter(d -> d.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no director '" + id + "' in the spec; it has " + ids));
    }
}
