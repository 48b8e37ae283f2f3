package io.ballast.app.lab;

import io.ballast.model.ClusterForm;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The lab's presets, one per cluster form, named as on the command line. */
public enum LabForm {
    SINGLE("single", ClusterForm.SINGLE, 1),
    HA_PAIR("ha-pair", ClusterForm.HA_PAIR, 2),
    STREAMLINE("streamline", ClusterForm.STREAMLINE, 2);

    private final String cliName;
    private final ClusterForm form;
    private final int directors;

    LabForm(String cliName, ClusterForm form, int directors) {
        this.cliName = cliName;
        this.form = form;
        this.directors = directors;
    }

    public String cliName() {
        return cliName;
    }

    public ClusterForm form() {
        return form;
    }

    public int directors() {
        return directors;
    }

    public static LabForm fromCli(String name) {
        return Arrays.stream(values()).filter(f -> f.cliName.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown lab form '" + name + "'; choose one of "
                        + Arrays.stream(values()).map(LabForm::cliName).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
