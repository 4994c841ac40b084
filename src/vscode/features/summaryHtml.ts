/**
 * HTML of the summary view. Pure (no `vscode` import) so unit tests can check it. Every string that comes from the
 * report goes through esc(); the page allows no inline script or style (nonce-based CSP), so even a missed escape
 * could not run code.
 */
import { W_LABELS, type FiveWAnswer, type Span, type Summary, type SummaryActor, type SummaryPlace } from '../../core';

export function esc(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A link back to a place in the report: the view's script turns a click into a reveal in the editor. */
function ref(span: { start: number; end: number } | undefined, label: string, title = 'Show in the report'): string {
  if (!span) return esc(label);
  return `<a href="#" class="ref" data-start="${span.start}" data-end="${span.end}" title="${esc(title)}">${esc(label)}</a>`;
}

const W = W_LABELS;

function answer(a: FiveWAnswer): string {
  if (!a.answer) return '<span class="muted">Not stated</span>';
  return ref(a.evidence, a.answer, a.evidence ? `From: ${a.evidence.text.slice(0, 200)}` : undefined);
}

function firstSpan(a: SummaryActor): Span | undefined {
  return a.mentions[0] ?? { start: a.firstMention, end: a.firstMention, text: '' };
}

function actorItem(a: SummaryActor & { country?: string }, detail: string[]): string {
  const bits = detail.filter(Boolean).map(esc).join(' · ');
  const pct = Math.round(Math.max(0, Math.min(1, a.salience)) * 100);
  // Every mention is one click away: "mentions 1 2 3 …" (the first is the name itself).
  const shown = a.mentions.slice(0, 8);
  const more = a.mentionCount - shown.length;
  const mentions =
    a.mentionCount > 1
      ? ` <span class="mentions" title="${a.mentionCount} mentions">× ${shown.map((m, i) => ref(m, `${i + 1}`, `Mention ${i + 1}: ${m.text}`)).join(' ')}${more > 0 ? ` <span class="muted">+${more}</span>` : ''}</span>`
      : '';
  return `<li><span class="salience" title="salience ${pct}%"><span class="bar bar-${Math.round(pct / 10)}"></span></span> ${ref(firstSpan(a), a.name, `First mention of ${a.name}`)}${bits ? ` <span class="detail">${bits}</span>` : ''}${mentions}</li>`;
}

function section(id: string, title: string, body: string, count?: number): string {
  return `<section id="${id}"><h2>${esc(title)}${count !== undefined ? ` <span class="count">${count}</span>` : ''}</h2>${body}</section>`;
}

export const EXPORT_BUTTONS: [string, string][] = [
  ['md', 'Markdown'],
  ['json', 'JSON'],
  ['csv', 'CSV'],
  ['stix', 'STIX 2.1'],
];

/** The view's content for one summary. `source` names the report (file name). */
export function renderSummaryBody(s: Summary, source: string): string {
  const out: string[] = [];
  const rd = s.reportDate;
  const dateNote = rd.date
    ? `Report date ${esc(rd.date)} <span class="muted">(${esc({ option: 'set by you', 'front-matter': 'front matter', text: 'from the text', fallback: 'file date', none: '' }[rd.source])})</span>`
    : '<span class="muted">No report date: relative dates are not resolved</span>';
  out.push(
    `<header><h1>${esc(s.title ?? source)}</h1><p class="meta">${dateNote}${s.selection ? ' · <span class="badge">selection</span>' : ''} · ${s.counts.words} words</p>`,
    `<div class="exports" role="toolbar" aria-label="Export the summary">${EXPORT_BUTTONS.map(([f, l]) => `<button type="button" data-export="${f}">${esc(l)}</button>`).join('')}</div></header>`,
  );
  out.push(section('bluf', 'Bottom line up front', s.bluf.text ? `<p class="bluf">${s.bluf.sentences.length === 1 ? ref(s.bluf.sentences[0], s.bluf.text) : esc(s.bluf.text)}</p>` : '<p class="muted">Nothing to summarise.</p>'));
  out.push(section('fivew', '5W1H', `<table class="fivew">${W.map(([k, l]) => `<tr><th scope="row">${l}</th><td>${answer(s.fiveW[k])}</td></tr>`).join('')}</table>`));
  const people = s.actors.filter((a) => a.type === 'person');
  if (people.length) {
    out.push(section('actors', 'Actors', `<ul class="actors">${people.map((a) => actorItem(a, [a.roles.join(', '), a.affiliation ?? ''])).join('')}</ul>`, people.length));
  }
  if (s.organizations.length) out.push(section('organizations', 'Organisations', `<ul class="actors">${s.organizations.map((a) => actorItem(a, [a.affiliation ?? ''])).join('')}</ul>`, s.organizations.length));
  if (s.places.length) {
    out.push(section('places', 'Places', `<ul class="actors">${(s.places as SummaryPlace[]).map((p) => actorItem(p, [p.country && p.country !== p.name ? p.country : '', p.kind ?? ''])).join('')}</ul>`, s.places.length));
  }
  if (s.timeline.length) {
    const rows = [...s.timeline]
      .sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.start - b.start)
      .map((t) => `<tr><td class="date">${t.date ? esc(`${t.date}${t.endDate ? ` – ${t.endDate}` : ''}${t.time ? ` ${t.time}` : ''}`) : '<span class="muted">unresolved</span>'}</td><td>${ref(t, t.text)}<div class="sentence">${esc(t.sentence.text)}</div></td></tr>`)
      .join('');
    out.push(section('timeline', 'Timeline', `<table class="timeline">${rows}</table>`, s.timeline.length));
  }
  if (s.relations.length) {
    out.push(section('relations', 'Relations and events', `<ul class="relations">${s.relations.map((r) => `<li><span class="badge type-${esc(r.type)}">${esc(r.type)}</span> ${ref(r.evidence, r.description, r.evidence.text)}</li>`).join('')}</ul>`, s.relations.length));
  }
  if (s.quotes.length) {
    const speakerOf = new Map([...s.actors, ...s.organizations].map((a) => [a.id, a] as const));
    out.push(
      section(
        'quotes',
        'Quotes',
        s.quotes
          .map((q) => {
            const who = q.speakerId ? speakerOf.get(q.speakerId) : undefined;
            const text = q.text.length > 600 ? `${q.text.slice(0, 600)}…` : q.text;
            // Reported speech is the reporter's wording, not the speaker's: said so beside the speaker.
            return `<blockquote${q.indirect ? ' class="reported"' : ''}>${ref(q, text, 'Show the quote in the report')}<footer>— ${who ? ref(firstSpan(who), who.name) : q.speaker ? esc(q.speaker) : '<span class="muted">unattributed</span>'}${q.speakerText && q.speakerText !== q.speaker ? ` <span class="muted">(“${esc(q.speakerText)}”)</span>` : ''}${q.indirect ? ' <span class="muted">(reported speech, not their words)</span>' : ''}</footer></blockquote>`;
          })
          .join(''),
        s.quotes.length,
      ),
    );
  }
  if (s.assessments.length) {
    const rows = s.assessments
      .map((a) => `<li>${ref(a.term, a.term.text, 'Show the statement in the report')} <span class="badge">${esc(a.row)} ${a.band[0]}–${a.band[1]}%</span>${a.confidence ? ` <span class="muted">${esc(a.confidence)} confidence</span>` : ''} <span class="detail">${esc(a.sentence.text.length > 240 ? `${a.sentence.text.slice(0, 240)}…` : a.sentence.text)}</span></li>`)
      .join('');
    out.push(section('assessments', 'Assessments', `<ul class="relations">${rows}</ul>`, s.assessments.length));
  }
  if (s.indicators.length) {
    const rows = s.indicators
      .map((i) => `<tr><td>${esc(i.type)}</td><td>${ref(i.mentions[0], i.value, 'Show the first mention in the report')}</td><td class="muted">${i.mentions.length}×${i.defanged ? ' · defanged' : ''}</td></tr>`)
      .join('');
    out.push(section('indicators', 'Indicators', `<table class="timeline">${rows}</table>`, s.indicators.length));
  }
  if (s.annotations?.length) {
    // The analyst's tags and notes (entity annotations are already merged into the actors above).
    const rows = s.annotations
      .map((a) => {
        const what = a.kind === 'tag' ? a.tag : a.entityType;
        const quote = a.start !== undefined && a.end !== undefined ? ref({ start: a.start, end: a.end }, `“${a.text}”`) : `<span class="muted">“${esc(a.text)}” (orphaned)</span>`;
        const replies = (a.replies ?? []).map((r) => `<br><span class="muted">↳ ${esc(r.author ? `${r.author}: ` : '')}${esc(r.body)}</span>`).join('');
        return `<li><span class="badge">${esc(what)}</span> ${quote}${a.note ? ` — ${esc(a.note)}` : ''}${a.resolved ? ' <span class="muted">(resolved)</span>' : ''}${replies}</li>`;
      })
      .join('');
    out.push(section('annotations', 'Analyst annotations', `<ul class="relations">${rows}</ul>`, s.annotations.length));
  }
  if (s.topics.length) out.push(section('topics', 'Key topics', `<p class="topics">${s.topics.map((t) => `<a href="#" class="ref chip" data-start="${t.start}" data-end="${t.start + t.text.length}" title="weight ${t.weight}">${esc(t.text)}</a>`).join(' ')}</p>`));
  const c = s.counts;
  out.push(section('counts', 'Counts', `<p class="muted">${c.words} words · ${c.sentences} sentences · ${c.people} people · ${c.organizations} organisations · ${c.places} places · ${c.dates} dates · ${c.quotes} quotes · ${c.relations} relations · ${c.indicators} indicators · ${c.assessments} assessments</p>`));
  return out.join('\n');
}

export interface PageParts {
  body: string;
  nonce: string;
  cspSource: string;
  styleUri: string;
  scriptUri: string;
  title: string;
}

/** The whole page: strict CSP (nothing remote, no inline code), the theme's colours through VS Code's CSS variables. */
export function renderSummaryPage(p: PageParts): string {
  const csp = `default-src 'none'; img-src ${p.cspSource}; style-src ${p.cspSource} 'nonce-${p.nonce}'; script-src 'nonce-${p.nonce}'; font-src ${p.cspSource};`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${esc(p.styleUri)}" nonce="${p.nonce}">
<title>${esc(p.title)}</title>
</head>
<body>
<main id="root" aria-live="polite">${p.body}</main>
<script nonce="${p.nonce}" src="${esc(p.scriptUri)}"></script>
</body>
</html>`;
}

/** A nonce for the CSP: 32 characters from a CSPRNG when there is one. */
export function makeNonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = new Uint8Array(32);
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint8Array) => Uint8Array } }).crypto;
  if (c?.getRandomValues) c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => chars[b % chars.length]).join('');
}
