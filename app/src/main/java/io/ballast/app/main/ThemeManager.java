package io.ballast.app.main;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** Light or dark AtlantaFX (Primer) theme for the whole application; the diagram's colours follow its palette. */
public final class ThemeManager {

    private final BooleanProperty dark = new SimpleBooleanProperty();

    public ThemeManager(boolean startDark) {
        dark.set(startDark);
        dark.addListener(o -> apply());
    }

    public void apply() {
        assert Platform.isFxApplicationThread();
        Application.setUserAgentStylesheet(dark.get()
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public void toggle() {
        dark.set(!dark.get());
    }
}
