package io.ballast.app.editing;

import io.ballast.app.editing.job.Properties;
import io.ballast.app.editing.job.Property;
import io.ballast.app.editing.job.SpecEdits;
import io.ballast.app.editing.job.SpecPath;
import io.ballast.model.ClusterSpec;
import io.ballast.model.validate.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/**
 * The form for the selected item: one field per property. Every keystroke is checked (the
 * Validator's sentence appears under the field); Enter or leaving the field commits it as one job.
 */
public final class EditInspector extends VBox {

    private final EditingViewModel vm;
    private final Label heading = new Label("Select a real server, a virtual service or a director");
    private final GridPane grid = new GridPane();
    private final List<Runnable> errorRefreshers = new ArrayList<>();
    private EditTarget shown;

    public EditInspector(EditingViewModel vm) {
        this.vm = vm;
        heading.setWrapText(true);
        heading.getStyleClass().add("title-4");
        grid.setHgap(8);
        grid.setVgap(2);
        setSpacing(8);
        setPadding(new Insets(10));
        getChildren().addAll(heading, grid);
        vm.selection().addListener((ListChangeListener<EditTarget>) c -> rebuild());
        vm.specProperty().addListener(o -> {
            EditTarget first = vm.selection().isEmpty() ? null : vm.selection().get(0);
            if (first == null || !first.equals(shown)) {
                rebuild();
            }
        });
        vm.problems().addListener((ListChangeListener<Problem>) c -> errorRefreshers.forEach(Runnable::run));
        rebuild();
    }

    private void rebuild() {
        grid.getChildren().clear();
        errorRefreshers.clear();
        shown = vm.selection().isEmpty() ? null : vm.selection().get(0);
        if (shown == null) {
            heading.setText("Select a real server, a virtual service or a director");
            return;
        }
        String pointer = vm.pointerOf(shown).orElse(null);
        if (pointer == null) {
            return;
        }
        ClusterSpec spec = vm.specProperty().get();
        String[] steps = pointer.split("/");
        int row = 0;
        if (shown instanceof EditTarget.Server) {
            int vs = Integer.parseInt(steps[2]);
            int rs = Integer.parseInt(steps[4]);
            heading.setText("Real server " + SpecEdits.label(spec.virtualServices().get(vs).realServers().get(rs)));
            for (Property<io.ballast.model.RealServer, ?> property : Properties.REAL_SERVER) {
                row = field(SpecPath.realServer(vs, rs, property), row);
            }
        } else if (shown instanceof EditTarget.Service) {
            int vs = Integer.parseInt(steps[2]);
            heading.setText("Virtual service " + SpecEdits.label(spec.virtualServices().get(vs)));
            for (Property<io.ballast.model.VirtualService, ?> property : Properties.VIRTUAL_SERVICE) {
                row = field(SpecPath.service(vs, property), row);
            }
        } else {
            int d = Integer.parseInt(steps[2]);
            heading.setText("Director " + spec.directors().get(d).id());
            for (Property<io.ballast.model.Director, ?> property : Properties.DIRECTOR) {
                row = field(SpecPath.director(d, property), row);
            }
        }
    }

    private <T> int field(SpecPath<T> path, int row) {
        Label label = new Label(path.label());
        Label error = new Label();
        error.getStyleClass().add(EditingStyles.FIELD_ERROR);
        error.setWrapText(true);
        error.setMaxWidth(260);
        T value = path.read(vm.specProperty().get());
        Node editor = path.type().isEnum() ? choice(path, value) : text(path, value);
        editor.setId("edit-" + path.pointer().replace('/', '-').substring(1));
        grid.addRow(row, label, editor);
        grid.add(error, 1, row + 1);
        Runnable refresh = () -> {
            List<Problem> problems = vm.problemsUnder(path.pointer());
            error.setText(problems.isEmpty() ? "" : problems.get(0).message());
            error.setVisible(!problems.isEmpty());
            error.setManaged(!problems.isEmpty());
        };
        errorRefreshers.add(refresh);
        refresh.run();
        return row + 2;
    }

    private <T> Node choice(SpecPath<T> path, T value) {
        ComboBox<T> box = new ComboBox<>();
        box.getItems().add(null);
        box.getItems().addAll(path.type().getEnumConstants());
        box.setValue(value);
        box.setOnAction(e -> vm.edit(path, box.getValue()));
        return box;
    }

    private <T> Node text(SpecPath<T> path, T value) {
        TextField field = new TextField(value == null ? "" : String.valueOf(value));
        Function<String, Parsed<T>> parser = parser(path);
        field.textProperty().addListener((o, was, now) -> {
            Parsed<T> parsed = parser.apply(now);
            vm.typing(path, parsed.value(), parsed.unreadable());
        });
        Runnable commit = () -> {
            Parsed<T> parsed = parser.apply(field.getText());
            if (parsed.unreadable() == null) {
                vm.edit(path, parsed.value());
            }
        };
        field.setOnAction(e -> commit.run());
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                commit.run();
            }
        });
        return field;
    }

    private record Parsed<T>(T value, String unreadable) {
    }

    @SuppressWarnings("unchecked")
    private static <T> Function<String, Parsed<T>> parser(SpecPath<T> path) {
        if (path.type() == Integer.class) {
            return text -> {
                try {
                    return new Parsed<>((T) Integer.valueOf(text.strip()), null);
                } catch (NumberFormatException e) {
                    return new Parsed<>(null, path.label().toLowerCase(Locale.ROOT) + " must be a whole number; '"
                            + text + "' is not");
                }
            };
        }
        if (path.type() == Boolean.class) {
            return text -> new Parsed<>((T) Boolean.valueOf(text.strip()), null);
        }
        return text -> new Parsed<>((T) (text.isBlank() ? null : text.strip()), null);
    }
}
