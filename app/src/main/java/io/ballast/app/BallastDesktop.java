package io.ballast.app;

import io.ballast.app.main.BallastApplication;
import javafx.application.Application;

/**
 * Public entry point of the desktop client. Deliberately not an {@link Application} subclass:
 * that is what lets JavaFX run from the plain class path on Java 17 (no module path needed).
 * The {@code ballast} command's GUI subcommand calls {@link #launch(String[])}.
 */
public final class BallastDesktop {

    private BallastDesktop() {
    }

    /** Starts the GUI and returns when its last window closes. */
    public static void launch(String[] args) {
        Application.launch(BallastApplication.class, args);
    }

    public static void main(String[] args) {
        launch(args);
    }
}
