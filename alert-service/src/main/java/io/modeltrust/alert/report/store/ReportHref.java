package io.modeltrust.alert.report.store;

/** The download path of a stored report, the one place it is spelled. */
public final class ReportHref {

    private ReportHref() {
    }

    public static String of(String reportId) {
        return "/api/v1/reports/" + reportId;
    }
}
