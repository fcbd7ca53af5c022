-- /api/v1/stats counts songs the scan could not read (failed_songs); without this partial index that count
-- scans the whole song table. Few rows ever have a scan error, so the index stays tiny.
CREATE INDEX song_scan_error_idx ON song (id) WHERE scan_error IS NOT NULL;
