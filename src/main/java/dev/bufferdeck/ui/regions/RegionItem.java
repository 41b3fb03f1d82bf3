package dev.bufferdeck.ui.regions;

import dev.bufferdeck.format.regions.Region;
import dev.bufferdeck.format.regions.RegionKind;
import javafx.collections.ObservableList;
import javafx.scene.control.TreeItem;

import java.util.ArrayList;
import java.util.List;

/**
 * A tree item whose children are made on first expand. A region with more than {@link #PAGE}
 * children gets page items ("frame 0 … frame 998") of at most {@code PAGE} each, pages of pages when
 * needed, so opening an hour of MPEG frames makes a few hundred items, not a hundred thousand.
 */
final class RegionItem extends TreeItem<Region> {
    static final int PAGE = 1000;

    private final List<Region> source;
    private final int from;
    private final int to;
    private final boolean page;
    private boolean loaded;

    private RegionItem(Region value, List<Region> source, int from, int to, boolean page) {
        super(value);
        this.source = source;
        this.from = from;
        this.to = to;
        this.page = page;
    }

    static RegionItem of(Region region) {
        List<Region> children = region.children();
        return new RegionItem(region, children, 0, children.size(), false);
    }

    private static RegionItem page(List<Region> source, int from, int to) {
        Region first = source.get(from);
        Region last = source.get(to - 1);
        String name = first.name() + " … " + last.name();
        Region range = new Region(name, RegionKind.CONTAINER, first.offset(), last.end() - first.offset(),
                String.format("%,d regions", to - from), List.of(), List.of());
        return new RegionItem(range, source, from, to, true);
    }

    /** Items for {@code list[from, to)}: one per region, or pages when there are more than {@link #PAGE}. */
    static List<TreeItem<Region>> itemsFor(List<Region> list, int from, int to) {
        int count = to - from;
        List<TreeItem<Region>> items = new ArrayList<>(Math.min(count, PAGE));
        if (count <= PAGE) {
            for (int i = from; i < to; i++) items.add(of(list.get(i)));
            return items;
        }
        long span = PAGE;
        while ((count + span - 1) / span > PAGE) span *= PAGE;
        for (long start = from; start < to; start += span) {
            items.add(page(list, (int) start, (int) Math.min(to, start + span)));
        }
        return items;
    }

    boolean isPage() { return page; }

    @Override
    public boolean isLeaf() {
        return from >= to;
    }

    @Override
    public ObservableList<TreeItem<Region>> getChildren() {
        ObservableList<TreeItem<Region>> children = super.getChildren();
        if (!loaded) {
            loaded = true;
            children.setAll(itemsFor(source, from, to));
        }
        return children;
    }

    boolean isLoaded() { return loaded; }
}
