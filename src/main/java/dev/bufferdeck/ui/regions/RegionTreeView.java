package dev.bufferdeck.ui.regions;

import dev.bufferdeck.format.regions.Region;
import dev.bufferdeck.format.regions.RegionTree;
import dev.bufferdeck.ui.icons.Glyph;
import dev.bufferdeck.ui.icons.Icon;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.layout.HBox;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The regions of a buffer as a collapsible tree. Children are made when an item is first expanded,
 * long runs in pages, so a tree of any size opens at once. Choosing an item tells
 * {@link #onRegionChosenProperty()} the region (a page item stands for its whole byte range).
 */
public final class RegionTreeView extends TreeView<Region> {
    public static final String DEFAULT_STYLE_CLASS = "region-tree";

    private final ObjectProperty<RegionTree> tree = new SimpleObjectProperty<>();
    private final ObjectProperty<Consumer<Region>> onRegionChosen = new SimpleObjectProperty<>(r -> { });
    private final List<TreeItem<Region>> autoExpanded = new ArrayList<>();
    private boolean revealing;

    public RegionTreeView() {
        createView();
        init();
    }

    private void createView() {
        getStyleClass().add(DEFAULT_STYLE_CLASS);
        getStylesheets().add(RegionColors.stylesheet());
        setShowRoot(false);
        setRoot(new TreeItem<>());
        setCellFactory(v -> new RegionCell());
    }

    private void init() {
        tree.addListener((o, old, t) -> {
            autoExpanded.clear();
            TreeItem<Region> root = new TreeItem<>();
            if (t != null) root.getChildren().setAll(RegionItem.itemsFor(t.roots(), 0, t.roots().size()));
            setRoot(root);
        });
        getSelectionModel().selectedItemProperty().addListener((o, old, item) -> {
            if (item != null && item.getValue() != null && !revealing) onRegionChosen.get().accept(item.getValue());
        });
    }

    public ObjectProperty<RegionTree> treeProperty() { return tree; }
    public void setTree(RegionTree t) { tree.set(t); }
    public RegionTree getTree() { return tree.get(); }

    /** Told the region whose bytes the user picked. */
    public ObjectProperty<Consumer<Region>> onRegionChosenProperty() { return onRegionChosen; }
    public void setOnRegionChosen(Consumer<Region> c) { onRegionChosen.set(c == null ? r -> { } : c); }

    /**
     * Expands the path down to the region equal to {@code target} (same offset and length), selects and
     * scrolls to it without telling {@link #onRegionChosenProperty()}. Items this opened for an earlier
     * reveal and that are off the new path are closed again.
     */
    public boolean reveal(Region target) {
        TreeItem<Region> item = getRoot();
        List<TreeItem<Region>> path = new ArrayList<>();
        while (true) {
            TreeItem<Region> next = childHolding(item.getChildren(), target.offset());
            if (next == null) break;
            path.add(next);
            Region v = next.getValue();
            if (v.offset() == target.offset() && v.length() == target.length() && !isPage(next)) break;
            item = next;
        }
        if (path.isEmpty()) return false;
        TreeItem<Region> found = path.get(path.size() - 1);
        // closing the item that holds the selected one moves the selection to it: that is no choice of the user's either
        revealing = true;
        try {
            for (TreeItem<Region> old : autoExpanded) if (!path.contains(old)) old.setExpanded(false);
            autoExpanded.clear();
            for (int i = 0; i < path.size() - 1; i++) {
                TreeItem<Region> p = path.get(i);
                if (!p.isExpanded()) {
                    p.setExpanded(true);
                    autoExpanded.add(p);
                }
            }
            getSelectionModel().select(found);
        } finally {
            revealing = false;
        }
        int row = getRow(found);
        if (row >= 0 && !showsRow(row)) scrollTo(Math.max(0, row - 3));
        return true;
    }

    /**
     * True when row {@code row} is wholly on screen: following playback then only moves the selection,
     * and the rows (each described anew) are laid out again only when it leaves the view.
     */
    private boolean showsRow(int row) {
        if (!(lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) return false;
        var first = flow.getFirstVisibleCell();
        var last = flow.getLastVisibleCell();
        if (first == null || last == null) return false;
        // the first and last cells may be cut by the edges: count only the rows inside them
        return row > first.getIndex() && row < last.getIndex();
    }

    private static boolean isPage(TreeItem<Region> item) {
        return item instanceof RegionItem r && r.isPage();
    }

    private static TreeItem<Region> childHolding(List<TreeItem<Region>> sorted, long offset) {
        int lo = 0, hi = sorted.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            Region r = sorted.get(mid).getValue();
            if (offset < r.offset()) hi = mid - 1;
            else if (offset >= r.end()) lo = mid + 1;
            else return sorted.get(mid);
        }
        return null;
    }

    private static final class RegionCell extends TreeCell<Region> {
        private final Label name = new Label();
        private final Label description = new Label();
        private final Icon problem = new Icon(Glyph.ALERT_CIRCLE);
        private final HBox box = new HBox(6);
        private final Tooltip tooltip = new Tooltip();

        RegionCell() {
            name.getStyleClass().add("region-name");
            name.setMinWidth(USE_PREF_SIZE);
            description.getStyleClass().add("region-description");
            description.setMinWidth(0);
            problem.getStyleClass().add("region-problem");
            box.setMinWidth(0);
        }

        /**
         * Asks for no width of its own, so the tree never scrolls sideways: every cell is as wide as
         * the tree, and a description that does not fit ends in an ellipsis (the tooltip and the line
         * under the hex view give it whole).
         */
        @Override
        protected double computePrefWidth(double height) {
            return 0;
        }

        @Override
        protected void layoutChildren() {
            super.layoutChildren();
            double room = getWidth() - snappedRightInset() - box.getLayoutX();
            if (getGraphic() == box && room > 0 && box.getWidth() > room) box.resize(room, box.getHeight());
        }

        @Override
        protected void updateItem(Region r, boolean empty) {
            super.updateItem(r, empty);
            getStyleClass().remove("region-page");
            if (empty || r == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            if (isPage(getTreeItem())) getStyleClass().add("region-page");
            name.setText(r.name());
            description.setText(r.description());
            box.getChildren().setAll(RegionColors.swatch(r.kind()), name, description);
            if (!r.problems().isEmpty()) box.getChildren().add(1, problem);
            setText(null);
            setGraphic(box);
            String problems = r.problems().stream().map(Object::toString).limit(5).collect(Collectors.joining("\n"));
            tooltip.setText((RegionText.hasDescription(r) ? r.description() + "\n" : "") + RegionText.extent(r)
                    + (problems.isEmpty() ? "" : "\n" + problems));
            setTooltip(tooltip);
        }
    }
}
