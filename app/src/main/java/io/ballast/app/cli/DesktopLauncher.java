package io.ballast.app.cli;

import java.io.PrintWriter;

/** Opens the desktop client; until the client lands it says so plainly. */
final class DesktopLauncher {

    private DesktopLauncher() {
    }

    static void launch(PrintWriter out, PrintWriter err) {
        err.println("ballast: the desktop client is not built yet; try `./ballast --help` for the headless commands.");
    }
}
