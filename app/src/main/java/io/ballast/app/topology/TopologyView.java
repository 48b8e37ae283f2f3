package io.ballast.app.topology;

import io.ballast.model.ClusterForm;
import io.ballast.model.api.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The live cluster diagram: clients → VIPs → directors → real servers, laid out per form,
 * links as wide as their traffic, flowing while traffic passes. Zoom, pan, fit; a click selects.
 */
public final class TopologyView extends StackPane {

    /** Below this zoom the real servers' text is hidden: unreadable anyway, and the costliest thing to draw. */
    static final double FAR_ZOOM = 0.4;
    /** Above this many boxes the cards lose their shadows (expensive in software rendering). */
    static final int DENSE_CARDS = 150;
    private static final PseudoClass FAR = PseudoClass.getPseudoClass("far");
    private static final PseudoClass DENSE = PseudoClass.getPseudoClass("dense");

    /**
     * Above this many grouped real servers the live diagram draws them as tiles on one canvas
     * (ServerTiles) instead of one node tree per server; the same point where per-server links stop.
     */
    public static final int TILE_THRESHOLD = 64;

    private final ClusterViewModel vm;
    private final Pane picture = new Pane();
    private final Group edgeLayer = new Group();
    private final Group cardLayer = new Group();
    private final ZoomPane zoomPane;
    private final Label notice = new Label();
    private final VBox emptyState;
    private final Map<Object, DiagramCard> cards = new IdentityHashMap<>();
    private final List<DiagramEdge> clientEdges = new ArrayList<>();
    private final List<List<DiagramEdge>> vipEdges = new ArrayList<>();
    private final List<DiagramEdge> serverEdges = new ArrayList<>();
    private final List<DiagramEdge> groupEdges = new ArrayList<>();
    private final Map<DirectorItem, DiagramEdge> arcEdges = new HashMap<>();
    private TopologyLayout layout;
    private boolean perServerEdges;
    private final LinkFlow flow;
    private final boolean mayTile;
    private final TilePalette palette = new TilePalette();
    private ServerTiles tiles;

    /** The live diagram: large clusters' real servers are drawn as tiles on a canvas. */
    public TopologyView(ClusterViewModel vm) {
        this(vm, true);
    }

    /**
     * A diagram whose every box is a node, whatever the size: for the editor, whose drag sources,
     * drop targets and error badges work on the boxes' nodes.
     */
    public static TopologyView withCards(ClusterViewModel vm) {
        return new TopologyView(vm, false);
    }

    private TopologyView(ClusterViewModel vm, boolean mayTile) {
        this.vm = vm;
        this.mayTile = mayTile;
        getStyleClass().add(DiagramStyles.DIAGRAM);
        picture.getChildren().addAll(edgeLayer, cardLayer);
        picture.setPickOnBounds(false);
        zoomPane = new ZoomPane(picture);
        notice.getStyleClass().add(DiagramStyles.SPOF);
        notice.setGraphic(new FontIcon(Material2MZ.WARNING));
        StackPane.setAlignment(notice, Pos.TOP_LEFT);
        StackPane.setMargin(notice, new Insets(12));
        notice.setVisible(false);
        Label emptyTitle = new Label("No cluster to show yet");
        emptyTitle.getStyleClass().add("title-3");
        Label emptyHint = new Label("Add a cluster (Ctrl+N) with its agents' addresses, token and certificate fingerprint.");
        emptyState = new VBox(8, emptyTitle, emptyHint);
        emptyState.setAlignment(Pos.CENTER);
        emptyState.setMouseTransparent(true);
        getChildren().addAll(palette.probes(), zoomPane, emptyState, notice);

        zoomPane.setOnMouseClicked(e -> {
            if (e.isStillSincePress()) {
                vm.selectionProperty().set(itemAt(e.getPickResult().getIntersectedNode(), e.getSceneX(), e.getSceneY()));
            }
        });
        zoomPane.zoomProperty().addListener((o, a, z) -> pseudoClassStateChanged(FAR, z.doubleValue() < FAR_ZOOM));
        vm.structureProperty().addListener(o -> rebuild());
        vm.ratesUpdatedProperty().addListener(o -> updateLoads());
        vm.selectionProperty().addListener((o, old, now) -> {
            if (old != null && cards.containsKey(old)) {
                cards.get(old).setSelected(false);
            }
            if (now != null && cards.containsKey(now)) {
                cards.get(now).setSelected(true);
            }
            if (tiles != null) {
                tiles.select(now);
            }
        });
        flow = new LinkFlow(edgeLayer, zoomPane.zoomProperty());
        flow.setEveryPulse(() -> {
            if (tiles != null) {
                tiles.redrawIfDirty();
            }
        });
        sceneProperty().addListener((o, a, scene) -> {
            if (scene == null) {
                flow.stop();
            } else {
                flow.start();
            }
        });
        rebuild();
    }

