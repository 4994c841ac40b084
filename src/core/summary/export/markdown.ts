import { defang } from '../../markup';
import type { FiveWAnswer, Summary, SummaryActor, SummaryThreat } from '../../types';
import { annotationsMarkdown } from '../../annotations/export';

/** Escapes text from the report so Markdown shows it as written (no accidental emphasis, links, HTML or tables). */
export function mdEscape(s: string): string {
  return s.replace(/[\\`*_{}[\]<>|#]/g, (c) => `\\${c}`).replace(/\r?\n|\r/g, ' ');
}

/** The six questions with their labels, in brief order (also used by the summary view). */
export const W_LABELS: [keyof Summary['fiveW'], string][] = [
  ['who', 'Who'],
  ['what', 'What'],
  ['when', 'When'],
  ['where', 'Where'],
  ['why', 'Why'],
  ['how', 'How'],
];

const n = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;
const NOT_STATED = '_not stated_';

function answer(a: FiveWAnswer): string {
  return a.answer ? mdEscape(a.answer) : NOT_STATED;
}

function actorLine(a: SummaryActor & { country?: string }): string {
  const parts = [`**${mdEscape(a.name)}**`];
  const details: string[] = [];
  if (a.roles.length) details.push(a.roles.map(mdEscape).join('; '));
  if (a.affiliation) details.push(mdEscape(a.affiliation));
  if (a.country && a.country !== a.name) details.push(mdEscape(a.country));
  if (details.length) parts.push(`: ${details.join(', ')}`);
  parts.push(` (${n(a.mentionCount, 'mention')})`);
  return `- ${parts.join('')}`;
}

export interface MarkdownOptions {
  /** Heading text; defaults to the summary's title or "Report summary". */
  title?: string;
  /** Leave out sections (e.g. ['counts']). */
  omit?: readonly ('actors' | 'organizations' | 'places' | 'timeline' | 'relations' | 'quotes' | 'topics' | 'indicators' | 'assessments' | 'annotations' | 'counts' | 'threat')[];
}

/** The Threat section: actors with aliases, malware, tools, techniques, vulnerabilities, targets, typed events. */
function threatMarkdown(t: SummaryThreat): string[] {
  const out = ['## Threat', ''];
  const attack = (e: { attackId?: string; attackName?: string; name: string }) =>
    e.attackId ? ` (ATT&CK ${e.attackId}${e.attackName && e.attackName !== e.name ? ` ${mdEscape(e.attackName)}` : ''})` : '';
  const list = (label: string, xs: SummaryThreat['actors']) => {
    if (!xs.length) return;
    out.push(`- **${label}:** ${xs.map((x) => `${mdEscape(x.name)}${attack(x)}${x.aliases.length ? ` — also ${x.aliases.map(mdEscape).join(', ')}` : ''}`).join('; ')}`);
  };
  list('Threat actors', t.actors);
  list('Malware', t.malware);
  list('Tools', t.tools);
  if (t.techniques.length) out.push(`- **Techniques:** ${t.techniques.map((x) => `${x.attackId ?? ''} ${mdEscape(x.name)}${x.tactics?.length ? ` (${x.tactics.join(', ')})` : ''}`.trim()).join('; ')}`);
  if (t.vulnerabilities.length) out.push(`- **Vulnerabilities:** ${t.vulnerabilities.join(', ')}`);
  out.push(`- **Indicators:** ${t.indicators}${t.citations ? ` (${t.citations} citation${t.citations === 1 ? '' : 's'} not counted)` : ''}`);
  if (t.targets.length) out.push(`- **Targets:** ${t.targets.map((x) => `${mdEscape(x.name)} (${x.kind})`).join(', ')}`);
  if (t.events.length) {
    out.push('', '### Threat events', '');
    for (const e of t.events) out.push(`- **${e.type}** — ${mdEscape(e.description)}: ${mdEscape(e.evidence.text)}`);
  }
  out.push('');
  return out;
}

/** A brief an analyst can paste: BLUF, 5W1H, actors, places, timeline, events, quotes, topics, counts. */
export function toMarkdown(summary: Summary, options: MarkdownOptions = {}): string {
  const omit = new Set(options.omit ?? []);
  const out: string[] = [];
  out.push(`# ${mdEscape(options.title ?? summary.title ?? 'Report summary')}`, '');
  const rd = summary.reportDate;
  const dateNote = rd.date ? `Report date: ${rd.date} (${rd.source === 'fallback' ? 'file date' : rd.source})` : 'Report date: unknown';
  out.push(`_${dateNote}._`, '');
  out.push('## Bottom line up front', '', summary.bluf.text ? mdEscape(summary.bluf.text) : NOT_STATED, '');
  out.push('## 5W1H', '');
  for (const [k, label] of W_LABELS) out.push(`- **${label}:** ${answer(summary.fiveW[k])}`);
  out.push('');
  if (!omit.has('actors') && summary.actors.some((a) => a.type === 'person')) {
    out.push('## Actors', '');
    for (const a of summary.actors.filter((x) => x.type === 'person')) out.push(actorLine(a));
    out.push('');
  }
  if (!omit.has('organizations') && summary.organizations.length) {
    out.push('## Organisations', '');
    for (const a of summary.organizations) out.push(actorLine(a));
    out.push('');
  }
  if (!omit.has('places') && summary.places.length) {
    out.push('## Places', '');
    for (const p of summary.places) out.push(actorLine(p));
    out.push('');
  }
  if (!omit.has('timeline') && summary.timeline.length) {
    out.push('## Timeline', '');
    const ordered = [...summary.timeline].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || a.start - b.start);
    for (const t of ordered) {
      const when = t.date ? `${t.date}${t.endDate ? ` – ${t.endDate}` : ''}${t.time ? ` ${t.time}` : ''}` : t.type === 'duration' || t.type === 'set' ? `${t.type} ${t.value ?? ''}`.trim() : 'unresolved';
      out.push(`- **${when}** — “${mdEscape(t.text)}”: ${mdEscape(t.sentence.text)}`);
    }
    out.push('');
  }
  if (!omit.has('relations') && summary.relations.length) {
    out.push('## Relations and events', '');
    for (const r of summary.relations) out.push(`- **${r.type}** — ${mdEscape(r.description)}`);
    out.push('');
  }
  if (!omit.has('quotes') && summary.quotes.length) {
    out.push('## Quotes', '');
    for (const q of summary.quotes) {
      // Reported speech is the reporter's wording, not the speaker's: said so beside the speaker.
      out.push(`> ${mdEscape(q.text)}`, `>`, `> — ${q.speaker ? mdEscape(q.speaker) : 'unattributed'}${q.indirect ? ' _(reported speech, not their words)_' : ''}`, '');
    }
  }
  if (!omit.has('assessments') && summary.assessments.length) {
    out.push('## Assessments', '');
    for (const a of summary.assessments) {
      const conf = a.confidence ? `, ${a.confidence} confidence` : '';
      out.push(`- **${mdEscape(a.term.text)}** (${a.row}, ${a.band[0]}–${a.band[1]}%${conf}): ${mdEscape(a.sentence.text)}`);
    }
    out.push('');
  }
  if (!omit.has('threat') && summary.threat) out.push(...threatMarkdown(summary.threat));
  if (!omit.has('indicators') && summary.indicators.length) {
    // Shared defanged, as analysts exchange them: nothing in the brief is a live link.
    out.push('## Indicators', '', '| Type | Indicator (defanged) | Mentions |', '|---|---|---|');
    for (const i of summary.indicators) out.push(`| ${i.type} | \`${defang(i.value).replace(/`/g, "'").replace(/\|/g, '\\|')}\` | ${i.mentions.length} |`);
    out.push('');
  }
  if (!omit.has('topics') && summary.topics.length) {
    out.push('## Key topics', '', summary.topics.map((t) => mdEscape(t.text)).join(', '), '');
  }
  if (!omit.has('annotations')) out.push(...annotationsMarkdown(summary.annotations));
  if (!omit.has('counts')) {
    const c = summary.counts;
    out.push(
      '## Counts',
      '',
      `${n(c.words, 'word')}, ${n(c.sentences, 'sentence')}; ${n(c.people, 'person', 'people')}, ${n(c.organizations, 'organisation')}, ${n(c.places, 'place')}, ${n(c.dates, 'date')}, ${n(c.quotes, 'quote')}, ${n(c.relations, 'relation')}.`,
      '',
    );
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
