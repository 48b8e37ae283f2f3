package io.ballast.app.editing;

import io.ballast.app.concurrent.TaskExecutor;
import io.ballast.app.editing.apply.ApplyOutcome;
import io.ballast.app.editing.apply.DirectorAgent;
import io.ballast.app.editing.dnd.BinDropTarget;
import io.ballast.app.editing.dnd.DiagramDragSource;
import io.ballast.app.editing.dnd.DiagramDropTarget;
import io.ballast.app.editing.dnd.DragController;
import io.ballast.app.editing.dnd.DragPayload;
import io.ballast.app.editing.dnd.PaletteDragSource;
import io.ballast.app.editing.review.LiveFacts;
import io.ballast.app.topology.ClusterViewModel;
import io.ballast.app.topology.DiagramStyles;
import io.ballast.app.topology.DirectorItem;
import io.ballast.app.topology.RealServerItem;
import io.ballast.app.topology.TopologyView;
import io.ballast.app.topology.VipItem;
import io.ballast.model.ServiceKey;
import io.ballast.model.validate.Problem;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The editor: the real topology diagram of the edited spec, a palette and a bin on the left, the
 * inspector and the undo history on the right, the "edited, not applied" indicator and Review
 * changes on top. Shortcuts: Ctrl+Z, Ctrl+Shift+Z, Ctrl+C, Ctrl+V, Delete.
 */
public final class EditingView extends BorderPane {

    private final EditingViewModel vm;
    private final ClusterViewModel diagramModel = new ClusterViewModel();
    private final TopologyView diagram = TopologyView.withCards(diagramModel);
    private final DragController drags = new DragController();
    private final Supplier<List<DirectorAgent>> agents;
    private final java.util.concurrent.Callable<LiveFacts> facts;
    private final TaskExecutor executor;
    private final Label notApplied = new Label("Edited, not applied");
    private final Label message = new Label();

    public EditingView(EditingViewModel vm, Supplier<List<DirectorAgent>> agents, java.util.concurrent.Callable<LiveFacts> facts,
                       TaskExecutor executor) {
        this.vm = vm;
        this.agents = agents;
        this.facts = facts;
        this.executor = executor;
        getStylesheets().add(EditingView.class.getResource(EditingStyles.STYLESHEET).toExternalForm());
        diagram.setId("edit-diagram");
        diagramModel.applySpec(vm.specProperty().get());
        vm.specProperty().addListener((o, was, now) -> diagramModel.applySpec(now));
        diagramModel.structureProperty().addListener(o -> Platform.runLater(this::decorate));
        vm.problems().addListener((ListChangeListener<Problem>) c -> decorate());
        vm.selection().addListener((ListChangeListener<EditTarget>) c -> decorate());
        diagram.addEventFilter(MouseEvent.MOUSE_CLICKED, this::select);
        drags.installSource(diagram, new DiagramDragSource(diagram, vm));
        drags.installTarget(diagram, new DiagramDropTarget(diagram, vm));

        setTop(toolbar());
        setLeft(palette());
        SplitPane right = new SplitPane(new EditInspector(vm), history());
        right.setOrientation(javafx.geometry.Orientation.VERTICAL);
        right.setPrefWidth(320);
        SplitPane center = new SplitPane(diagram, right);
        center.setDividerPositions(0.72);
        setCenter(center);
        message.textProperty().bind(vm.messageProperty());
        message.setPadding(new Insets(4, 8, 4, 8));
        setBottom(message);
        vm.lastOutcomeProperty().addListener((o, was, outcome) -> {
            if (outcome != null && outcome.result() == ApplyOutcome.Result.CONFLICT && outcome.conflict() != null) {
                conflict(outcome);
            }
        });
    }

    public TopologyView diagram() {
        return diagram;
    }

