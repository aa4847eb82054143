package io.civicpulse.generate;

import java.util.List;

/** A department of the sample city, with the services residents can request from it. */
public record Department(String code, String name, List<DepartmentService> services) {

    public Department {
        services = List.copyOf(services);
    }
}
