package io.civicpulse.dashboard;

public class CivicPulseDashboardApplication {
    public static void main(String[] args) {
    }
}
