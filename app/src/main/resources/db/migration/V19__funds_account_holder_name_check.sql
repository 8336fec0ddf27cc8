-- A payment goes only to an account in the enterprise's registered name; an account held under another name
-- (a branch, a name change not yet registered) is paid only after a finance officer confirms the exception.
ALTER TABLE bank_account
    ADD COLUMN name_exception_by     VARCHAR(50),
    ADD COLUMN name_exception_at     TIMESTAMPTZ,
    ADD COLUMN name_exception_reason TEXT;

-- Names compared as people write them: surrounding spaces and full-width brackets do not make another name.
CREATE FUNCTION zhida_same_name(a TEXT, b TEXT) RETURNS BOOLEAN LANGUAGE sql IMMUTABLE AS $$
    SELECT translate(btrim(a), '（）　', '() ') = translate(btrim(b), '（）　', '() ')
$$;
