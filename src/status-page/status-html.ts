import { html } from 'hono/html';
import type { PublicIncident } from './public-incident.ts';
import type { PublicStatus } from './public-status.ts';

const STATUS_WORDS: Record<string, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
};

/** The plain status page: no script, no sign-in, every value escaped by hono's `html`. */
export function renderStatusPage(status: PublicStatus) {
  const current = status.unresolved;
  const past = status.incidents.filter((incident) => incident.status === 'resolved');
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${status.page.name}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; }
.banner { padding: 1rem; border-radius: .5rem; color: #fff; background: #1a7f37; }
.banner.minor { background: #9a6700; } .banner.major { background: #bc4c00; } .banner.critical { background: #cf222e; }
article { border-bottom: 1px solid #d0d7de; padding: .5rem 0; }
.update { margin: .5rem 0; } .when { color: #59636e; font-size: .875rem; }
</style>
</head>
<body>
<h1>${status.page.name}</h1>
<p class="banner ${status.status.indicator}">${status.status.description}</p>
${current.length > 0 ? html`<h2>Current incidents</h2>${current.map(renderIncident)}` : ''}
<h2>Past incidents</h2>
${past.length > 0 ? past.map(renderIncident) : html`<p>No incidents reported.</p>`}
<p class="when">Updated ${status.page.updated_at} (UTC). Also as <a href="status/summary.json">summary.json</a> and <a href="status/incidents.json">incidents.json</a>.</p>
</body>
</html>
`;
}

function renderIncident(incident: PublicIncident) {
  return html`<article>
<h3>${incident.name}</h3>
${incident.incident_updates.map(
  (update) =>
    html`<div class="update"><strong>${STATUS_WORDS[update.status] ?? update.status}</strong> — ${update.body}<div class="when">${update.display_at}</div></div>`,
)}
</article>`;
}