    public ZoomPane zoomPane() {
        return zoomPane;
    }

    public void fit() {
        zoomPane.fit();
    }

    /** Number of boxes drawn as nodes: for tests and the benchmark. */
    public int cardCount() {
        return cards.size();
    }

    /** Number of real servers drawn as canvas tiles (0 unless the cluster is large). */
    public int tileCount() {
        return tiles == null ? 0 : tiles.size();
    }

    /** How often the tiles' canvas was redrawn: at most once per pulse, however many figures changed. */
    public long tileRedraws() {
        return tiles == null ? 0 : tiles.draws();
    }

    /** Where a real server's tile is on screen, or null when it is not a tile (small clusters, the editor). */
    public javafx.geometry.Bounds tileBoundsOnScreen(RealServerItem item) {
        javafx.geometry.Bounds local = tiles == null ? null : tiles.boundsOf(item);
        return local == null ? null : zoomPane.localToScreen(local);
    }

    /**
     * The item under a point of the scene: a real server's tile when the cluster is drawn with
     * tiles, else the card holding {@code picked} (see {@link #itemAt(javafx.scene.Node)}).
     */
    public Object itemAt(javafx.scene.Node picked, double sceneX, double sceneY) {
        if (tiles != null) {
            javafx.geometry.Point2D p = zoomPane.sceneToLocal(sceneX, sceneY);
            RealServerItem tile = p == null ? null : tiles.itemAt(p.getX(), p.getY());
            if (tile != null) {
                return tile;
            }
        }
        return cardAt(picked);
    }

    /**
     * The item (VipItem, RealServerItem, DirectorItem) of the card that holds {@code node}, or null:
     * lets the editing feature's drag sources and drop targets work on this diagram.
     */
    public Object itemAt(javafx.scene.Node node) {
        return cardAt(node);
    }

