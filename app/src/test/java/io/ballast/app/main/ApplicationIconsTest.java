package io.ballast.app.main;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The window icons come from the icons module's build, on the app's class path, in every size the window asks for. */
class ApplicationIconsTest {

    @Test
    void everyWindowIconSizeIsOnTheClassPathAtItsSize() throws Exception {
        for (int size : BallastApplication.ICON_SIZES) {
            try (InputStream in = BallastApplication.class.getResourceAsStream(BallastApplication.iconResource(size))) {
                assertThat(in).as(BallastApplication.iconResource(size)).isNotNull();
                BufferedImage image = ImageIO.read(in);
                assertThat(image.getWidth()).isEqualTo(size);
                assertThat(image.getHeight()).isEqualTo(size);
            }
        }
    }
}
