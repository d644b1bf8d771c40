/**
 * The report's only stylesheet, inlined: system fonts, no images, nothing fetched. On paper
 * (A4), each section starts a page, table headers repeat, and rows, findings and the graph are
 * never cut in two; colours print as they show.
 */
export const REPORT_STYLE = `
:root {
  --ink: #1c2430; --muted: #5b6675; --line: #d5dae1; --soft: #f3f5f8; --accent: #1f3a5f;
  --critical: #7a1020; --high: #b42318; --medium: #b54708; --low: #8a6d00; --info: #475467;
  --all: #1f3a5f; --some: #5b7fb5; --outside: #c4320a; --unknown: #98a2b3;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; color: var(--ink); background: #fff;
  font: 14px/1.45 "Segoe UI", system-ui, -apple-system, "Helvetica Neue", Arial, sans-serif;
}
main { max-width: 1000px; margin: 0 auto; padding: 32px 40px 48px; }
h1 { font-size: 26px; line-height: 1.2; margin: 4px 0 16px; }
h2 { font-size: 19px; margin: 0 0 10px; padding-bottom: 6px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 15px; margin: 20px 0 8px; }
h2, h3 { break-after: avoid; }
p { margin: 6px 0 10px; }
code, .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 0.9em; }
.muted { color: var(--muted); }
.eyebrow { text-transform: uppercase; letter-spacing: 0.08em; font-size: 11px; color: var(--muted); margin: 0; }
.cover { border-bottom: 1px solid var(--line); margin-bottom: 22px; padding-bottom: 12px; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 0; }
.meta dt { color: var(--muted); }
.meta dd { margin: 0; overflow-wrap: anywhere; }
.contents { margin: 14px 0 0; padding-left: 20px; columns: 2; color: var(--muted); }
.contents a { color: var(--accent); text-decoration: none; }
section { margin: 30px 0; }
.tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(118px, 1fr)); gap: 8px; margin: 10px 0 14px; }
.tile { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; background: var(--soft); }
.tile b { display: block; font-size: 22px; line-height: 1.1; }
.tile span { color: var(--muted); font-size: 12px; }
.tile.sev-critical b { color: var(--critical); } .tile.sev-high b { color: var(--high); }
.tile.sev-medium b { color: var(--medium); } .tile.sev-low b { color: var(--low); }
.tile.sev-info b { color: var(--info); }
.points { margin: 8px 0; padding-left: 20px; }
.points li { margin: 4px 0; }
.badge {
  display: inline-block; min-width: 58px; text-align: center; border-radius: 4px; padding: 1px 6px;
  font-size: 11px; font-weight: 600; color: #fff; text-transform: uppercase; letter-spacing: 0.03em;
}
.badge.sev-critical { background: var(--critical); } .badge.sev-high { background: var(--high); }
.badge.sev-medium { background: var(--medium); } .badge.sev-low { background: var(--low); }
.badge.sev-info { background: var(--info); }
.tag { display: inline-block; border: 1px solid var(--line); border-radius: 4px; padding: 0 5px; font-size: 11px; color: var(--muted); }
.warn { color: var(--high); font-weight: 600; }
table { width: 100%; border-collapse: collapse; margin: 8px 0 16px; font-size: 12.5px; table-layout: fixed; }
thead { display: table-header-group; }
th { text-align: left; background: var(--soft); font-weight: 600; }
th, td { border: 1px solid var(--line); padding: 5px 7px; vertical-align: top; overflow-wrap: anywhere; }
tr { break-inside: avoid; }
.num { text-align: right; }
/* Fixed table layouts: columns keep these widths, and long names wrap inside them. */
.col-name { width: 18%; } .col-reach { width: 18%; } .col-unknown { width: 14%; }
.col-severity { width: 12%; } .col-objects { width: 20%; } .col-fix { width: 26%; }
.col-workload { width: 32%; } .col-ports { width: 16%; } .col-isolated { width: 12%; }
.col-policy { width: 17%; } .col-types { width: 13%; } .col-selector { width: 15%; }
.col-selects { width: 17%; } .col-rules { width: 10%; }
.col-kind { width: 20%; } .col-count { width: 9%; }
.more { font-style: italic; }
.policy-finding + .policy-finding { margin-top: 4px; }
.matrix { table-layout: fixed; }
.matrix th, .matrix td { text-align: center; padding: 4px 3px; font-size: 11.5px; }
.matrix th[scope="row"] { text-align: left; padding-left: 7px; width: 17%; }
.matrix .corner { width: 17%; background: #fff; font-weight: 400; color: var(--muted); font-size: 10.5px; }
.matrix .vertical { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; text-align: left; }
.matrix td.reach-all { background: #dfe7f3; }
.matrix td.reach-some { background: #eef2f8; }
.matrix td.from-outside.reach-all, .matrix td.from-outside.reach-some { background: #fde8e1; }
.matrix td.self { background-image: repeating-linear-gradient(135deg, transparent 0 5px, #eceff3 5px 6px); }
.dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%; border: 1.5px solid var(--all); vertical-align: -1px; }
.dot-all { background: var(--all); }
.dot-some { background: linear-gradient(90deg, var(--all) 50%, transparent 50%); }
.matrix .dot { margin: 2px auto 1px; display: block; }
.matrix td.from-outside .dot { border-color: var(--outside); }
.matrix td.from-outside .dot-all { background: var(--outside); }
.matrix td.from-outside .dot-some { background: linear-gradient(90deg, var(--outside) 50%, transparent 50%); }
.matrix .ports { display: block; color: var(--muted); font-size: 10px; line-height: 1.2; }
.matrix.compact th, .matrix.compact td { padding: 1px 0; font-size: 9px; line-height: 1.1; }
.matrix.compact th[scope="row"] { padding-left: 4px; }
.matrix.compact .dot { width: 8px; height: 8px; border-width: 1px; margin: 1px auto; }
.legend { display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 6px 0 12px; color: var(--muted); font-size: 12px; }
.legend span { display: inline-flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 26px; border-top: 2px solid var(--all); }
.swatch-all { border-top-width: 3px; } .swatch-some { border-top: 1.5px solid var(--some); }
.swatch-outside { border-top: 2.5px solid var(--outside); } .swatch-unknown { border-top: 1.5px dashed var(--unknown); }
.figure { border: 1px solid var(--line); border-radius: 6px; padding: 8px; break-inside: avoid; }
svg.graph { display: block; width: 100%; height: auto; font-family: inherit; }
.graph .edge { fill: none; stroke-linecap: round; }
.graph .edge-all { stroke: var(--all); stroke-width: 2.4; }
.graph .edge-some { stroke: var(--some); stroke-width: 1.4; }
.graph .edge-outside { stroke: var(--outside); stroke-width: 2; }
.graph .edge-unknown { stroke: var(--unknown); stroke-width: 1.2; stroke-dasharray: 4 3; }
.graph-ring .edge { stroke-width: 0.8; opacity: 0.6; }
.graph .arrow-all { fill: var(--all); } .graph .arrow-some { fill: var(--some); }
.graph .arrow-outside { fill: var(--outside); } .graph .arrow-unknown { fill: var(--unknown); }
.graph .node rect { fill: #fff; stroke: var(--accent); stroke-width: 1.4; }
.graph .node-outside rect { fill: #fff4ef; stroke: var(--outside); }
.graph .node circle { fill: var(--accent); } .graph .node-outside circle { fill: var(--outside); }
.graph .node-name { font-size: 13px; font-weight: 600; text-anchor: middle; fill: var(--ink); }
.graph .node-detail { font-size: 10px; text-anchor: middle; fill: var(--muted); }
.graph .ring-label { font-size: 8.5px; fill: var(--ink); dominant-baseline: middle; }
.graph .port-label {
  font-size: 10px; text-anchor: middle; dominant-baseline: middle; fill: var(--ink);
  paint-order: stroke; stroke: #fff; stroke-width: 3.5px; stroke-linejoin: round;
}
.finding { border: 1px solid var(--line); border-left-width: 4px; border-radius: 4px; padding: 7px 10px; margin: 8px 0; break-inside: avoid; }
.finding.sev-critical { border-left-color: var(--critical); } .finding.sev-high { border-left-color: var(--high); }
.finding.sev-medium { border-left-color: var(--medium); } .finding.sev-low { border-left-color: var(--low); }
.finding.sev-info { border-left-color: var(--info); }
.finding header { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: baseline; }
.finding .id { color: var(--muted); font-size: 11px; overflow-wrap: anywhere; }
.finding p { margin: 5px 0 0; }
.finding .objects { font-size: 12px; color: var(--muted); }
.fix { color: #1e4d2b; }
.fix b { font-weight: 600; }
footer { margin-top: 36px; padding-top: 10px; border-top: 1px solid var(--line); color: var(--muted); font-size: 12px; }
@page {
  size: A4; margin: 15mm 13mm 16mm;
  @bottom-left { content: "netmap network security report"; font-size: 8pt; color: #5b6675; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font-size: 8pt; color: #5b6675; }
}
@media print {
  body { font-size: 10pt; }
  /* A collapsed table border sits half outside the table: a pixel keeps it on the page. */
  main { max-width: none; padding: 0 1px; }
  .contents { display: none; }
  section { margin: 0; }
  section + section { break-before: page; }
  table { font-size: 8.5pt; }
  .matrix th, .matrix td { font-size: 8pt; }
  .matrix.compact th, .matrix.compact td { font-size: 6.5pt; }
  .tiles { grid-template-columns: repeat(7, 1fr); gap: 6px; }
  .tile b { font-size: 18px; }
  a { color: inherit; text-decoration: none; }
}
`;