    private Object cardAt(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null && n != this; n = n.getParent()) {
            if (n instanceof DiagramCard card) {
                return card.item();
            }
        }
        return null;
    }

    private void rebuild() {
        edgeLayer.getChildren().clear();
        cardLayer.getChildren().clear();
        cards.clear();
        clientEdges.clear();
        vipEdges.clear();
        serverEdges.clear();
        groupEdges.clear();
        arcEdges.clear();
        emptyState.setVisible(vm.directors().isEmpty() && vm.vips().isEmpty());

        ClusterForm form = vm.formProperty().get();
        Map<String, List<RealServerItem>> byService = new HashMap<>();
        Map<String, List<RealServerItem>> byDirector = new HashMap<>();
        for (RealServerItem rs : vm.realServers()) {
            if (rs.directorId() != null) {
                byDirector.computeIfAbsent(rs.directorId(), d -> new ArrayList<>()).add(rs);
            } else {
                byService.computeIfAbsent(rs.serviceKey(), s -> new ArrayList<>()).add(rs);
            }
        }
        List<VipItem> groupedVips = vm.vips().stream().filter(v -> byService.containsKey(v.key())).toList();
        List<Integer> counts = groupedVips.stream().map(v -> byService.get(v.key()).size()).toList();
        layout = TopologyLayout.of(form, vm.vips().size(), vm.directors().size(), counts);
        int grouped = counts.stream().mapToInt(Integer::intValue).sum();
        perServerEdges = grouped <= 64;
        useTiles(mayTile && grouped > TILE_THRESHOLD);

        DiagramCard clients = new ClientsCard(layout.clients());
        cardLayer.getChildren().add(clients);
        for (int i = 0; i < vm.vips().size(); i++) {
            VipItem vip = vm.vips().get(i);
            TopologyLayout.Box box = layout.vips().get(i);
            add(new VipCard(vip, box));
            clientEdges.add(edge(layout.clients().right(), layout.clients().centerY(), box.x(), box.centerY()));
            List<DiagramEdge> row = new ArrayList<>();
            for (TopologyLayout.Box d : layout.directors()) {
                row.add(edge(box.right(), box.centerY(), d.x(), d.centerY()));
            }
            vipEdges.add(row);
        }
        InvalidationListener restyle = o -> restyle();
        for (int i = 0; i < vm.directors().size(); i++) {
            DirectorItem director = vm.directors().get(i);
            add(new DirectorCard(director, byDirector.getOrDefault(director.id(), List.of()), layout.directors().get(i)));
            director.badgeProperty().addListener(restyle);
            if (director.alsoRealServer()) {
                arcEdges.put(director, edge(0, 0, 0, 0));
            }
        }
        for (int g = 0; g < groupedVips.size(); g++) {
            VipItem vip = groupedVips.get(g);
            TopologyLayout.Group group = layout.groups().get(g);
            List<RealServerItem> servers = byService.get(vip.key());
            if (tiles != null) {
                tiles.addGroup(vip, group.frame(), servers, group.servers());
                groupEdges.add(edge(0, 0, group.frame().x(), group.frame().y() + TopologyLayout.GROUP_HEADER / 2));
                continue;
            }
            cardLayer.getChildren().add(new ServiceGroupFrame(vip, group.frame()));
            for (int s = 0; s < servers.size(); s++) {
                ServerCard card = new ServerCard(servers.get(s), group.servers().get(s));
                add(card);
                if (perServerEdges) {
                    serverEdges.add(edge(0, 0, card.getLayoutX(), group.servers().get(s).centerY()));
                }
            }
            if (!perServerEdges) {
                groupEdges.add(edge(0, 0, group.frame().x(), group.frame().y() + TopologyLayout.GROUP_HEADER / 2));
            }
        }
        if (tiles != null) {
            cardLayer.getChildren().add(tiles.area());
            tiles.select(vm.selectionProperty().get());
        }
        DiagramCard selected = cards.get(vm.selectionProperty().get());
        if (selected != null) {
            selected.setSelected(true);
        }
        pseudoClassStateChanged(DENSE, cards.size() + tileCount() > DENSE_CARDS);
        boolean spof = vm.singlePointOfFailure() && !vm.directors().isEmpty();
        notice.setText(spof ? "Single director: if " + vm.directors().get(0).id() + " fails, nothing takes over" : "");
        notice.setVisible(spof);
        restyle();
        if (getWidth() > 0) {
            Platform.runLater(zoomPane::fit);
        }
    }

    private void useTiles(boolean on) {
        if (on && tiles == null) {
            tiles = new ServerTiles(zoomPane, palette);
        } else if (!on && tiles != null) {
            tiles.detach();
            tiles = null;
        }
        if (tiles != null) {
            tiles.clear();
        }
    }

    private void add(DiagramCard card) {
        cards.put(card.item(), card);
        cardLayer.getChildren().add(card);
    }

    private DiagramEdge edge(double x1, double y1, double x2, double y2) {
        return flow.add(x1, y1, x2, y2);
    }

    /** The active director: the live MASTER; in SINGLE the one director as long as it is live and not FAULT. */
    private int activeDirector() {
        for (int i = 0; i < vm.directors().size(); i++) {
            Role role = vm.directors().get(i).liveRole();
            if (role == Role.MASTER || vm.singlePointOfFailure() && role != null && role != Role.FAULT) {
                return i;
            }
        }
        return -1;
    }

    private void restyle() {
        int active = activeDirector();
        for (List<DiagramEdge> row : vipEdges) {
            for (int d = 0; d < row.size(); d++) {
                Role role = vm.directors().get(d).liveRole();
                row.get(d).setKind(d == active ? DiagramStyles.EDGE_ACTIVE : role == Role.BACKUP ? DiagramStyles.EDGE_STANDBY : DiagramStyles.EDGE_DOWN);
            }
        }
        String downstream = active >= 0 ? DiagramStyles.EDGE_ACTIVE : DiagramStyles.EDGE_DOWN;
        clientEdges.forEach(e -> e.setKind(active >= 0 ? DiagramStyles.EDGE_ACTIVE : DiagramStyles.EDGE_DOWN));
        TopologyLayout.Box from = layout.directors().isEmpty() ? layout.clients()
                : layout.directors().get(Math.max(active, 0));
        for (DiagramEdge edge : serverEdges) {
            edge.connect(from.right(), from.centerY(), edge.getEndX(), edge.getEndY());
        }
        for (DiagramEdge edge : groupEdges) {
            edge.connect(from.right(), from.centerY(), edge.getEndX(), edge.getEndY());
            edge.setKind(downstream);
        }
        for (int d = 0; d < vm.directors().size(); d++) {
            DiagramEdge arc = arcEdges.get(vm.directors().get(d));
            if (arc == null) {
                continue;
            }
            TopologyLayout.Box box = layout.directors().get(d);
            boolean self = d == active || active < 0;
            arc.setVisible(!self);
            arc.arc(from.right(), from.centerY() + 10, box.centerY());
            arc.setKind(downstream);
        }
        updateLoads();
    }


    private void updateLoads() {
        double maxVip = vm.maxThroughputProperty().get();
        int active = activeDirector();
        for (int i = 0; i < vm.vips().size(); i++) {
            double load = vm.vips().get(i).throughputProperty().get();
            clientEdges.get(i).setLoad(load, maxVip);
            List<DiagramEdge> row = vipEdges.get(i);
            for (int d = 0; d < row.size(); d++) {
                row.get(d).setLoad(d == active ? load : 0, maxVip);
            }
        }
        if (perServerEdges) {
            List<RealServerItem> grouped = vm.realServers().stream().filter(rs -> rs.directorId() == null).toList();
            double maxServer = grouped.stream().mapToDouble(rs -> rs.throughputProperty().get()).max().orElse(0);
            boolean flowing = activeDirector() >= 0;
            for (int i = 0; i < serverEdges.size() && i < grouped.size(); i++) {
                RealServerItem rs = grouped.get(i);
                serverEdges.get(i).setLoad(rs.throughputProperty().get(), maxServer);
                serverEdges.get(i).setKind(flowing && rs.healthProperty().get() != Health.DOWN
                        ? DiagramStyles.EDGE_ACTIVE : DiagramStyles.EDGE_DOWN);
            }
        } else {
            List<VipItem> grouped = vm.vips().stream().filter(v -> v.service().realServers().stream()
                    .anyMatch(rs -> vm.directors().stream().noneMatch(d -> d.alsoRealServer() && d.director().address().equals(rs.address()))))
                    .toList();
            for (int i = 0; i < groupEdges.size() && i < grouped.size(); i++) {
                groupEdges.get(i).setLoad(grouped.get(i).throughputProperty().get(), maxVip);
            }
        }
        double maxNode = 0;
        Map<DirectorItem, Double> nodeLoad = new HashMap<>();
        for (DirectorItem d : arcEdges.keySet()) {
            double load = vm.realServers().stream().filter(rs -> d.id().equals(rs.directorId()))
                    .mapToDouble(rs -> rs.throughputProperty().get()).sum();
            nodeLoad.put(d, load);
            maxNode = Math.max(maxNode, load);
        }
        for (Map.Entry<DirectorItem, DiagramEdge> arc : arcEdges.entrySet()) {
            arc.getValue().setLoad(nodeLoad.get(arc.getKey()), maxNode);
        }
        flow.collect();
    }
}
