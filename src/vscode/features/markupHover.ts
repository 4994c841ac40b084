import * as vscode from 'vscode';
import { ICD203_ROWS, zoneOffsetHours, type MarkupSpan } from '../../core';
import { COMMANDS } from '../commandIds';
import type { MarkupStore } from './markupStore';
import { caveatsOf, spanAt } from './markupText';

const INDICATOR_LABELS: Record<string, string> = {
  ipv4: 'IPv4 address',
  ipv6: 'IPv6 address',
  domain: 'Domain name',
  url: 'URL',
  email: 'E-mail address',
  md5: 'MD5 hash',
  sha1: 'SHA-1 hash',
  sha256: 'SHA-256 hash',
  cve: 'CVE identifier',
  'attack-technique': 'MITRE ATT&CK technique',
};

export const CONFIDENCE_MEANINGS: Record<string, string> = {
  high:
    'judgments based on high-quality information from multiple sources, or the nature of the issue makes a solid judgment possible. ' +
    'High confidence is not certainty: such a judgment can still be wrong.',
  moderate:
    'the information is credibly sourced and plausible, but not of sufficient quality or corroborated enough to warrant a higher level of confidence.',
  low:
    'the information is scant, questionable, fragmented or poorly corroborated, or solid inferences cannot be drawn from it; ' +
    'there are significant concerns or problems with the sources.',
};

const LEVELS: Record<string, [string, string]> = {
  TS: ['TOP SECRET', 'unauthorised disclosure could reasonably be expected to cause *exceptionally grave* damage to national security (EO 13526).'],
  S: ['SECRET', 'unauthorised disclosure could reasonably be expected to cause *serious* damage to national security (EO 13526).'],
  C: ['CONFIDENTIAL', 'unauthorised disclosure could reasonably be expected to cause *damage* to national security (EO 13526).'],
  U: ['UNCLASSIFIED', 'not classified; it may still carry dissemination controls (e.g. FOUO, CUI).'],
  CUI: ['CONTROLLED UNCLASSIFIED INFORMATION', 'unclassified information that law, regulation or policy requires to be safeguarded or disseminated only under controls (32 CFR 2002).'],
};

export const TLP_MEANINGS: Record<string, string> = {
  'TLP:RED': 'For the eyes and ears of individual recipients only, no further disclosure.',
  'TLP:AMBER': 'Limited disclosure: recipients may share it on a need-to-know basis within their organisation and its clients.',
  'TLP:AMBER+STRICT': 'Limited disclosure, restricted to the recipient organisation only (not its clients).',
  'TLP:GREEN': 'Limited disclosure: recipients may share it within their community, but not through publicly accessible channels.',
  'TLP:CLEAR': 'Disclosure is not limited: recipients may share it with the world (subject to copyright).',
  'TLP:WHITE': 'TLP 1.0 label for unlimited disclosure; TLP 2.0 calls it TLP:CLEAR.',
};

