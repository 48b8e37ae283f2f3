package io.ballast.app.connection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The operator's clusters in {@code ~/.config/ballast/clusters.json} ($XDG_CONFIG_HOME respected).
 * The file holds tokens, so it is written owner-only (0600) and replaced atomically.
 */
public final class ClusterStore {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path file;

    public ClusterStore(Path file) {
        this.file = file;
    }

    /** The store in the user's configuration directory. */
    public static ClusterStore forUser() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".config");
        return new ClusterStore(base.resolve("ballast").resolve("clusters.json"));
    }

    public Path file() {
        return file;
    }

    public List<SavedCluster> load() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return MAPPER.readValue(file.toFile(), new TypeReference<List<SavedCluster>>() { });
        } catch (JsonProcessingException e) {
            throw new IOException(file + " line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage()
                    + "; fix or remove the file, then add the clusters again", e);
        }
    }

    /** Adds or replaces (by name) one cluster. */
    public void save(SavedCluster cluster) throws IOException {
        List<SavedCluster> clusters = new ArrayList<>(load());
        clusters.removeIf(c -> c.name().equals(cluster.name()));
        clusters.add(cluster);
        write(clusters);
    }

    public void remove(String name) throws IOException {
        List<SavedCluster> clusters = new ArrayList<>(load());
        if (clusters.removeIf(c -> c.name().equals(name))) {
            write(clusters);
        }
    }

    private void write(List<SavedCluster> clusters) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (posix()) {
            // created 0600 from the start: the token is never readable by others, not even for a moment
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        Files.write(temp, MAPPER.writeValueAsBytes(clusters));
        try {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
        if (posix()) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
