/**
 * The index page's style sheet, inlined into the page. System fonts only:
 * the page loads nothing, web fonts included.
 */

/** CSS of the index page. */
export const PAGE_STYLES = `
:root {
  color-scheme: light dark;
  --fg: #1d232b; --muted: #5b6470; --bg: #ffffff; --panel: #f4f6f8;
  --line: #d5dbe1; --accent: #1f5fae; --failed: #b3261e;
  --succeeded: #1e7b34; --pending: #9a6700; --unknown: #5b6470;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6e9ed; --muted: #a2abb6; --bg: #15191e; --panel: #1e242b;
    --line: #343d47; --accent: #7fb0ef; --failed: #f28b82;
    --succeeded: #81c995; --pending: #fdd663; --unknown: #a2abb6;
  }
}
* { box-sizing: border-box; }
body {
  margin: 0; color: var(--fg); background: var(--bg);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
header, main { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
h1 { font-size: 1.3rem; margin: 1rem 0 0.5rem; }
h2 { font-size: 1.1rem; margin: 0 0 0.25rem; }
h3 { font-size: 0.95rem; margin: 0.75rem 0 0.25rem; }
a { color: var(--accent); }
code, pre, .text code { font-family: ui-monospace, Menlo, Consolas, monospace; }
.search { display: flex; gap: 0.5rem; }
.search input {
  flex: 1; font-size: 1.05rem; padding: 0.5rem 0.6rem;
  border: 1px solid var(--line); border-radius: 6px;
  color: inherit; background: var(--bg);
}
kbd {
  border: 1px solid var(--line); border-radius: 4px; padding: 0 0.3rem;
  font-family: ui-monospace, Menlo, Consolas, monospace;
}
.filters {
  display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: end;
  margin: 0.75rem 0;
}
.filters label { display: flex; flex-direction: column; font-size: 0.85rem; }
.filters label.check { flex-direction: row; gap: 0.3rem; align-items: center; }
.filters select, .filters input[type=date] { font: inherit; max-width: 16rem; }
button { font: inherit; cursor: pointer; }
button.link, button.tag {
  display: inline; border: 0; background: none; padding: 0; color: var(--accent);
  vertical-align: top;
  text-decoration: underline; text-align: left;
}
button.tag { text-decoration: none; margin-right: 0.3rem; }
.overview {
  background: var(--panel); border: 1px solid var(--line);
  border-radius: 6px; padding: 0.5rem 0.75rem; margin: 0.5rem 0;
}
.overview-grid { display: grid; gap: 1rem; grid-template-columns: 1fr 2fr; }
@media (max-width: 50rem) { .overview-grid { grid-template-columns: 1fr; } }
.overview ul, .overview ol { margin: 0; padding-left: 1.2rem; }
#months { list-style: none; padding: 0; }
.month { display: grid; grid-template-columns: 5rem 1fr 3rem; gap: 0.5rem; align-items: center; }
.month .bar { display: block; height: 0.7rem; background: var(--accent); border-radius: 2px; min-width: 2px; }
.month .count { text-align: right; color: var(--muted); }
#count { color: var(--muted); margin: 0.5rem 0; }
#notice {
  background: var(--panel); border-left: 3px solid var(--pending);
  padding: 0.3rem 0.6rem; display: flex; gap: 1rem;
}
#notice[hidden] { display: none; }
.entry { border-top: 1px solid var(--line); padding: 0.75rem 0; }
.facts { margin: 0; color: var(--muted); font-size: 0.9rem; }
.facts > * { margin-right: 0.6rem; }
.badge { border-radius: 4px; padding: 0 0.35rem; font-size: 0.8rem; border: 1px solid; }
.badge.pending { color: var(--pending); }
.badge.incomplete { color: var(--muted); }
.match { margin: 0.2rem 0; font-size: 0.85rem; color: var(--muted); }
.summary { margin: 0.4rem 0; }
.cases { padding-left: 1.2rem; margin: 0.4rem 0; }
.case { margin-bottom: 0.5rem; }
.step { display: grid; grid-template-columns: 6rem 1fr; gap: 0.5rem; }
.step + .step .label::before { content: "→ "; color: var(--muted); }
.step .label { font-weight: 600; }
.step .text, .attempt span, .text { white-space: pre-wrap; overflow-wrap: anywhere; }
.case.pending .step-solution .text { color: var(--pending); }
.timeline { list-style: none; padding: 0; margin: 0; border-left: 2px solid var(--line); }
.attempt {
  display: grid; gap: 0.1rem 0.6rem; padding: 0.15rem 0 0.15rem 0.6rem;
  grid-template-columns: 1.5rem 3rem 1fr 1fr 1fr auto;
}
@media (max-width: 50rem) { .attempt { grid-template-columns: 1.5rem 3rem 1fr; } }
.marker { font-weight: 700; text-align: center; }
.outcome-failed .marker { color: var(--failed); }
.outcome-succeeded .marker { color: var(--succeeded); }
.outcome-pending .marker { color: var(--pending); }
.outcome-unknown .marker { color: var(--unknown); }
.errors code { background: var(--panel); padding: 0 0.2rem; }
.source { font-size: 0.85rem; }
#more { margin: 1rem 0 2rem; }
#more[hidden] { display: none; }
`;
