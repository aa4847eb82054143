package io.civicpulse.cli;

public class CivicPulseJobsApplication {
    public static void main(String[] args) {
    }
}
