package io.ballast.app.connection;

import io.ballast.tls.Fingerprints;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for a cluster's agents, token and (optionally) the expected certificate fingerprints,
 * shows what each agent presents, and saves only what the operator trusted.
 */
public final class AddClusterDialog extends Dialog<SavedCluster> {

    public static final String PROBE_OK = "probe-ok";
    public static final String PROBE_BAD = "probe-bad";

    public AddClusterDialog(Window owner, AddClusterViewModel vm) {
        initOwner(owner);
        setTitle("Add cluster");
        setHeaderText("Connect to a cluster's agents");

        TextField name = new TextField();

        name.setId("add-cluster-name");
        name.setPromptText("payments");
        name.textProperty().bindBidirectional(vm.nameProperty());
        TextArea addresses = new TextArea();
        addresses.setId("add-cluster-agents");
        addresses.setPromptText("192.0.2.11:9443\n192.0.2.12:9443");
        addresses.setPrefRowCount(2);
        addresses.textProperty().bindBidirectional(vm.addressesProperty());
        PasswordField token = new PasswordField();
        token.setId("add-cluster-token");
        token.textProperty().bindBidirectional(vm.tokenProperty());
        TextArea fingerprints = new TextArea();
        fingerprints.setId("add-cluster-fingerprints");
        fingerprints.setPromptText("optional: SHA-256 fingerprints from `ballast-agent fingerprint`, one per line");
        fingerprints.setPrefRowCount(2);
        fingerprints.textProperty().bindBidirectional(vm.expectedFingerprintsProperty());

        Button check = new Button("Check certificates");

        check.setId("add-cluster-check");
        check.setOnAction(e -> vm.check());
        Label problem = new Label();
        problem.setId("add-cluster-problem");
        problem.textProperty().bind(vm.problemProperty());
        problem.getStyleClass().add("danger");
        problem.setWrapText(true);
        VBox results = new VBox(6);
        results.setId("add-cluster-probes");
        CheckBox trust = new CheckBox("I compared these fingerprints with the directors' and trust them");
        trust.setId("add-cluster-trust");
        trust.selectedProperty().bindBidirectional(vm.trustConfirmedProperty());
        trust.setWrapText(true);
        vm.probes().addListener((ListChangeListener<AddClusterViewModel.Probe>) c -> {
            assert Platform.isFxApplicationThread();
            results.getChildren().clear();
            for (AddClusterViewModel.Probe p : vm.probes()) {
                results.getChildren().add(probeLabel(p));
            }
            trust.setVisible(vm.probes().stream().anyMatch(p -> p.ok() && p.matches() == null));
        });
        trust.setVisible(false);

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Agents"), addresses);
        form.addRow(2, new Label("Token"), token);
        form.addRow(3, new Label("Fingerprints"), fingerprints);
        VBox content = new VBox(10, form, check, problem, results, trust);
        content.setPadding(new Insets(10));
        content.setPrefWidth(620);
        getDialogPane().setContent(content);

        ButtonType save = new ButtonType("Save and connect", ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(save, ButtonType.CANCEL);
        getDialogPane().lookupButton(save).setId("add-cluster-save");
        getDialogPane().lookupButton(save).disableProperty().bind(vm.canSaveBinding().not());
        setResultConverter(button -> button == save ? vm.result() : null);
    }

    private static Label probeLabel(AddClusterViewModel.Probe p) {
        String text;
        if (p.error() != null) {
            text = p.address() + ": " + p.error();
        } else {
            String shown = Fingerprints.display(p.fingerprint());
            text = p.address() + "\n  SHA-256 " + shown + (p.matches() == null ? ""
                    : p.matches() ? "\n  matches the fingerprint you entered" : "\n  DOES NOT match any fingerprint you entered");
        }
        Label label = new Label(text);
        label.setWrapText(true);
        label.getStyleClass().add(p.ok() ? PROBE_OK : PROBE_BAD);
        return label;
    }
}
