package org.claimdesk.dashboard;

import java.util.List;

import org.claimdesk.web.FieldProblem;
import org.claimdesk.web.FieldProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * The managers' figures, read by the Cockpit plugin ({@code plugin-webapp/claimdesk}) with the
 * Cockpit session, or by anyone's tools with HTTP Basic: groups {@code managers} and
 * {@code camunda-admin} only (see {@code web.MonitoringSecurityConfig}). Read-only.
 */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {

  private final DashboardQueries dashboard;
  private final CaseSheets sheets;

  DashboardController(DashboardQueries dashboard, CaseSheets sheets) {
    this.dashboard = dashboard;
    this.sheets = sheets;
  }

  @GetMapping
  DashboardFigures figures() {
    return dashboard.figures();
  }

  /** First replies past due (SL-1), the longest overdue first, a page at a time. */
  @GetMapping("/overdue-replies")
  List<DashboardQueries.OverdueReply> overdueReplies(
      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
    return dashboard.overdueReplies(page, size);
  }

  /** The case a process instance runs (the per-case view in Cockpit's process-instance page). */
  @GetMapping(value = "/cases", params = "processInstanceId")
  ResponseEntity<CaseSheet> caseOfProcessInstance(@RequestParam String processInstanceId) {
    if (processInstanceId.isBlank() || processInstanceId.length() > 64) {
      throw new FieldProblemException(HttpStatus.BAD_REQUEST, "Invalid request",
          "processInstanceId (1 to 64 characters)",
          List.of(new FieldProblem("processInstanceId", "1 to 64 characters")));
    }
    return ResponseEntity.of(sheets.ofProcessInstance(processInstanceId));
  }

  @GetMapping("/cases/{reference}")
  ResponseEntity<CaseSheet> caseOfReference(@PathVariable String reference) {
    return ResponseEntity.of(sheets.ofReference(reference));
  }
}
