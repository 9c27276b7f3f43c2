package org.claimdesk.models;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.claimdesk.engine.ModelFile;
import org.claimdesk.web.FieldProblem;
import org.claimdesk.web.FieldProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The analysts' change pipeline on {@code /api/model-changes} (issue #23), HTTP Basic as a member
 * of {@code analysts} (managers may read):
 * <ul>
 *   <li>{@code POST /api/model-changes} (multipart, one or more {@code files}; {@code last},
 *       {@code from}, {@code to} choose the past decisions the what-if replays): reviews the files
 *       and keeps the change: 201 with the gate's findings, the what-if per decision, the rows
 *       changed, and the status (REFUSED, READY, AWAITING_APPROVAL);</li>
 *   <li>{@code POST /api/model-changes/{id}/deployment}: deploys a READY change (409 otherwise);</li>
 *   <li>{@code GET /api/model-changes/migrations/{processKey}/{version}}: the preview of moving the
 *       running instances of that version to the latest one (instructions, steps without a
 *       counterpart, the instances that cannot move); {@code POST} to the same path starts the batch
 *       (202), {@code GET /api/model-changes/migrations/batches/{id}} follows it;</li>
 *   <li>{@code GET /api/model-changes} and {@code GET /api/model-changes/{id}}: the history, who
 *       proposed, decided and deployed what and when.</li>
 * </ul>
 */
@RestController
@RequestMapping("/api/model-changes")
class ModelChangeController {

  /** A file name as Modeler saves it: letters, digits, dots, dashes, underscores; no folder. */
  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,120}");
  private static final int MAX_FILES = 20;

  private final ModelChanges changes;
  private final ProcessMigrations migrations;

  ModelChangeController(ModelChanges changes, ProcessMigrations migrations) {
    this.changes = changes;
    this.migrations = migrations;
  }

  /** What moving the running instances of {@code version} to the latest version would do. */
  @GetMapping("/migrations/{processKey}/{version}")
  ProcessMigrations.Preview migrationPreview(@PathVariable String processKey, @PathVariable int version) {
    return migrations.preview(processKey, version);
  }

  /** Starts moving every instance the preview found migratable: 202 with the batch to follow. */
  @PostMapping("/migrations/{processKey}/{version}")
  ResponseEntity<ProcessMigrations.Progress> migrate(@PathVariable String processKey, @PathVariable int version,
      Authentication user) {
    ProcessMigrations.Progress progress = migrations.migrate(processKey, version, user.getName());
    return ResponseEntity.accepted().location(URI.create("/api/model-changes/migrations/batches/" + progress.batchId()))
        .body(progress);
  }

  @GetMapping("/migrations/batches/{batchId}")
  ProcessMigrations.Progress migrationProgress(@PathVariable String batchId) {
    return migrations.progress(batchId);
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<ModelChanges.ModelChange> propose(@RequestParam(name = "files", required = false) List<MultipartFile> files,
      @RequestParam(name = "last", required = false) String last,
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to, Authentication user) {
    Map<String, byte[]> named = deploymentNames(files);
    DecisionReplay.Window window = window(last, from, to);
    ModelChanges.ModelChange change = changes.propose(named, user.getName(), window);
    return ResponseEntity.created(URI.create("/api/model-changes/" + change.id())).body(change);
  }

  @PostMapping("/{id}/deployment")
  ResponseEntity<ModelChanges.ModelChange> deploy(@PathVariable long id, Authentication user) {
    ModelChanges.ModelChange change = changes.deploy(id, user.getName());
    return ResponseEntity.status(HttpStatus.CREATED).body(change);
  }

  @GetMapping
  List<ModelChanges.ModelChange> latest(@RequestParam(name = "limit", defaultValue = "50") int limit) {
    if (limit < 1 || limit > 500) {
      throw invalid("limit", "must be between 1 and 500");
    }
    return changes.latest(limit);
  }

  @GetMapping("/{id}")
  ModelChanges.ModelChange get(@PathVariable long id) {
    return changes.get(id);
  }

  /** {@code refund-eligibility.dmn} deploys as {@code processes/refund-eligibility.dmn}, a form under {@code forms/}. */
  private static Map<String, byte[]> deploymentNames(List<MultipartFile> files) {
    if (files == null || files.isEmpty() || files.stream().allMatch(MultipartFile::isEmpty)) {
      throw invalid("files", "send at least one .bpmn, .dmn, .dmn-tests.json or .form file");
    }
    if (files.size() > MAX_FILES) {
      throw invalid("files", "at most " + MAX_FILES + " files per change");
    }
    Map<String, byte[]> named = new TreeMap<>();
    for (MultipartFile file : files) {
      String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
      if (!FILE_NAME.matcher(name).matches()) {
        throw invalid("files", "\"" + name + "\" is not a plain file name (letters, digits, . - _, no folder)");
      }
      String deploymentName = ModelFile.deploymentNameOf(name);
      if (deploymentName == null) {
        throw invalid("files", "\"" + name + "\" is not a .bpmn, .dmn, " + DecisionTests.SUFFIX + " or .form file");
      }
      try {
        if (named.put(deploymentName, file.getBytes()) != null) {
          throw invalid("files", "\"" + name + "\" is sent twice");
        }
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read the upload " + name, e);
      }
    }
    return named;
  }

  private static DecisionReplay.Window window(String last, String from, String to) {
    int count = DecisionReplay.DEFAULT_LAST;
    if (last != null) {
      try {
        count = Integer.parseInt(last.strip());
      } catch (NumberFormatException e) {
        throw invalid("last", "must be a whole number");
      }
      if (count < 1 || count > DecisionReplay.MAX_LAST) {
        throw invalid("last", "must be between 1 and " + DecisionReplay.MAX_LAST);
      }
    }
    Instant start = instant("from", from);
    Instant end = instant("to", to);
    if (start != null && end != null && start.isAfter(end)) {
      throw invalid("from", "must not be after to");
    }
    return new DecisionReplay.Window(count, start, end);
  }

  private static Instant instant(String field, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw invalid(field, "must be an instant such as 2026-12-01T00:00:00Z");
    }
  }

  private static FieldProblemException invalid(String field, String message) {
    return new FieldProblemException(HttpStatus.BAD_REQUEST, "Invalid model change",
        field + ": " + message, List.of(new FieldProblem(field, message)));
  }
}
