-- The dashboard's filter options and goal counts read one period of one kind of slice: the channels, the districts,
-- a department's services or districts. With (grain, period_start) alone that read the whole period, every slice of
-- it (tens of thousands of rows a month at New York scale); with the slice's columns after the period it seeks the
-- few rows of that kind. Publishing still finds a period's rows by the leading (grain, period_start).
DROP INDEX kpi_result_by_period;
CREATE INDEX kpi_result_by_period ON kpi_result (grain, period_start, department, service, channel, district);
