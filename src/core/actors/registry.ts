import type { ActorSplit, ActorType, EntityCorrection, EntityType, ParsedRegistry, RegistryEntry, RegistryProblem } from '../types';
import { ENTITY_TYPES } from '../types';
import { correctionKey } from '../lens/corrections';

/**
 * The actor registry file (`.analyst/actors.json`):
 *
 *     { "actors": [ { "name": "Benjamin Netanyahu", "aliases": ["Bibi"], "type": "person", "role": "Prime Minister",
 *                     "affiliation": "Israel", "notes": "…", "tags": ["leader"], "watchlist": true } ],
 *       "ignore": ["Premier League"] }
 *
 * Parsed here without the host: a small JSON parser that keeps offsets (so every problem points at its place in the
 * file), tolerant of comments and trailing commas (which it reports as warnings). A syntax error yields no entries
 * and one error; a wrong value skips that field or entry with an error and keeps the rest.
 */

interface Node {
  kind: 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';
  start: number;
  end: number;
  value?: string | number | boolean | null;
  /** object members in order */
  members?: { key: string; keyStart: number; keyEnd: number; value: Node }[];
  items?: Node[];
}

class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

function parseJson(text: string, warnings: RegistryProblem[]): Node {
  let i = 0;
  const n = text.length;
  const fail = (msg: string, at = i, len = 1): never => {
    throw new JsonSyntaxError(msg, Math.min(at, n), Math.min(at + len, n));
  };
  const skip = () => {
    for (;;) {
      while (i < n && /[\s\ufeff]/.test(text[i])) i++;
      if (text.startsWith('//', i)) {
        const s = i;
        while (i < n && text[i] !== '\n') i++;
        warnings.push({ message: 'Comments are not JSON; they are ignored here.', start: s, end: i, severity: 'warning' });
      } else if (text.startsWith('/*', i)) {
        const s = i;
        const e = text.indexOf('*/', i + 2);
        if (e < 0) fail('Unterminated comment.', s, 2);
        i = e + 2;
        warnings.push({ message: 'Comments are not JSON; they are ignored here.', start: s, end: i, severity: 'warning' });
      } else return;
    }
  };
  const str = (): Node => {
    const s = i;
    i++;
    let out = '';
    while (i < n && text[i] !== '"') {
      const c = text[i];
      if (c === '\n') fail('Unterminated string.', s, i - s);
      if (c === '\\') {
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else fail('Invalid escape in string.', i, 2);
      } else {
        out += c;
        i++;
      }
    }
    if (i >= n) fail('Unterminated string.', s, n - s);
    i++;
    return { kind: 'string', start: s, end: i, value: out };
  };
  /** The items of an object or array after its opening character, up to and past `close`; trailing comma tolerated. */
  const sequence = (close: string, closeName: string, item: () => void) => {
    i++;
    skip();
    if (text[i] === close) {
      i++;
      return;
    }
    for (;;) {
      item();
      skip();
      if (text[i] === close) {
        i++;
        return;
      }
      if (text[i] !== ',') fail(`A comma or a closing ${closeName} was expected.`);
      const comma = i++;
      skip();
      if (text[i] === close) {
        warnings.push({ message: 'Trailing comma.', start: comma, end: comma + 1, severity: 'warning' });
        i++;
        return;
      }
    }
  };
  const value = (): Node => {
    skip();
    if (i >= n) fail('Unexpected end of file: a value was expected.', n, 0);
    const c = text[i];
    const s = i;
    if (c === '{') {
      const members: NonNullable<Node['members']> = [];
      sequence('}', 'brace', () => {
        skip();
        if (text[i] !== '"') fail('A property name in double quotes was expected.');
        const k = str();
        skip();
        if (text[i] !== ':') fail('A colon was expected after the property name.');
        i++;
        members.push({ key: k.value as string, keyStart: k.start, keyEnd: k.end, value: value() });
      });
      return { kind: 'object', start: s, end: i, members };
    }
    if (c === '[') {
      const items: Node[] = [];
      sequence(']', 'bracket', () => items.push(value()));
      return { kind: 'array', start: s, end: i, items };
    }
    if (c === '"') return str();
    const lit = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 64));
    if (!lit) fail(`Unexpected character ${JSON.stringify(c)}.`);
    i += lit![0].length;
    const t = lit![0];
    if (t === 'true' || t === 'false') return { kind: 'boolean', start: s, end: i, value: t === 'true' };
    if (t === 'null') return { kind: 'null', start: s, end: i, value: null };
    return { kind: 'number', start: s, end: i, value: Number(t) };
  };
  const root = value();
  skip();
  if (i < n) fail('Unexpected content after the end of the JSON value.', i, n - i);
  return root;
}

