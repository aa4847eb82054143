package io.civicpulse.dashboard.quality;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Service;

import io.civicpulse.dashboard.security.Viewer;
import io.civicpulse.kpi.Grain;
import io.civicpulse.kpi.Slice;
import io.civicpulse.quality.DataQualityRepository;
import io.civicpulse.quality.DataQualityRepository.QualityRow;

/**
 * The data-quality counts the dashboard shows next to the KPIs they distort, kept to what the {@link Viewer} may
 * see: a department's counts need that department; the city's ({@code *}) are visible like the city's totals.
 */
@Service
public class DataQualityQueries {

    private final DataQualityRepository repository;

    public DataQualityQueries(DataQualityRepository repository) {
        this.repository = repository;
    }

    public List<QualityRow> of(Grain grain, LocalDate periodStart, String department) {
        if (!Slice.ALL.equals(department)) {
            Viewer.current().require(department);
        }
        return repository.find(grain, periodStart, List.of(department));
    }
}
