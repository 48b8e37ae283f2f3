package io.ballast.app.editing.runtime;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** "Set weight…": the new weight, checked while typing; Set only when it is a weight IPVS takes. */
public final class WeightDialog extends Dialog<Integer> {

    public static final ButtonType SET = new ButtonType("Set on every director", ButtonBar.ButtonData.OK_DONE);

    public WeightDialog(RuntimeTarget target, int current) {
        setTitle("Set weight");
        setHeaderText("New weight for " + target.label() + " (now " + current + "), on every director at once");
        TextField field = new TextField(String.valueOf(current));
        field.setId("runtime-weight-field");
        Label problem = new Label();
        problem.setId("runtime-weight-problem");
        problem.getStyleClass().add("edit-field-error");
        VBox content = new VBox(6, field, problem);
        content.setPadding(new Insets(10));
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(SET, ButtonType.CANCEL);
        field.textProperty().addListener((o, was, now) -> check(now, problem));
        check(field.getText(), problem);
        setResultConverter(button -> button == SET ? Integer.valueOf(field.getText().strip()) : null);
        setOnShown(e -> field.requestFocus());
    }

    private void check(String text, Label problem) {
        String why = RuntimeActionsViewModel.weightProblem(text);
        problem.setText(why == null ? "" : why);
        getDialogPane().lookupButton(SET).setDisable(why != null);
    }
}