const ACTOR_TYPES: readonly ActorType[] = ['person', 'organization', 'place', 'group'];
const TYPE_ALIASES: Record<string, ActorType> = { organisation: 'organization', org: 'organization', location: 'place', country: 'place' };
const KNOWN_FIELDS = new Set(['name', 'aliases', 'type', 'role', 'affiliation', 'notes', 'tags', 'watchlist']);

/** Reads a registry file's text. Never throws: what is wrong comes back in `problems`, with offsets into `text`. */
export function parseRegistry(text: string, source?: string): ParsedRegistry {
  const problems: RegistryProblem[] = [];
  const result: ParsedRegistry = { actors: [], ignore: [], problems };
  if (typeof text !== 'string' || !text.trim()) return result;
  let root: Node;
  try {
    root = parseJson(text, problems);
  } catch (err) {
    if (err instanceof JsonSyntaxError) {
      problems.push({ message: `Invalid JSON: ${err.message}`, start: err.start, end: Math.max(err.end, err.start), severity: 'error' });
      return result;
    }
    throw err;
  }
  const error = (message: string, node: { start: number; end: number }) => problems.push({ message, start: node.start, end: node.end, severity: 'error' });
  const warn = (message: string, start: number, end: number) => problems.push({ message, start, end, severity: 'warning' });
  if (root.kind !== 'object') {
    error('The registry must be an object: { "actors": [ … ], "ignore": [ … ] }.', root);
    return result;
  }
  const strings = (node: Node, what: string): string[] => {
    if (node.kind !== 'array') {
      error(`"${what}" must be an array of strings.`, node);
      return [];
    }
    const out: string[] = [];
    for (const it of node.items!) {
      if (it.kind === 'string' && (it.value as string).trim()) out.push((it.value as string).trim());
      else error(`Each item of "${what}" must be a non-empty string.`, it);
    }
    return out;
  };
  for (const m of root.members!) {
    if (m.key === 'ignore') result.ignore.push(...strings(m.value, 'ignore'));
    else if (m.key === 'actors') {
      if (m.value.kind !== 'array') {
        error('"actors" must be an array of actor entries.', m.value);
        continue;
      }
      for (const item of m.value.items!) {
        const entry = readEntry(item, error, warn, strings);
        if (entry) {
          entry.start = item.start;
          entry.end = item.end;
          if (source) entry.source = source;
          result.actors.push(entry);
        }
      }
    } else if (m.key === 'corrections') result.corrections = readCorrections(m.value, error);
    else if (m.key === 'splits') result.splits = readSplits(m.value, error);
    else if (m.key !== '$schema' && m.key !== 'version') warn(`Unknown property "${m.key}" (expected "actors", "ignore", "corrections" and "splits").`, m.keyStart, m.keyEnd);
  }
  return result;
}

function readEntry(
  item: Node,
  error: (message: string, node: { start: number; end: number }) => void,
  warn: (message: string, start: number, end: number) => void,
  strings: (node: Node, what: string) => string[],
): RegistryEntry | undefined {
  if (item.kind !== 'object') {
    error('An actor entry must be an object with at least a "name".', item);
    return undefined;
  }
  const entry: Partial<RegistryEntry> = {};
  const str = (v: Node, key: string): string | undefined => {
    if (v.kind === 'string') return (v.value as string).trim() || undefined;
    error(`"${key}" must be a string.`, v);
    return undefined;
  };
  for (const { key, keyStart, keyEnd, value } of item.members!) {
    switch (key) {
      case 'name':
      case 'role':
      case 'affiliation':
      case 'notes': {
        const s = str(value, key);
        if (s) entry[key] = s;
        break;
      }
      case 'aliases':
      case 'tags':
        entry[key] = strings(value, key);
        break;
      case 'type': {
        const s = str(value, key)?.toLowerCase();
        if (!s) break;
        const t = (ACTOR_TYPES as readonly string[]).includes(s) ? (s as ActorType) : TYPE_ALIASES[s];
        if (t) entry.type = t;
        else error(`"type" must be one of ${ACTOR_TYPES.map((x) => `"${x}"`).join(', ')}.`, value);
        break;
      }
      case 'watchlist':
        if (value.kind === 'boolean') entry.watchlist = value.value as boolean;
        else error('"watchlist" must be true or false.', value);
        break;
      default:
        if (!KNOWN_FIELDS.has(key)) warn(`Unknown property "${key}" of an actor entry.`, keyStart, keyEnd);
    }
  }
  if (!entry.name) {
    error('This actor entry has no "name": it is skipped.', item);
    return undefined;
  }
  return entry as RegistryEntry;
}

