// Claimdesk's Cockpit plugin (Camunda 7 CE plugin system, an ES module): the managers' dashboard
// on Cockpit's dashboard, a "Case" tab on the process-instance page, and the analysts' "Model
// changes" page (#/model-changes). They read the application's own API, /api/dashboard (groups
// managers and camunda-admin) and /api/model-changes (analysts; managers read), with the user's
// Cockpit session; a change sends the webapps' CSRF token. Plain DOM, nothing loaded from
// elsewhere. See docs/managers-dashboard.md and docs/analysts.md.

const API = new URL("/api/dashboard", import.meta.url).href;

function escapeHtml(value) {
  return String(value ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

async function getJson(url) {
  const response = await fetch(url, {
    credentials: "same-origin",
    headers: { Accept: "application/json" },
  });
  if (response.status === 404) {
    return null;
  }
  if (!response.ok) {
    throw new Error(`${response.status} ${response.statusText}`);
  }
  return response.json();
}

function duration(seconds) {
  if (seconds === null || seconds === undefined) {
    return "–";
  }
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) {
    return `${minutes} min`;
  }
  const hours = Math.floor(minutes / 60);
  if (hours < 48) {
    return `${hours} h ${minutes % 60} min`;
  }
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

function money(amount, currency) {
  if (amount === null || amount === undefined || !currency) {
    return "–";
  }
  const format = new Intl.NumberFormat("en", { style: "currency", currency });
  const digits = format.resolvedOptions().maximumFractionDigits;
  return format.format(amount / Math.pow(10, digits));
}

function time(instant) {
  return instant ? new Date(instant).toISOString().replace("T", " ").slice(0, 16) + " UTC" : "–";
}

// A table: headers, and rows of cells {text, figure?} (figure names the cell for tests and tools).
function table(caption, headers, rows) {
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join("");
  const body = rows.length
    ? rows
        .map(
          (cells) =>
            "<tr>" +
            cells
              .map((cell) =>
                typeof cell === "object" && cell !== null
                  ? `<td data-figure="${escapeHtml(cell.figure)}">${escapeHtml(cell.text)}</td>`
                  : `<td>${escapeHtml(cell)}</td>`
              )
              .join("") +
            "</tr>"
        )
        .join("")
    : `<tr><td colspan="${headers.length}">None.</td></tr>`;
  return `<div class="claimdesk-block"><h4>${escapeHtml(caption)}</h4>
    <table class="cam-table claimdesk-table"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
}

function figure(name, value) {
  return { figure: name, text: String(value) };
}

function renderDashboard(data) {
  const openRows = data.openCases.map((o) => [
    o.process,
    o.status,
    figure(`open-${o.process}-${o.status}`, o.cases),
  ]);
  const dueRows = data.firstRepliesDue.map((d) => [
    d.process,
    figure(`due24h-${d.process}`, d.dueWithin24h),
    figure(`overdue-${d.process}`, d.overdue),
  ]);
  const breachProcessRows = data.slaBreachesByProcess.map((b) => [
    b.key,
    figure(`breaches-week-${b.key}`, b.thisWeek),
    figure(`breaches-month-${b.key}`, b.thisMonth),
  ]);
  const breachGroupRows = data.slaBreachesByGroup.map((b) => [
    b.key,
    figure(`breaches-week-group-${b.key}`, b.thisWeek),
    figure(`breaches-month-group-${b.key}`, b.thisMonth),
  ]);
  const timeRows = data.timesThisMonth.map((t) => [
    t.process,
    figure(`first-replies-${t.process}`, t.firstReplies),
    duration(t.firstReplyMedianSeconds),
    duration(t.firstReplyP90Seconds),
    figure(`resolved-${t.process}`, t.resolved),
    duration(t.resolutionMedianSeconds),
    duration(t.resolutionP90Seconds),
  ]);
  const outcomeRows = data.outcomesThisMonth.map((o) => [
    o.outcome,
    o.ruleId || "–",
    figure(`outcome-${o.outcome}-${o.ruleId || "none"}-${o.currency || "none"}`, o.cases),
    o.withoutReview,
    money(o.amount, o.currency),
  ]);
  const incidentRows = data.moneyIncidents.map((i) => [
    i.caseReference || i.processInstanceId,
    i.process,
    i.activityId,
    time(i.since),
    (i.payouts || [])
      .map((p) => `${p.idempotencyKey} ${p.status} ${money(p.amount, p.currency)} (${p.attempts} attempts)`)
      .join("; ") || "no payout recorded",
    i.message || "",
  ]);
  return `<section class="claimdesk-dashboard" id="claimdesk-dashboard">
    <h3>Claimdesk: service levels, outcomes and backlog</h3>
    <p class="claimdesk-asof">As of <span data-figure="as-of">${escapeHtml(time(data.asOf))}</span>;
      week from ${escapeHtml(time(data.weekStart))}, month from ${escapeHtml(time(data.monthStart))}.</p>
    <div class="claimdesk-grid">
      ${table("Open cases", ["Process", "Status", "Cases"], openRows)}
      ${table("First replies (SL-1)", ["Process", "Due within 24 h", "Overdue"], dueRows)}
      ${table("SLA breaches by process", ["Process", "This week", "This month"], breachProcessRows)}
      ${table("SLA breaches by group", ["Group", "This week", "This month"], breachGroupRows)}
    </div>
    ${table(
      "Times this month",
      ["Process", "First replies", "Median", "90th pct.", "Resolved", "Median", "90th pct."],
      timeRows
    )}
    ${table("Outcomes this month", ["Outcome", "Rule", "Cases", "Without review", "Money moved"], outcomeRows)}
    ${table(
      "Incidents on money movement",
      ["Case", "Process", "Step", "Since", "Payouts", "Incident"],
      incidentRows
    )}
  </section>`;
}

function renderCase(sheet) {
  if (!sheet) {
    return `<p class="claimdesk-case-missing">No Claimdesk case belongs to this process instance.</p>`;
  }
  const v = sheet.verdict;
  const offer = sheet.offer
    ? `${sheet.offer.type} ${money(sheet.offer.amount, sheet.offer.currency)}: ${sheet.offer.description || ""}`
    : "–";
  const facts = [
    ["Case reference", figure("case-reference", sheet.reference)],
    ["Process", sheet.process],
    ["Status", figure("case-status", sheet.status)],
    ["Customer", `${sheet.customer.name} <${sheet.customer.email}> (${sheet.customer.id}, ${sheet.customer.language})`],
    ["Outcome", figure("case-outcome", v.outcome || "–")],
    ["Rule", figure("case-rule", v.ruleId || "–")],
    ["Policy", `${v.policyProfile}, version ${v.policyVersion}`],
    ["Opened", time(sheet.openedAt)],
    ["Reply due by", time(sheet.replyDueBy)],
    ["First reply", time(sheet.firstReplyAt)],
    ["Closed", time(sheet.closedAt)],
    ["Offer", offer],
  ];
  const factRows = facts
    .map(([label, value]) => {
      const cell =
        typeof value === "object"
          ? `<td data-figure="${escapeHtml(value.figure)}">${escapeHtml(value.text)}</td>`
          : `<td>${escapeHtml(value)}</td>`;
      return `<tr><th>${escapeHtml(label)}</th>${cell}</tr>`;
    })
    .join("");
  const payouts = sheet.payouts.map((p) => [
    p.idempotencyKey,
    p.kind,
    figure(`payout-${p.idempotencyKey}`, money(p.amount, p.currency)),
    p.status,
    p.attempts,
    p.lastError || "",
  ]);
  const breaches = sheet.slaBreaches.map((b) => [b.task, time(b.dueAt), time(b.breachedAt)]);
  const timeline = sheet.timeline.map((e) => [time(e.at), e.kind, e.message]);
  return `<section class="claimdesk-case" id="claimdesk-case">
    <table class="cam-table claimdesk-facts"><tbody>${factRows}</tbody></table>
    ${table("Money moved", ["Payout", "Kind", "Amount", "Status", "Attempts", "Last error"], payouts)}
    ${table("SLA breaches", ["Task", "Due", "Breached"], breaches)}
    ${table(sheet.timelineTruncated ? "Timeline (latest entries)" : "Timeline", ["When", "What", "Message"], timeline)}
  </section>`;
}

function renderInto(node, load, render) {
  node.innerHTML = `<p class="claimdesk-loading">Loading…</p>`;
  load()
    .then((data) => {
      node.innerHTML = render(data);
    })
    .catch((error) => {
      node.innerHTML = `<p class="claimdesk-error">Claimdesk figures are not available: ${escapeHtml(
        error.message
      )}</p>`;
    });
}

// ------------------------------------------------------------------ the analysts' model changes

const CHANGES = new URL("/api/model-changes", import.meta.url).href;

function csrfToken() {
  const cookie = document.cookie.split("; ").find((c) => c.startsWith("XSRF-TOKEN="));
  return cookie ? decodeURIComponent(cookie.substring("XSRF-TOKEN=".length)) : "";
}

async function send(url, method, body) {
  const response = await fetch(url, {
    method,
    credentials: "same-origin",
    headers: { Accept: "application/json", "X-XSRF-TOKEN": csrfToken() },
    body,
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(answer.detail || `${response.status} ${response.statusText}`);
  }
  return answer;
}

function outcome(map) {
  const entries = Object.entries(map || {});
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(", ") : "(no row)";
}

// A row's entries as the table shows them: "-" for an empty cell, inputs → outputs.
function entries(row) {
  const cell = (e) => (e === "" ? "-" : e);
  return `${row.inputs.map(cell).join(" | ")} → ${row.outputs.map(cell).join(" | ")}`;
}

function renderChange(change) {
  const findings = change.report.findings.map((f) => [f.resource, f.elementId || "–", f.rule, f.problem]);
  const replays = change.report.whatIf
    .map((r) => {
      const changes = r.changes.flatMap((c) =>
        c.examples.map((e) => [`${c.oldRule} → ${c.newRule}`, c.cases, e.caseReference || "–", outcome(e.oldOutcome),
          outcome(e.newOutcome)])
      );
      return `<p data-figure="whatif-${escapeHtml(r.decisionKey)}">${escapeHtml(r.decisionKey)}: ${r.changed} of
        ${r.replayed} past decisions change (${r.unchanged} unchanged, ${r.notReplayable} not replayable)</p>
        ${table("Changed outcomes, with example cases", ["Rule", "Cases", "Case", "Old outcome", "New outcome"], changes)}`;
    })
    .join("");
  const rows = change.report.rows.flatMap((d) => [
    ...d.added.map((r) => [d.decisionKey, "added", r.id, r.description || "", entries(r)]),
    ...d.removed.map((r) => [d.decisionKey, "removed", r.id, r.description || "", ""]),
    ...d.changed.map((c) => [d.decisionKey, "changed", c.id, c.after.description || "",
      `${entries(c.before)}  ⇒  ${entries(c.after)}`]),
  ]);
  const deploy = change.status === "READY"
    ? `<button class="btn btn-primary" id="claimdesk-deploy-change" data-change="${change.id}">Deploy</button>`
    : change.status === "AWAITING_APPROVAL"
      ? `<p>It changes past outcomes: a manager decides in Tasklist (task "Approve the model change").</p>` : "";
  return `<div class="claimdesk-block" id="claimdesk-change">
    <h4>Model change ${change.id}: <span data-figure="change-status">${escapeHtml(change.status)}</span></h4>
    <p>${escapeHtml(change.files.join(", "))}, proposed by ${escapeHtml(change.proposedBy)} at ${time(change.proposedAt)}</p>
    ${deploy}
    ${table("Gate findings", ["File", "Element", "Rule", "Problem"], findings)}
    ${replays}
    ${table("Rows changed against the deployed version", ["Decision", "Change", "Row", "Annotation", "Entries"], rows)}
  </div>`;
}

function renderHistory(changes) {
  return table(
    "Deployment history",
    ["Change", "Status", "Files", "Proposed by", "Proposed", "Decided by", "Deployed by", "Deployed", "Deployment"],
    changes.map((c) => [
      figure(`history-${c.id}`, String(c.id)),
      c.status,
      c.files.join(", "),
      c.proposedBy,
      time(c.proposedAt),
      c.decidedBy || "–",
      c.deployedBy || "–",
      time(c.deployedAt),
      c.deploymentId || "–",
    ])
  );
}

function renderPreview(p) {
  const blocked = p.blocked.map((b) => [b.caseReference || b.processInstanceId, b.activities.join(", ")]);
  const instructions = p.instructions.map((i) => [i.from, i.to]);
  return `<p data-figure="migration-summary">${p.processKey} version ${p.fromVersion} → ${p.toVersion}: ${p.migratable}
      of ${p.running} running instances can move</p>
    ${p.planProblems.length ? `<p class="claimdesk-error">${escapeHtml(p.planProblems.join("; "))}</p>` : ""}
    ${table("Instances that cannot move", ["Case", "Active steps without a counterpart"], blocked)}
    ${table("Steps of the old version without a counterpart", ["Step"], p.unmapped.map((u) => [u]))}
    ${table("Instructions", ["From", "To"], instructions)}
    <button class="btn btn-primary" id="claimdesk-run-migration">Migrate ${p.migratable} instance(s)</button>`;
}

function renderModelChanges(node) {
  node.innerHTML = `<section class="claimdesk-models" id="claimdesk-models">
    <h3>Model changes</h3>
    <div class="claimdesk-block">
      <h4>Propose a change</h4>
      <p>Edited files (.bpmn, .dmn, .dmn-tests.json, .form): the gate checks them, and each edited table is replayed
        on past decisions.</p>
      <input type="file" id="claimdesk-model-files" multiple accept=".bpmn,.dmn,.json,.form" />
      <label>Replay the last <input type="number" id="claimdesk-replay-last" value="1000" min="1" max="10000" /> decisions</label>
      <button class="btn btn-default" id="claimdesk-propose">Check the change</button>
      <div id="claimdesk-change-result"></div>
    </div>
    <div class="claimdesk-block">
      <h4>Migrate running cases</h4>
      <label>Process key <input type="text" id="claimdesk-migration-key" placeholder="refund-request" /></label>
      <label>from version <input type="number" id="claimdesk-migration-version" min="1" /></label>
      <button class="btn btn-default" id="claimdesk-preview-migration">Preview</button>
      <div id="claimdesk-migration-result"></div>
    </div>
    <div id="claimdesk-history"></div>
  </section>`;
  const result = node.querySelector("#claimdesk-change-result");
  const history = node.querySelector("#claimdesk-history");
  const showError = (target, error) => {
    target.innerHTML = `<p class="claimdesk-error" data-figure="error">${escapeHtml(error.message)}</p>`;
  };
  const refreshHistory = () =>
    getJson(CHANGES).then((changes) => (history.innerHTML = renderHistory(changes))).catch((e) => showError(history, e));
  const show = (change) => {
    result.innerHTML = renderChange(change);
    const deploy = result.querySelector("#claimdesk-deploy-change");
    if (deploy) {
      deploy.addEventListener("click", () =>
        send(`${CHANGES}/${change.id}/deployment`, "POST").then(show).then(refreshHistory).catch((e) => showError(result, e))
      );
    }
  };
  node.querySelector("#claimdesk-propose").addEventListener("click", () => {
    const form = new FormData();
    for (const file of node.querySelector("#claimdesk-model-files").files) {
      form.append("files", file, file.name);
    }
    form.append("last", node.querySelector("#claimdesk-replay-last").value);
    result.innerHTML = `<p class="claimdesk-loading">Checking…</p>`;
    send(CHANGES, "POST", form).then(show).then(refreshHistory).catch((e) => showError(result, e));
  });
  const migration = node.querySelector("#claimdesk-migration-result");
  node.querySelector("#claimdesk-preview-migration").addEventListener("click", () => {
    const key = encodeURIComponent(node.querySelector("#claimdesk-migration-key").value.trim());
    const version = encodeURIComponent(node.querySelector("#claimdesk-migration-version").value.trim());
    const url = `${CHANGES}/migrations/${key}/${version}`;
    getJson(url)
      .then((preview) => {
        if (!preview) {
          throw new Error("No such process version");
        }
        migration.innerHTML = renderPreview(preview);
        migration.querySelector("#claimdesk-run-migration").addEventListener("click", () =>
          send(url, "POST")
            .then((batch) => {
              const follow = () =>
                getJson(`${CHANGES}/migrations/batches/${batch.batchId}`).then((p) => {
                  migration.innerHTML = `<p data-figure="migration-progress">Batch ${escapeHtml(p.batchId)}: ${p.done} of
                    ${p.total} jobs done, ${p.failed} failed${p.finished ? ", finished" : ""}</p>`;
                  if (!p.finished) {
                    setTimeout(follow, 2000);
                  }
                });
              follow();
            })
            .catch((e) => showError(migration, e))
        );
      })
      .catch((e) => showError(migration, e));
  });
  refreshHistory();
}

export default [
  {
    id: "claimdesk.modelChanges.navigation",
    pluginPoint: "cockpit.navigation",
    priority: 50,
    properties: { path: "/model-changes" },
    render: (node) => {
      node.innerHTML = `<a href="#/model-changes">Model changes</a>`;
    },
  },
  {
    id: "claimdesk.modelChanges.page",
    pluginPoint: "cockpit.route",
    priority: 50,
    properties: { path: "/model-changes" },
    render: (node) => renderModelChanges(node),
  },
  {
    id: "claimdesk.dashboard",
    pluginPoint: "cockpit.dashboard",
    priority: 100,
    render: (node) => renderInto(node, () => getJson(API), renderDashboard),
  },
  {
    id: "claimdesk.processInstance.case",
    pluginPoint: "cockpit.processInstance.runtime.tab",
    priority: 100,
    properties: { label: "Case" },
    render: (node, { processInstanceId }) =>
      renderInto(
        node,
        () => getJson(`${API}/cases?processInstanceId=${encodeURIComponent(processInstanceId)}`),
        renderCase
      ),
  },
];
