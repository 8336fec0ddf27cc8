-- An item whose evaluation decided 停止执行: its pools take no new reservations (grants already made stay and are paid).
CREATE TABLE fund_item_stop (
    item_code  VARCHAR(40) PRIMARY KEY,
    reason     VARCHAR(1000) NOT NULL,
    stopped_by VARCHAR(100) NOT NULL,
    stopped_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