/** Appends an entry to a registry file's text (or starts a new file), keeping the rest of the file as written. */
export function appendRegistryEntry(text: string, entry: RegistryEntry): string {
  const clean: Record<string, unknown> = { name: entry.name };
  for (const k of ['aliases', 'type', 'role', 'affiliation', 'notes', 'tags', 'watchlist'] as const) {
    const v = entry[k];
    if (v !== undefined && !(Array.isArray(v) && v.length === 0)) clean[k] = v;
  }
  return editRegistryList(text, 'actors', clean);
}

/** Adds a name to the registry's "ignore" list (once), keeping the rest of the file as written. */
export function addIgnoredName(text: string, name: string): string {
  const parsed = parseRegistry(text);
  if (parsed.ignore.some((n) => n.toLowerCase() === name.toLowerCase())) return text;
  return editRegistryList(text, 'ignore', name);
}

function editRegistryList(text: string, list: 'actors' | 'ignore' | 'corrections' | 'splits', value: unknown): string {
  const json = (v: unknown, indent: string) => JSON.stringify(v, null, 2).replace(/\n/g, `\n${indent}`);
  const fresh = () => {
    // No "$schema": the extension associates the schema with the file name, and a URL here would be fetched.
    const doc: Record<string, unknown[]> = { actors: [], ignore: [] };
    doc[list] = [...(doc[list] ?? []), value];
    return `${JSON.stringify(doc, null, 2)}\n`;
  };
  const root = rootOf(text);
  if (!root) return fresh();
  const member = root.members!.find((m) => m.key === list);
  if (member && member.value.kind === 'array') {
    const arr = member.value;
    const items = arr.items!;
    const lineStart = text.lastIndexOf('\n', member.keyStart) + 1;
    const baseIndent = /^[ \t]*/.exec(text.slice(lineStart))![0];
    const indent = `${baseIndent}  `;
    if (items.length === 0) return `${text.slice(0, arr.start)}[\n${indent}${json(value, indent)}\n${baseIndent}]${text.slice(arr.end)}`;
    const last = items[items.length - 1];
    return `${text.slice(0, last.end)},\n${indent}${json(value, indent)}${text.slice(last.end)}`;
  }
  if (member) throw new Error(`"${list}" in the actor registry is not an array.`);
  // No such list yet: add it as the last member.
  const closing = root.end - 1;
  const members = root.members!;
  const sep = members.length ? ',' : '';
  const insertAt = members.length ? members[members.length - 1].value.end : root.start + 1;
  return `${text.slice(0, insertAt)}${sep}\n  "${list}": [\n    ${json(value, '    ')}\n  ]\n${text.slice(closing)}`;
}

const ENTITY_TYPE_ALIASES: Record<string, EntityType> = { organisation: 'organization', org: 'organization', location: 'place', nationality: 'group' };

type ReportError = (message: string, node: { start: number; end: number }) => void;

/** The items of the registry list `name` with their "text" member and their `key` member; an error if it is no array. */
function listItems(node: Node, name: string, key: string, error: ReportError): Array<{ item: Node; text?: Node; other?: Node }> {
  if (node.kind !== 'array') {
    error(`"${name}" must be an array of { "text": …, "${key}": … } objects.`, node);
    return [];
  }
  return node.items!.map((item) => ({
    item,
    text: item.members?.find((m) => m.key === 'text')?.value,
    other: item.members?.find((m) => m.key === key)?.value,
  }));
}

