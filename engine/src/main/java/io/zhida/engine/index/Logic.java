package io.zhida.engine.index;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;

/** AND, OR and NOT with Kleene logic: false beats unknown in AND, true beats unknown in OR, as CEL's && and || do. */
final class Logic {

    private Logic() {
    }

    /**
     * A cheap leaf during a full recompute comes from the shared cache (evaluated once over all rows,
     * then cut to the domain); anything else is evaluated on the domain alone.
     */
    static Selection select(PlanNode child, SelectContext ctx, RoaringBitmap domain) {
        if (!ctx.sharesLeaves() || child.cost() > 1 || child instanceof And || child instanceof Or || child instanceof Not) {
            return child.select(ctx, domain);
        }
        Selection all = ctx.overAll(child);
        if (domain == ctx.all) {
            return all;
        }
        return new Selection(RoaringBitmap.and(all.whereTrue(), domain), RoaringBitmap.and(all.whereUnknown(), domain));
    }

    static final class And extends PlanNode {
        final List<PlanNode> children;

        And(List<PlanNode> children, EnterpriseTable table) {
            List<PlanNode> ordered = new ArrayList<>(children);
            ordered.sort(Comparator.comparingInt(PlanNode::cost).thenComparingLong(c -> c.reach(table)));
            this.children = List.copyOf(ordered);
        }

        @Override
        byte test(Row row) {
            byte result = Truth.TRUE;
            for (PlanNode child : children) {
                byte t = child.test(row);
                if (t == Truth.FALSE) {
                    return Truth.FALSE;
                }
                if (t == Truth.UNKNOWN) {
                    result = Truth.UNKNOWN;
                }
            }
            return result;
        }

        @Override
        Selection select(SelectContext ctx, RoaringBitmap domain) {
            RoaringBitmap whereTrue = domain.clone();
            RoaringBitmap whereUnknown = new RoaringBitmap();
            RoaringBitmap live = domain; // not yet false; children only look at these
            for (PlanNode child : children) {
                if (live.isEmpty()) {
                    break;
                }
                Selection s = Logic.select(child, ctx, live);
                RoaringBitmap notFalse = RoaringBitmap.or(s.whereTrue(), s.whereUnknown());
                RoaringBitmap nextTrue = RoaringBitmap.and(whereTrue, s.whereTrue());
                whereUnknown = RoaringBitmap.andNot(RoaringBitmap.and(RoaringBitmap.or(whereTrue, whereUnknown), notFalse), nextTrue);
                whereTrue = nextTrue;
                live = notFalse;
            }
            return new Selection(whereTrue, whereUnknown);
        }

        @Override
        long reach(EnterpriseTable table) {
            return children.stream().mapToLong(c -> c.reach(table)).min().orElse(table.size());
        }

        @Override
        int cost() {
            return children.stream().mapToInt(PlanNode::cost).max().orElse(0);
        }
    }

    static final class Or extends PlanNode {
        final List<PlanNode> children;

        Or(List<PlanNode> children) {
            List<PlanNode> ordered = new ArrayList<>(children);
            ordered.sort(Comparator.comparingInt(PlanNode::cost));
            this.children = List.copyOf(ordered);
        }

        @Override
        byte test(Row row) {
            byte result = Truth.FALSE;
            for (PlanNode child : children) {
                byte t = child.test(row);
                if (t == Truth.TRUE) {
                    return Truth.TRUE;
                }
                if (t == Truth.UNKNOWN) {
                    result = Truth.UNKNOWN;
                }
            }
            return result;
        }

        @Override
        Selection select(SelectContext ctx, RoaringBitmap domain) {
            RoaringBitmap whereTrue = new RoaringBitmap();
            RoaringBitmap whereUnknown = new RoaringBitmap();
            RoaringBitmap live = domain; // not yet true
            for (PlanNode child : children) {
                if (live.isEmpty()) {
                    break;
                }
                Selection s = Logic.select(child, ctx, live);
                whereTrue.or(s.whereTrue());
                whereUnknown.andNot(s.whereTrue());
                whereUnknown.or(s.whereUnknown());
                live = RoaringBitmap.andNot(live, s.whereTrue());
            }
            return new Selection(whereTrue, whereUnknown);
        }

        @Override
        long reach(EnterpriseTable table) {
            return Math.min(table.size(), children.stream().mapToLong(c -> c.reach(table)).sum());
        }

        @Override
        int cost() {
            return children.stream().mapToInt(PlanNode::cost).max().orElse(0);
        }
    }

    static final class Not extends PlanNode {
        final PlanNode child;

        Not(PlanNode child) {
            this.child = child;
        }

        @Override
        byte test(Row row) {
            return Truth.not(child.test(row));
        }

        @Override
        Selection select(SelectContext ctx, RoaringBitmap domain) {
            Selection s = Logic.select(child, ctx, domain);
            RoaringBitmap whereFalse = RoaringBitmap.andNot(RoaringBitmap.andNot(domain, s.whereTrue()), s.whereUnknown());
            return new Selection(whereFalse, s.whereUnknown());
        }

        @Override
        long reach(EnterpriseTable table) {
            return table.size();
        }

        @Override
        int cost() {
            return child.cost();
        }
    }
}
