package io.civicpulse.dashboard.api;

import java.io.IOException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.civicpulse.dashboard.security.DepartmentNotAllowedException;
import io.civicpulse.dashboard.security.Problems;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The API's errors as RFC 9457 problem details ({@code application/problem+json}), whatever format the request
 * asked for: a CSV client still gets a reason it can show.
 */
@RestControllerAdvice(assignableTypes = KpiApiController.class)
class KpiApiErrors {

    @ExceptionHandler(BadParameterException.class)
    void badParameter(BadParameterException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "bad-parameter", "Bad parameter",
                e.getMessage());
        problem.setProperty("parameter", e.parameter());
        problem.setProperty("value", e.value());
        Problems.write(request, response, problem);
    }

    @ExceptionHandler(DepartmentNotAllowedException.class)
    void notAllowed(DepartmentNotAllowedException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "department-not-allowed", "Department not allowed",
                "This token's account may see the city's totals and its own departments only, not '"
                        + e.department() + "'");
        problem.setProperty("parameter", KpiQuery.DEPARTMENT);
        problem.setProperty("value", e.department());
        Problems.write(request, response, problem);
    }
}
