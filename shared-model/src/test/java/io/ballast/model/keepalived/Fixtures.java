package io.ballast.model.keepalived;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The keepalived.conf samples under src/test/resources/keepalived, placed as if in /etc/keepalived. */
final class Fixtures {

    static final String DIR = "/etc/keepalived/";

    private Fixtures() {
    }

    static String text(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/keepalived/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("test resource keepalived/" + resource + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A resolver holding the given resources under /etc/keepalived/. */
    static IncludeResolver resolver(List<String> resources) {
        Map<String, String> files = new LinkedHashMap<>();
        for (String resource : resources) {
            files.put(DIR + resource, text(resource));
        }
        return new InMemoryIncludeResolver(files);
    }

    static KeepalivedImport importFixture(String resource, ImportOptions options, String... included)
            throws KeepalivedSyntaxException {
        return KeepalivedImporter.importConfig(DIR + resource, text(resource), resolver(List.of(included)), options);
    }
}
