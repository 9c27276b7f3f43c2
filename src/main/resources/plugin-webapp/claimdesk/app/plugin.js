// Claimdesk's Cockpit plugin (Camunda 7 CE plugin system, an ES module): the managers' dashboard
// on Cockpit's dashboard, and a "Case" tab on the process-instance page. Both read the
// application's own API, /api/dashboard (groups managers and camunda-admin), with the user's
// Cockpit session. Plain DOM, nothing loaded from elsewhere. See docs/managers-dashboard.md.

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

export default [
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
