package io.ballast.icons;

import com.github.weisj.jsvg.SVGDocument;
import com.github.weisj.jsvg.parser.SVGLoader;
import com.github.weisj.jsvg.view.ViewBox;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Renders every SVG icon to the PNG sizes the desktop and the installers need, at build time (the
 * icons module runs it in process-classes), with JSVG: pure Java, so no rsvg-convert on the build machine.
 * Usage: {@code IconRenderer <svg directory> <output directory>}; writes {@code <name>-<size>.png}.
 */
public final class IconRenderer {

    /**
     * Window icons (16–256), Linux desktop entries and jpackage's --icon (256, 512), Windows .ico
     * entries (16–256), and the macOS iconset's largest (512, 1024 for 512@2x).
     */
    public static final List<Integer> SIZES = List.of(16, 24, 32, 48, 64, 128, 256, 512, 1024);

    private IconRenderer() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: IconRenderer <svg directory> <output directory>");
        }
        List<Path> written = renderAll(Path.of(args[0]), Path.of(args[1]));
        System.out.println("IconRenderer: " + written.size() + " PNGs in " + Path.of(args[1]));
    }

    /** Renders each {@code *.svg} of {@code sources} in every size of {@link #SIZES} into {@code out}. */
    public static List<Path> renderAll(Path sources, Path out) throws IOException {
        Files.createDirectories(out);
        List<Path> svgs;
        try (Stream<Path> files = Files.list(sources)) {
            svgs = files.filter(p -> p.getFileName().toString().endsWith(".svg")).sorted().toList();
        }
        if (svgs.isEmpty()) {
            throw new IOException(sources + " holds no .svg file to render");
        }
        List<Path> written = new ArrayList<>();
        for (Path svg : svgs) {
            SVGDocument document = load(svg);
            String name = svg.getFileName().toString().replaceFirst("\\.svg$", "");
            for (int size : SIZES) {
                Path png = out.resolve(name + "-" + size + ".png");
                ImageIO.write(render(document, size), "png", png.toFile());
                written.add(png);
            }
        }
        return written;
    }

    /** One square PNG of {@code size} pixels: the drawing scaled to fit, centred, on transparency. */
    static BufferedImage render(SVGDocument document, int size) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            // The view box is the target square: JSVG scales the drawing into it, keeping its aspect ratio.
            document.render((java.awt.Component) null, g, new ViewBox(0, 0, size, size));
        } finally {
            g.dispose();
        }
        return image;
    }

    private static SVGDocument load(Path svg) throws IOException {
        SVGDocument document;
        try {
            document = new SVGLoader().load(svg.toUri().toURL());
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
        if (document == null) {
            throw new IOException(svg + " is not an SVG document JSVG can read");
        }
        return document;
    }
}
