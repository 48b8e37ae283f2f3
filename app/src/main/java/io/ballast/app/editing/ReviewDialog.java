package io.ballast.app.editing;

import io.ballast.app.editing.review.ChangeReview;
import io.ballast.model.validate.Problem;
import java.util.List;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

/** "Review changes": the plan, the other changes, the warnings and the problems; Apply only when it can. */
public final class ReviewDialog extends Dialog<ButtonType> {

    public static final ButtonType APPLY = new ButtonType("Apply to the directors", ButtonBar.ButtonData.OK_DONE);

    public ReviewDialog(ChangeReview review) {
        setTitle("Review changes");
        VBox content = new VBox(6);
        section(content, "review-operations", "Table operations, in the order the agents run them", review.operations());
        section(content, "review-changes", "Other changes", review.specChanges());
        section(content, "review-warnings", "Think twice", review.warnings());
        section(content, "review-problems", "Problems that block the apply",
                review.problems().stream().map(Problem::toString).toList());
        if (review.isEmpty()) {
            content.getChildren().add(new Label("Nothing edited: the directors already enforce this spec."));
        }
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().addAll(APPLY, ButtonType.CANCEL);
        getDialogPane().lookupButton(APPLY).setId("review-apply");
        getDialogPane().lookupButton(APPLY).setDisable(!review.canApply());
    }

    private static void section(VBox content, String id, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        Label heading = new Label(title + " (" + lines.size() + ")");
        heading.getStyleClass().add("title-4");
        ListView<String> list = new ListView<>();
        list.setId(id);
        list.getItems().setAll(lines);
        list.setPrefHeight(Math.min(200, 26 * lines.size() + 4));
        list.setPrefWidth(640);
        content.getChildren().addAll(heading, list);
    }
}
