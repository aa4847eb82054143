-- Every dashboard view reads one slice (a department, a service, a channel or a district, or the city) over a
-- range of periods. The primary key leads with kpi and the other index with (grain, period_start), so such a read
-- scanned every slice of every period in the range: tens of thousands of rows for a year of a large city's
-- results, to keep a few hundred. Led by the slice, this index answers it with one range seek.
CREATE INDEX kpi_result_by_slice ON kpi_result (grain, department, service, channel, district, period_start);