function readCorrections(node: Node, error: ReportError): EntityCorrection[] {
  const out: EntityCorrection[] = [];
  for (const { item, text, other: type } of listItems(node, 'corrections', 'type', error)) {
    if (item.kind !== 'object' || text?.kind !== 'string' || !(text.value as string).trim()) {
      error('A correction needs a "text" (the highlighted words) and a "type" (an entity type, or null for not an entity).', item);
      continue;
    }
    if (!type || type.kind === 'null') {
      out.push({ text: (text.value as string).trim(), type: null });
      continue;
    }
    const t = type.kind === 'string' ? (type.value as string).toLowerCase() : '';
    const resolved = (ENTITY_TYPES as readonly string[]).includes(t) ? (t as EntityType) : ENTITY_TYPE_ALIASES[t];
    if (resolved) out.push({ text: (text.value as string).trim(), type: resolved });
    else error(`"type" must be null or one of ${ENTITY_TYPES.map((x) => `"${x}"`).join(', ')}.`, type);
  }
  return out;
}

function readSplits(node: Node, error: ReportError): ActorSplit[] {
  const out: ActorSplit[] = [];
  for (const { item, text, other: from } of listItems(node, 'splits', 'from', error)) {
    if (item.kind === 'object' && text?.kind === 'string' && from?.kind === 'string' && (text.value as string).trim() && (from.value as string).trim()) {
      out.push({ text: (text.value as string).trim(), from: (from.value as string).trim() });
    } else error('A split needs "text" (the mention) and "from" (the actor it is not).', item);
  }
  return out;
}

function rootOf(text: string): Node | undefined {
  if (!text.trim()) return undefined;
  let root: Node;
  try {
    root = parseJson(text, []);
  } catch {
    throw new Error('The actor registry is not valid JSON: fix it first (see the Problems panel).');
  }
  if (root.kind !== 'object') throw new Error('The actor registry must be a JSON object.');
  return root;
}

/**
 * Records a correction of a highlighted text ("type": null for not an entity), replacing an earlier correction of
 * the same text; the rest of the file stays as written.
 */
export function setRegistryCorrection(text: string, correction: EntityCorrection): string {
  const value = { text: correction.text.trim(), type: correction.type };
  const list = rootOf(text)?.members!.find((m) => m.key === 'corrections')?.value;
  const old = list?.kind === 'array' ? list.items!.find((it) => it.members?.some((m) => m.key === 'text' && m.value.kind === 'string' && correctionKey(m.value.value as string) === correctionKey(value.text))) : undefined;
  if (old) return `${text.slice(0, old.start)}${JSON.stringify(value)}${text.slice(old.end)}`;
  return editRegistryList(text, 'corrections', value);
}

/** Records that mentions written `split.text` are not the actor `split.from` (once). */
export function addRegistrySplit(text: string, split: ActorSplit): string {
  const parsed = parseRegistry(text);
  if (parsed.splits?.some((s) => correctionKey(s.text) === correctionKey(split.text) && correctionKey(s.from) === correctionKey(split.from))) return text;
  return editRegistryList(text, 'splits', { text: split.text.trim(), from: split.from.trim() });
}

/**
 * "Same actor as …": adds `alias` to the registry entry named `name` (its "aliases" list, created if missing), or
 * appends an entry { name, aliases: [alias], type } when the actor is not registered yet.
 */
export function addRegistryAlias(text: string, name: string, alias: string, type?: ActorType): string {
  const root = rootOf(text);
  const actors = root?.members!.find((m) => m.key === 'actors')?.value;
  const entry = actors?.kind === 'array' ? actors.items!.find((it) => it.members?.some((m) => m.key === 'name' && m.value.kind === 'string' && correctionKey(m.value.value as string) === correctionKey(name))) : undefined;
  if (!entry || entry.kind !== 'object') return appendRegistryEntry(text, { name, aliases: [alias], type });
  const aliases = entry.members!.find((m) => m.key === 'aliases')?.value;
  if (aliases?.kind === 'array') {
    if (aliases.items!.some((it) => it.kind === 'string' && correctionKey(it.value as string) === correctionKey(alias))) return text;
    const last = aliases.items![aliases.items!.length - 1];
    return last ? `${text.slice(0, last.end)}, ${JSON.stringify(alias)}${text.slice(last.end)}` : `${text.slice(0, aliases.start)}[${JSON.stringify(alias)}]${text.slice(aliases.end)}`;
  }
  const lastMember = entry.members![entry.members!.length - 1];
  const at = lastMember ? lastMember.value.end : entry.start + 1;
  return `${text.slice(0, at)}${lastMember ? ', ' : ''}"aliases": [${JSON.stringify(alias)}]${text.slice(at)}`;
}
