-- An enterprise (or a system it authorized) may withdraw an application before it is decided (撤回申报). A withdrawn
-- application is finished, and frees the enterprise to apply again for the same item and period.
ALTER TABLE application DROP CONSTRAINT application_status_check;
ALTER TABLE application ADD CONSTRAINT application_status_check CHECK (status IN ('SUBMITTED', 'RETURNED', 'ACCEPTED', 'DISPATCHED',
    'APPROVED', 'REJECTED', 'REFUSED', 'PAID', 'WITHDRAWN'));
ALTER TABLE application ADD COLUMN withdrawn_at TIMESTAMPTZ;

DROP INDEX application_live_once;
CREATE UNIQUE INDEX application_live_once ON application (uscc, item_code, period) WHERE status NOT IN ('REFUSED', 'REJECTED', 'WITHDRAWN');