function percent(band: readonly [number, number]): string {
  return `${String(band[0]).padStart(2, '0')}\u2013${String(band[1]).padStart(2, '0')}%`;
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

/** `s` as an inline code span (a value holding a backtick gets a double-backtick fence). */
function code(s: string): string {
  return s.includes('`') ? `\`\` ${s} \`\`` : `\`${s}\``;
}

/** The two columns of the ICD 203 table, by row id. */
const ICD203_TABLE: Record<string, [string, string]> = {
  'almost-no-chance': ['almost no chance', 'remote'],
  'very-unlikely': ['very unlikely', 'highly improbable'],
  unlikely: ['unlikely', 'improbable (improbably)'],
  'roughly-even-chance': ['roughly even chance', 'roughly even odds'],
  likely: ['likely', 'probable (probably)'],
  'very-likely': ['very likely', 'highly probable'],
  'almost-certain': ['almost certain(ly)', 'nearly certain'],
};

/** The hover text of a markup span (Markdown); exported for tests. */
export function markupHoverMarkdown(span: MarkupSpan): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  switch (span.kind) {
    case 'estimative': {
      const row = ICD203_ROWS.find((r) => r.id === span.subtype);
      const band = span.band ?? row?.band;
      md.appendMarkdown(`**Estimative language**: ICD 203 likelihood row *${span.row ?? row?.label ?? ''}*${band ? `, **${percent(band)}**` : ''}\n\n`);
      md.appendMarkdown('| likelihood | synonyms | probability |\n| --- | --- | --- |\n');
      for (const r of ICD203_ROWS) {
        const [a, b] = ICD203_TABLE[r.id] ?? [r.label, ''];
        const cells = [a, b, percent(r.band)].map((c) => (r === row ? `**${c}**` : c));
        md.appendMarkdown(`| ${cells.join(' | ')} |\n`);
      }
      md.appendMarkdown('\nUse terms of one row per judgment; state confidence in a separate sentence.');
      break;
    }
    case 'confidence': {
      const level = span.level ?? 'moderate';
      md.appendMarkdown(`**${level[0]?.toUpperCase()}${level.slice(1)} confidence**: ${CONFIDENCE_MEANINGS[level] ?? ''}\n\n`);
      md.appendMarkdown('Confidence rates the evidence and reasoning behind a judgment, likelihood the event itself: ICD 203 asks for them in separate sentences.');
      break;
    }
    case 'indicator': {
      const label = INDICATOR_LABELS[span.subtype ?? ''] ?? 'Indicator';
      const value = span.value ?? span.text;
      md.appendMarkdown(`**${escapeMd(label)}**${span.defanged ? ' (defanged)' : ''}\n\n`);
      md.appendMarkdown(`Refanged: ${code(value)}\n\n`);
      const args = encodeURIComponent(JSON.stringify([value]));
      md.appendMarkdown(`[$(copy) Copy refanged](command:${COMMANDS.copyRefanged}?${args} "Copy the refanged value to the clipboard")`);
      md.supportThemeIcons = true;
      md.isTrusted = { enabledCommands: [COMMANDS.copyRefanged] };
      break;
    }
    case 'dtg': {
      md.appendMarkdown(`**Date-time group**: ${code(span.value ?? '')} (ISO 8601, UTC)\n\n`);
      const zone = /^\d{6}([A-Z])/.exec(span.text)?.[1];
      const offset = zone ? zoneOffsetHours(zone) : undefined;
      if (zone && offset !== undefined) {
        md.appendMarkdown(`Zone ${zone}${zone === 'Z' ? ' (Zulu)' : ''}: UTC${offset === 0 ? '' : `${offset > 0 ? '+' : '\u2212'}${Math.abs(offset)}`}.`);
      }
      break;
    }
    case 'marking': {
      if (span.subtype === 'tlp') {
        const label = span.value ?? span.text.toUpperCase();
        md.appendMarkdown(`**${label}** (Traffic Light Protocol)\n\n${TLP_MEANINGS[label] ?? ''}`);
        break;
      }
      const kind = span.subtype === 'banner' ? 'Banner marking' : 'Portion marking';
      const level = LEVELS[span.value ?? ''];
      md.appendMarkdown(`**${kind}** ${code(span.text)}\n\n`);
      if (level) md.appendMarkdown(`- **${level[0]}**: ${level[1]}\n`);
      for (const c of caveatsOf(span.text)) md.appendMarkdown(`- ${escapeMd(c)}\n`);
      break;
    }
  }
  return md;
}

/** Hover on analyst markup: estimative terms, confidence, indicators, date-time groups, markings. Undefined elsewhere. */
export class MarkupHoverProvider implements vscode.HoverProvider {
  constructor(private readonly store: MarkupStore) {}

  async provideHover(doc: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    if (!this.store.isEligible(doc)) return undefined;
    const r = await this.store.get(doc);
    if (token.isCancellationRequested || r.version !== doc.version) return undefined;
    const span = spanAt(r.spans, doc.offsetAt(position));
    if (!span) return undefined;
    return new vscode.Hover(markupHoverMarkdown(span), new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end)));
  }
}

export function registerMarkupHover(store: MarkupStore): vscode.Disposable {
  return vscode.languages.registerHoverProvider('*', new MarkupHoverProvider(store));
}
