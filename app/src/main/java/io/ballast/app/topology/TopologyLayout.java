package io.ballast.app.topology;

import io.ballast.model.ClusterForm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each box of the diagram goes, in diagram coordinates, left to right:
 * clients → VIPs → directors → real servers grouped by service. In STREAMLINE the directors are
 * the real servers, so they sit in one column and are not repeated. Large clusters wrap their
 * service groups into several columns so the picture stays roughly as tall as the VIP column.
 * Pure arithmetic: tested without a toolkit.
 */
public final class TopologyLayout {

    public static final double CLIENT_W = 140;
    public static final double CLIENT_H = 72;
    public static final double VIP_W = 250;
    public static final double VIP_H = 68;
    public static final double DIRECTOR_W = 250;
    public static final double DIRECTOR_H = 92;
    public static final double SERVER_W = 226;
    public static final double SERVER_H = 58;
    public static final double GROUP_HEADER = 34;
    public static final double GAP = 16;
    public static final double COLUMN_GAP = 110;
    public static final double GROUP_PAD = 12;

    /** A box: position and size. */
    public record Box(double x, double y, double w, double h) {
        public double centerY() {
            return y + h / 2;
        }

        public double right() {
            return x + w;
        }
    }

    /** One service group: its frame and the boxes of its real servers, in spec order. */
    public record Group(Box frame, List<Box> servers) {
    }

    private final Box clients;
    private final List<Box> vips;
    private final List<Box> directors;
    private final List<Group> groups;

    private TopologyLayout(Box clients, List<Box> vips, List<Box> directors, List<Group> groups) {
        this.clients = clients;
        this.vips = vips;
        this.directors = directors;
        this.groups = groups;
    }

    /**
     * @param form          the cluster's form
     * @param vipCount      number of virtual services
     * @param directorCount number of directors
     * @param serverCounts  real servers per service that get their own box (streamline: those that are not directors)
     */
    public static TopologyLayout of(ClusterForm form, int vipCount, int directorCount, List<Integer> serverCounts) {
        double vipX = CLIENT_W + COLUMN_GAP;
        double directorX = vipX + VIP_W + COLUMN_GAP;
        double groupX = directorX + DIRECTOR_W + COLUMN_GAP + (form == ClusterForm.STREAMLINE ? 40 : 0);

        int total = serverCounts.stream().mapToInt(Integer::intValue).sum();
        int columnsPerGroup = total > 64 ? 4 : 1;
        List<double[]> groupSizes = new ArrayList<>();
        for (int count : serverCounts) {
            int cols = Math.max(1, Math.min(columnsPerGroup, count));
            int rows = (count + cols - 1) / cols;
            double w = cols * SERVER_W + (cols - 1) * GAP + 2 * GROUP_PAD;
            double h = GROUP_HEADER + rows * SERVER_H + Math.max(0, rows - 1) * GAP / 2 + GROUP_PAD;
            groupSizes.add(new double[] {w, count == 0 ? GROUP_HEADER : h, cols});
        }
        double vipHeight = stackHeight(vipCount, VIP_H);
        double directorHeight = stackHeight(directorCount, DIRECTOR_H) + (directorCount > 1 ? 40 * (directorCount - 1) : 0);
        double groupsHeight = groupSizes.stream().mapToDouble(g -> g[1] + GAP * 1.5).sum();
        // small clusters keep one column of groups; large ones wrap to about the VIP column's height
        double wrapAt = groupsHeight <= 1100 ? groupsHeight : Math.max(900, vipHeight);
        double target = Math.max(Math.max(vipHeight, directorHeight), wrapAt);

        List<Group> groups = new ArrayList<>();
        double x = groupX;
        double y = 0;
        double columnWidth = 0;
        for (int i = 0; i < serverCounts.size(); i++) {
            double[] size = groupSizes.get(i);
            if (y > 0 && y + size[1] > target) {
                x += columnWidth + COLUMN_GAP / 2;
                y = 0;
                columnWidth = 0;
            }
            Box frame = new Box(x, y, size[0], size[1]);
            List<Box> servers = new ArrayList<>();
            int cols = (int) size[2];
            for (int s = 0; s < serverCounts.get(i); s++) {
                int row = s / cols;
                int col = s % cols;
                servers.add(new Box(x + GROUP_PAD + col * (SERVER_W + GAP), y + GROUP_HEADER + row * (SERVER_H + GAP / 2),
                        SERVER_W, SERVER_H));
            }
            groups.add(new Group(frame, servers));
            y += size[1] + GAP * 1.5;
            columnWidth = Math.max(columnWidth, size[0]);
        }
        double height = Math.max(target, groups.stream().mapToDouble(g -> g.frame().y() + g.frame().h()).max().orElse(0));
        List<Box> vips = column(vipX, vipCount, VIP_W, VIP_H, GAP, height);
        List<Box> directors = column(directorX, directorCount, DIRECTOR_W, DIRECTOR_H, GAP + 40, height);
        Box clients = new Box(0, height / 2 - CLIENT_H / 2, CLIENT_W, CLIENT_H);
        return new TopologyLayout(clients, vips, directors, groups);
    }

    private static double stackHeight(int count, double h) {
        return count == 0 ? 0 : count * h + (count - 1) * GAP;
    }

    private static List<Box> column(double x, int count, double w, double h, double gap, double height) {
        double stack = count == 0 ? 0 : count * h + (count - 1) * gap;
        double y = Math.max(0, (height - stack) / 2);
        List<Box> boxes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            boxes.add(new Box(x, y + i * (h + gap), w, h));
        }
        return boxes;
    }

    public Box clients() {
        return clients;
    }

    public List<Box> vips() {
        return vips;
    }

    public List<Box> directors() {
        return directors;
    }

    public List<Group> groups() {
        return groups;
    }

    /** Every box, for fit-to-window and overlap checks. */
    public Map<String, Box> allBoxes() {
        Map<String, Box> all = new LinkedHashMap<>();
        all.put("clients", clients);
        for (int i = 0; i < vips.size(); i++) {
            all.put("vip" + i, vips.get(i));
        }
        for (int i = 0; i < directors.size(); i++) {
            all.put("director" + i, directors.get(i));
        }
        for (int g = 0; g < groups.size(); g++) {
            all.put("group" + g, groups.get(g).frame());
            for (int s = 0; s < groups.get(g).servers().size(); s++) {
                all.put("group" + g + "/server" + s, groups.get(g).servers().get(s));
            }
        }
        return all;
    }
}
