-- The oldest paper date a subscriber asked for (/subscribe … since YYYY-MM-DD), ISO text; null for
-- the delivery window alone.
ALTER TABLE subscription ADD COLUMN since TEXT;