    public void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), vm::undo);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN,
                KeyCombination.SHIFT_DOWN), vm::redo);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN), vm::copySelection);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN), this::paste);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DELETE), vm::removeSelected);
    }

    private ToolBar toolbar() {
        Button undo = new Button("Undo");
        undo.setId("edit-undo");
        undo.disableProperty().bind(vm.canUndoProperty().not());
        undo.setOnAction(e -> vm.undo());
        undo.tooltipProperty().bind(javafx.beans.binding.Bindings.createObjectBinding(
                () -> new Tooltip(vm.undoTextProperty().get() + " (Ctrl+Z)"), vm.undoTextProperty()));
        Button redo = new Button("Redo");
        redo.setId("edit-redo");
        redo.disableProperty().bind(vm.canRedoProperty().not());
        redo.setOnAction(e -> vm.redo());
        notApplied.setId("edit-not-applied");
        notApplied.getStyleClass().add(EditingStyles.NOT_APPLIED);
        notApplied.visibleProperty().bind(vm.editedProperty());
        Button review = new Button("Review changes…");
        review.setId("edit-review");
        review.disableProperty().bind(vm.applyingProperty());
        review.setOnAction(e -> review());
        Region spacer = new Region();
        javafx.scene.layout.HBox.setHgrow(spacer, Priority.ALWAYS);
        return new ToolBar(fileMenu(), undo, redo, spacer, notApplied, review);
    }

    private javafx.scene.control.MenuButton fileMenu() {
        javafx.scene.control.MenuItem importItem = new javafx.scene.control.MenuItem("Import keepalived.conf or ipvsadm-save…");
        importItem.setOnAction(e -> {
            javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
            chooser.setTitle("Import a cluster");
            java.io.File file = chooser.showOpenDialog(getScene().getWindow());
            if (file != null) {
                importFile(file.toPath());
            }
        });
        javafx.scene.control.MenuItem json = new javafx.scene.control.MenuItem("Export as JSON…");
        json.setOnAction(e -> export(io.ballast.app.editing.transfer.ClusterExport.Format.json, null, "cluster.json"));
        javafx.scene.control.Menu keepalived = new javafx.scene.control.Menu("Export keepalived.conf for");
        keepalived.setOnShowing(e -> keepalived.getItems().setAll(vm.specProperty().get().directors().stream()
                .map(d -> {
                    javafx.scene.control.MenuItem item = new javafx.scene.control.MenuItem(d.id());
                    item.setOnAction(a -> export(io.ballast.app.editing.transfer.ClusterExport.Format.keepalived, d.id(),
                            "keepalived-" + d.id() + ".conf"));
                    return item;
                }).toList()));
        keepalived.getItems().add(new javafx.scene.control.MenuItem("(directors)"));
        javafx.scene.control.MenuButton file = new javafx.scene.control.MenuButton("File", null, importItem, json, keepalived);
        file.setId("edit-file-menu");
        return file;
    }

    /**
     * Imports {@code file} as the edited spec (one undoable job) and, when there is anything to read,
     * shows the import report: the lines not taken over and what the spec still lacks.
     */
    public void importFile(java.nio.file.Path file) {
        assert Platform.isFxApplicationThread();
        List<String> report = vm.importFile(file);
        if (report.isEmpty()) {
            return;
        }
        ListView<String> lines = new ListView<>();
        lines.setId("import-report");
        lines.getItems().setAll(report);
        lines.setPrefSize(680, Math.min(320, 26 * report.size() + 4));
        Alert alert = new Alert(Alert.AlertType.INFORMATION);
        alert.setTitle("Import report");
        alert.setHeaderText(vm.messageProperty().get());
        alert.getDialogPane().setContent(lines);
        alert.initOwner(getScene() == null ? null : getScene().getWindow());
        alert.showAndWait();
    }

    private void export(io.ballast.app.editing.transfer.ClusterExport.Format format, String director, String name) {
        String text;
        try {
            text = vm.export(format, director);
        } catch (IllegalArgumentException e) {
            new Alert(Alert.AlertType.ERROR, e.getMessage()).showAndWait();
            return;
        }
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setInitialFileName(name);
        java.io.File file = chooser.showSaveDialog(getScene().getWindow());
        if (file == null) {
            return;
        }
        try {
            java.nio.file.Files.writeString(file.toPath(), text);
        } catch (java.io.IOException e) {
            new Alert(Alert.AlertType.ERROR, file + " cannot be written (" + e.getMessage() + ")").showAndWait();
        }
    }

    private VBox palette() {
        VBox box = new VBox(8);
        box.setPadding(new Insets(10));
        box.getChildren().add(new Label("Drag onto the diagram"));
        box.getChildren().add(paletteItem("Virtual service", DragPayload.Kind.VIRTUAL_SERVICE, "edit-palette-service"));
        box.getChildren().add(paletteItem("Real server", DragPayload.Kind.REAL_SERVER, "edit-palette-server"));
        box.getChildren().add(paletteItem("Director", DragPayload.Kind.DIRECTOR, "edit-palette-director"));
        Label bin = new Label("Bin: drop here to remove");
        bin.setId("edit-bin");
        bin.getStyleClass().add(EditingStyles.BIN);
        bin.setWrapText(true);
        drags.installTarget(bin, new BinDropTarget(vm));
        VBox.setMargin(bin, new Insets(30, 0, 0, 0));
        box.getChildren().add(bin);
        return box;
    }

    private Label paletteItem(String text, DragPayload.Kind kind, String id) {
        Label item = new Label(text);
        item.setId(id);
        item.getStyleClass().add(EditingStyles.PALETTE_ITEM);
        if (kind == DragPayload.Kind.DIRECTOR) {
            item.setTooltip(new Tooltip("Drop on the diagram to add a director (a single director becomes an HA pair);"
                    + " drag a director card onto the other to swap their priorities"));
        }
        drags.installSource(item, new PaletteDragSource(kind));
        return item;
    }

    private VBox history() {
        ListView<String> list = new ListView<>(vm.history());
        list.setId("edit-history");
        VBox.setVgrow(list, Priority.ALWAYS);
        VBox box = new VBox(4, new Label("History"), list);
        box.setPadding(new Insets(6));
        return box;
    }

    private void select(MouseEvent event) {
        Object item = diagram.itemAt(event.getPickResult().getIntersectedNode());
        Optional<EditTarget> target = target(item);
        if (target.isEmpty()) {
            if (event.isStillSincePress()) {
                vm.selection().clear();
            }
            return;
        }
        if (event.isShortcutDown() || event.isShiftDown()) {
            if (!vm.selection().remove(target.get())) {
                vm.selection().add(target.get());
            }
        } else {
            vm.selection().setAll(target.get());
        }
    }

    private static Optional<EditTarget> target(Object item) {
        if (item instanceof RealServerItem server && server.directorId() == null) {
            return Optional.of(DiagramDragSource.target(server));
        }
        if (item instanceof VipItem vip) {
            return Optional.of(new EditTarget.Service(ServiceKey.parse(vip.key())));
        }
        if (item instanceof DirectorItem director) {
            return Optional.of(new EditTarget.DirectorRef(director.id()));
        }
        return Optional.empty();
    }

    /** Error badges and selection marks on the diagram's cards. */
    private void decorate() {
        for (Node node : diagram.lookupAll("." + DiagramStyles.CARD)) {
            Optional<EditTarget> target = target(diagram.itemAt(node));
            List<Problem> problems = target.flatMap(vm::pointerOf).map(vm::problemsUnder).orElse(List.of());
            toggle(node, EditingStyles.ERROR_BADGE, !problems.isEmpty());
            toggle(node, EditingStyles.SELECTED, target.isPresent() && vm.selection().contains(target.get()));
            if (node instanceof javafx.scene.control.Control control) {
                control.setTooltip(problems.isEmpty() ? null : new Tooltip(problems.get(0).toString()));
            } else {
                Tooltip.install(node, problems.isEmpty() ? null : new Tooltip(problems.get(0).toString()));
            }
        }
    }

    private static void toggle(Node node, String style, boolean on) {
        if (on && !node.getStyleClass().contains(style)) {
            node.getStyleClass().add(style);
        } else if (!on) {
            node.getStyleClass().remove(style);
        }
    }

    private void paste() {
        Optional<ServiceKey> into = vm.selection().stream().map(t -> t instanceof EditTarget.Service s ? s.service()
                : t instanceof EditTarget.Server r ? r.service() : null).filter(java.util.Objects::nonNull).findFirst();
        into.ifPresent(key -> vm.paste(key, javafx.scene.input.Clipboard.getSystemClipboard().hasString()
                ? javafx.scene.input.Clipboard.getSystemClipboard().getString() : null));
    }

    /** Live verdicts and counters are fetched in the background first, so the warnings can count connections. */
    private void review() {
        assert Platform.isFxApplicationThread();
        executor.execute(facts, this::review, failure -> review(LiveFacts.NONE));
    }

    private void review(LiveFacts live) {
        assert Platform.isFxApplicationThread();
        ReviewDialog dialog = new ReviewDialog(vm.review(live));
        dialog.initOwner(getScene() == null ? null : getScene().getWindow());
        dialog.showAndWait().filter(b -> b == ReviewDialog.APPLY)
                .ifPresent(b -> vm.apply(agents.get(), executor, Duration.ofSeconds(20)));
    }

    private void conflict(ApplyOutcome outcome) {
        ButtonType reload = new ButtonType("Reload theirs", ButtonBar.ButtonData.LEFT);
        ButtonType mine = new ButtonType("Apply mine on top", ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.WARNING, outcome.reason(), reload, mine, ButtonType.CANCEL);
        alert.setHeaderText("Someone else changed " + outcome.conflict().directorId());
        alert.getDialogPane().lookupButton(reload).setId("conflict-reload");
        alert.getDialogPane().lookupButton(mine).setId("conflict-mine");
        ListView<String> theirs = new ListView<>();
        theirs.setId("conflict-changes");
        theirs.getItems().add("Their change:");
        theirs.getItems().addAll(outcome.conflict().theirChanges());
        theirs.getItems().add("Yours on top of theirs would:");
        theirs.getItems().addAll(outcome.conflict().oursOverTheirs());
        alert.getDialogPane().setExpandableContent(theirs);
        alert.getDialogPane().setExpanded(true);
        alert.initOwner(getScene() == null ? null : getScene().getWindow());
        Optional<ButtonType> choice = alert.showAndWait();
        if (choice.isPresent() && choice.get() == reload) {
            vm.reload(outcome.conflict().theirs());
        } else if (choice.isPresent() && choice.get() == mine) {
            vm.rebaseOnto(outcome.conflict().theirs());
            List<DirectorAgent> rebased = agents.get().stream()
                    .map(a -> a.withKnownRevision(outcome.revisions().getOrDefault(a.id(), a.knownRevision()))).toList();
            vm.apply(rebased, executor, Duration.ofSeconds(20));
        }
    }
}
