package io.ballast.icons;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What the build put in the icons jar: every SVG in every size, square, and with a drawing on it. */
class RenderedIconsTest {

    private static final Path SOURCES = Path.of("src", "main", "svg");
    private static final Path RENDERED = Path.of("target", "classes", "io", "ballast", "icons");

    static List<String> icons() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".svg"))
                    .map(n -> n.substring(0, n.length() - 4)).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("icons")
    void everySizeOfTheIconIsThereSquareAndDrawn(String icon) throws IOException {
        for (int size : IconRenderer.SIZES) {
            Path png = RENDERED.resolve(icon + "-" + size + ".png");
            assertThat(png).as("built by the icons module's render-icons step").isRegularFile();
            BufferedImage image = ImageIO.read(png.toFile());

            assertThat(image.getWidth()).as(png.toString()).isEqualTo(size);
            assertThat(image.getHeight()).as(png.toString()).isEqualTo(size);
            assertThat(opaqueShare(image)).as("%s: share of drawn pixels", png).isGreaterThan(0.15);
            assertThat(colours(image)).as("%s: distinct colours", png).isGreaterThanOrEqualTo(2);
        }
    }

    @ParameterizedTest
    @MethodSource("icons")
    void theDrawingFillsTheSquareAtEverySize(String icon) throws IOException {
        // The drawing spans most of its 24-unit grid: scaled right, it does at every size (not stuck in a corner).
        for (int size : IconRenderer.SIZES) {
            BufferedImage image = ImageIO.read(RENDERED.resolve(icon + "-" + size + ".png").toFile());
            int[] box = drawnBox(image);
            assertThat(box[2] - box[0] + 1).as("%s-%d drawn width", icon, size).isGreaterThan(size * 3 / 4);
            assertThat(box[3] - box[1] + 1).as("%s-%d drawn height", icon, size).isGreaterThan(size * 3 / 5);
        }
    }

    private static double opaqueShare(BufferedImage image) {
        long drawn = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) >>> 24) > 0x20) {
                    drawn++;
                }
            }
        }
        return (double) drawn / ((long) image.getWidth() * image.getHeight());
    }

    private static int colours(BufferedImage image) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int argb = image.getRGB(x, y);
                if ((argb >>> 24) == 0xFF) {
                    seen.add(argb);
                }
            }
        }
        return seen.size();
    }

    /** {minX, minY, maxX, maxY} of the pixels that are not transparent. */
    private static int[] drawnBox(BufferedImage image) {
        int[] box = {image.getWidth(), image.getHeight(), -1, -1};
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) >>> 24) > 0x20) {
                    box[0] = Math.min(box[0], x);
                    box[1] = Math.min(box[1], y);
                    box[2] = Math.max(box[2], x);
                    box[3] = Math.max(box[3], y);
                }
            }
        }
        return box;
    }
}
