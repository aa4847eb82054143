-- How a feed was derived when the city did not record it itself (the importer derives one contact per request
-- from an open-data export); NULL for a recorded feed. The run history shows it next to the feed's counts.
ALTER TABLE run_feed_stats ADD COLUMN derived_from VARCHAR(500);
