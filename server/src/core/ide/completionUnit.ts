/**
 * Completion inside the embedded systemd unit: section headers, the directives of the
 * section, their known values, and the nmcli command of an Exec*= line down to the
 * attributes of a route.
 */
import type { CompletionItem } from './completionItem';
import { EmbeddedText } from '../text/embeddedText';
import { splitExecCommand } from '../formats/execCommand';
import type { UnitLineContext, UnitValueContext } from './completionContext';
import { ROUTE_ATTRIBUTES, ROUTE_TYPES, type RouteAttributeSpec } from '../routes/routeAttributes';
import type { Settings } from '../text/settings';
import { choice, escapeSnippet, order } from '../text/snippetText';
import { SECTION_DIRECTIVES, SECTIONS_BY_TYPE, unitTypeOf } from '../formats/systemdDirectives';

/** Names older systemd releases still read but the manuals list as deprecated: not offered. */
const DEPRECATED = new Set([
  'StartLimitInterval', 'OnFailureIsolate', 'BindTo', 'PermissionsStartOnly', 'CPUShares', 'StartupCPUShares', 'MemoryLimit',
  'BlockIOAccounting', 'BlockIOWeight', 'StartupBlockIOWeight', 'BlockIODeviceWeight', 'BlockIOReadBandwidth',
  'BlockIOWriteBandwidth', 'ReadWriteDirectories', 'ReadOnlyDirectories', 'InaccessibleDirectories',
]);

/** Directives that may stand more than once in a section. */
const REPEATABLE = /^(Wants|Requires|Requisite|BindsTo|PartOf|Upholds|Conflicts|Before|After|OnFailure|OnSuccess|Documentation|Exec\w+|Environment|EnvironmentFile|WantedBy|RequiredBy|UpheldBy|Alias|Also|Condition\w+|Assert\w+)$/;

/** The directives a network unit uses, first in their section, in this order. */
const COMMON: Record<string, string[]> = {
  Unit: ['Description', 'Wants', 'After', 'Before', 'Requires', 'Documentation', 'BindsTo', 'PartOf', 'ConditionPathExists', 'DefaultDependencies'],
  Service: ['Type', 'RemainAfterExit', 'ExecStart', 'ExecStartPre', 'ExecStartPost', 'ExecStop', 'Restart', 'RestartSec', 'TimeoutStartSec', 'Environment', 'EnvironmentFile', 'StandardOutput'],
  Install: ['WantedBy', 'RequiredBy', 'Alias', 'Also'],
};

const DIRECTIVE_DETAILS: Record<string, string> = {
  Description: 'a human-readable name shown by systemctl',
  Documentation: 'URLs of documentation',
  Wants: 'units to start along with this one (weak)',
  Requires: 'units to start along with this one; stop if they fail',
  After: 'start after these units (ordering only)',
  Before: 'start before these units (ordering only)',
  BindsTo: 'stop when these units stop',
  PartOf: 'stop and restart with these units',
  ConditionPathExists: 'start only if the path exists',
  DefaultDependencies: 'no: drop the implicit ordering of early-boot units',
  Type: 'how systemd knows the service has started',
  RemainAfterExit: 'yes: stay active after the command exits',
  ExecStart: 'the command to run (no shell)',
  ExecStartPre: 'a command run before ExecStart',
  ExecStartPost: 'a command run after ExecStart',
  ExecStop: 'a command run to stop the service',
  Restart: 'when to restart the service',
  RestartSec: 'how long to wait before a restart',
  TimeoutStartSec: 'how long the start may take',
  Environment: 'environment variables for the commands',
  EnvironmentFile: 'a file of environment variables',
  StandardOutput: 'where the output goes',
  WantedBy: 'enabling adds this unit to the target\'s wants',
  RequiredBy: 'enabling adds this unit to the target\'s requires',
  Alias: 'other names for the unit',
  Also: 'units enabled along with this one',
};

interface Known {
  value: string;
  detail?: string;
}

const TARGETS: Record<string, string> = {
  'network-online.target': 'reached once the network is up (pull it in with Wants=)',
  'ovs-configuration.service': 'OVN-Kubernetes: builds br-ex (configure-ovs.sh)',
  'NetworkManager-wait-online.service': 'waits until NetworkManager has activated the connections',
  'NetworkManager.service': 'NetworkManager itself',
  'kubelet-dependencies.target': 'what kubelet waits for: order Before= it when kubelet needs the routes',
  'kubelet.service': 'the kubelet',
  'crio.service': 'the container runtime',
  'network.target': 'network management started (not: network up)',
  'nodeip-configuration.service': 'picks the node IP',
  'multi-user.target': 'the normal boot target',
};

const units = (...names: string[]): Known[] => names.map((value) => ({ value, detail: TARGETS[value] }));

/** Known values per directive, in the order to offer them. */
function knownDirectiveValues(key: string, settings: Settings): Known[] {
  const ovn = settings.networkType === 'OVNKubernetes';
  switch (key) {
    case 'Type':
      return [
        { value: 'oneshot', detail: 'runs to completion (set RemainAfterExit=yes)' },
        { value: 'simple', detail: 'started as soon as the process is forked' },
        { value: 'exec', detail: 'started once the binary has been executed' },
        { value: 'forking', detail: 'a daemon that forks' },
        { value: 'notify', detail: 'the process says when it is ready' },
        { value: 'notify-reload', detail: 'notify, and reloads on SIGHUP' },
        { value: 'dbus', detail: 'ready when it takes its bus name' },
        { value: 'idle', detail: 'like simple, after other jobs are dispatched' },
      ];
    case 'RemainAfterExit':
    case 'DefaultDependencies':
      return [{ value: 'yes' }, { value: 'no' }];
    case 'Restart':
      return ['on-failure', 'no', 'always', 'on-success', 'on-abnormal', 'on-abort', 'on-watchdog'].map((value) => ({ value }));
    case 'After':
      return ovn
        ? units('network-online.target', 'ovs-configuration.service', 'NetworkManager-wait-online.service', 'NetworkManager.service', 'network.target')
        : units('network-online.target', 'NetworkManager-wait-online.service', 'NetworkManager.service', 'network.target', 'ovs-configuration.service');
    case 'Wants':
    case 'Requires':
    case 'BindsTo':
    case 'PartOf':
      return units('network-online.target', 'NetworkManager-wait-online.service', 'NetworkManager.service');
    case 'Before':
      return units('kubelet-dependencies.target', 'kubelet.service', 'crio.service');
    case 'WantedBy':
    case 'RequiredBy':
      return units('multi-user.target', 'network-online.target', 'kubelet-dependencies.target');
    case 'StandardOutput':
    case 'StandardError':
      return ['journal', 'journal+console', 'inherit', 'null'].map((value) => ({ value }));
    default:
      return [];
  }
}

/** Directives whose value is a space-separated list of unit names. */
const UNIT_LISTS = new Set(['After', 'Before', 'Wants', 'Requires', 'BindsTo', 'PartOf', 'Requisite', 'Conflicts', 'WantedBy', 'RequiredBy']);

const sortText = (i: number): string => String(i).padStart(3, '0');

/** At the start of a unit line: the sections not written yet, and the directives of the current section. */
export function unitLineCompletions(context: UnitLineContext, settings: Settings, interfaces: string[]): CompletionItem[] {
  const { unit, partial } = context;
  const sectionItems: CompletionItem[] = [];
  const type = unitTypeOf(unit.unitName) ?? 'service';
  // A dropin may repeat the sections of its unit.
  const isDropin = unit.path.includes('dropins');
  if (!context.hasEquals) {
    for (const section of SECTIONS_BY_TYPE[type] ?? ['Unit', 'Service', 'Install']) {
      if (unit.sections.includes(section) && !isDropin) continue;
      sectionItems.push({ label: `[${section}]`, kind: 'section', insertText: `[${section}]`, detail: sectionDetail(section) });
    }
  }
  const section = unit.section;
  const known = section ? SECTION_DIRECTIVES[section] : undefined;
  if (partial.startsWith('[') || !section || !known) return sectionItems.map((item, i) => ({ ...item, sortText: sortText(i) }));

  const present = unit.directives.get(section) ?? new Set<string>();
  const indent = ' '.repeat(context.column);
  const directiveItems: CompletionItem[] = [];
  if (!context.hasEquals) directiveItems.push(...unitSnippets(section, present, indent, settings, interfaces));
  const names = order([...known].filter((d) => !DEPRECATED.has(d) && (!present.has(d) || REPEATABLE.test(d))), COMMON[section] ?? []);
  for (const name of names) {
    const values = knownDirectiveValues(name, settings);
    const insert = context.hasEquals
      ? { insertText: name }
      : values.length > 0
        ? { insertText: `${escapeSnippet(name)}=\${1|${choice(values.map((v) => v.value))}|}`, isSnippet: true }
        : { insertText: `${name}=` };
    directiveItems.push({ label: name, kind: 'directive', ...insert, detail: DIRECTIVE_DETAILS[name] ?? `[${section}] directive` });
  }
  // The sections still missing come after the directives of the section the caret is in.
  return [...directiveItems, ...sectionItems].map((item, i) => ({ ...item, sortText: sortText(i) }));
}

function sectionDetail(section: string): string {
  switch (section) {
    case 'Unit': return 'description and dependencies';
    case 'Service': return 'what the service runs';
    case 'Install': return 'what systemctl enable does';
    default: return `[${section}] section`;
  }
}

/** Whole lines a route unit needs, as snippets. */
function unitSnippets(section: string, present: Set<string>, indent: string, settings: Settings, interfaces: string[]): CompletionItem[] {
  const items: CompletionItem[] = [];
  if (section === 'Unit' && !present.has('Wants') && !present.has('After')) {
    const after = settings.networkType === 'OVNKubernetes' ? 'network-online.target ovs-configuration.service' : 'network-online.target';
    items.push({
      label: 'Wants=/After=network-online.target',
      kind: 'snippet',
      insertText: `Wants=network-online.target\n${indent}After=${after}`,
      isSnippet: true,
      detail: 'start once the network is up',
      documentation: 'After= alone only orders: Wants= pulls network-online.target into the boot, so the unit waits for the network.' +
        (settings.networkType === 'OVNKubernetes' ? ' On OVN-Kubernetes, ovs-configuration.service builds br-ex: order after it too.' : ''),
    });
  }
  if (section === 'Service') {
    if (!present.has('Type')) {
      items.push({
        label: 'Type=oneshot + RemainAfterExit=yes',
        kind: 'snippet',
        insertText: `Type=oneshot\n${indent}RemainAfterExit=yes`,
        isSnippet: true,
        detail: 'run once at boot, then stay active',
      });
    }
    const iface = interfaces.length > 0 ? `\${1|${choice(interfaces)}|}` : '${1:br-ex}';
    items.push({
      label: 'ExecStart=/usr/bin/nmcli device modify … +ipv4.routes',
      kind: 'snippet',
      insertText: `ExecStart=/usr/bin/nmcli device modify ${iface} +ipv4.routes "\${2:192.168.1.0/24} \${3:172.18.0.1}"$0`,
      isSnippet: true,
      detail: 'add a static route at boot',
      documentation: '`nmcli device modify` changes the device at run time; the unit runs it again at every boot. `+` adds to the routes the device has.',
    });
  }
  return items;
}

/** Items with the range they replace, when it is not the word at the caret. */
export interface RangedItems {
  items: CompletionItem[];
  replaceStart?: number;
  replaceEnd?: number;
}

/** After `Key=`: known values, or the nmcli command of an Exec*= line. */
export function unitValueCompletions(context: UnitValueContext, settings: Settings, interfaces: string[], explicit: boolean): RangedItems {
  if (/^Exec/.test(context.key)) return execCompletions(context, settings, interfaces, explicit);
  const values = knownDirectiveValues(context.key, settings);
  if (values.length === 0) return { items: [] };
  const list = UNIT_LISTS.has(context.key);
  // A single value: only while the value is one word.
  if (!list && /\s/.test(context.value.trim())) return { items: [] };
  const written = new Set(context.value.split(/\s+/).filter(Boolean));
  written.delete(context.partial);
  const items = values
    .filter((v) => !written.has(v.value))
    .map((v, i) => ({ label: v.value, kind: 'value' as const, insertText: v.value, ...(v.detail ? { detail: v.detail } : {}), sortText: sortText(i) }));
  return { items };
}

// ---------------------------------------------------------------------------------------
// Exec*= lines

interface Token {
  value: string;
  /** The quote left open at the end of the text. */
  open?: string;
}

/**
 * The words of an Exec value being typed, split as systemd splits them (splitExecCommand),
 * the word an open quote leaves unfinished last; `boundary` when the cursor stands after
 * whitespace, at the start of a new word.
 */
function tokenize(text: string): { tokens: Token[]; boundary: boolean } {
  const { prefixes, argv, unfinished } = splitExecCommand(EmbeddedText.verbatim(text, 0));
  const tokens: Token[] = argv.map((word) => ({ value: word.value }));
  if (unfinished) tokens.push({ value: unfinished.word.value, open: unfinished.quote });
  const rest = text.trimStart().slice(prefixes.length);
  const boundary = !unfinished && (rest === '' || /(?:^|[^\\])\s$/.test(rest));
  return { tokens, boundary };
}

const OPTIONS_WITH_ARGUMENT = new Set(['-m', '--mode', '-f', '--fields', '-g', '--get-values', '-e', '--escape', '-c', '--colors', '-w', '--wait']);

const abbreviates = (word: string, full: string, shortest: number): boolean => word.length >= shortest && full.startsWith(word);

function execCompletions(context: UnitValueContext, settings: Settings, interfaces: string[], explicit: boolean): RangedItems {
  const { tokens, boundary } = tokenize(context.value);
  const index = boundary ? tokens.length : tokens.length - 1;
  const current: Token = boundary ? { value: '' } : tokens[index];
  const argv = tokens.map((t) => t.value);
  // Words of the command line; a quoted word is a value typed by the user.
  const plainWord = !current.open && !/["'\\]/.test(context.partial);
  const words = (items: CompletionItem[]): RangedItems => ({ items: plainWord ? items.map((item, n) => ({ ...item, sortText: sortText(n) })) : [] });

  if (index === 0) {
    // `-/usr/bin/nmcli`: the prefix characters (ignore failure, …) stay.
    const prefix = /^[@\-:+!|]*/.exec(context.partial)![0].length;
    return { ...words([keyword('/usr/bin/nmcli', 'NetworkManager\'s command line: sets the routes')]), replaceStart: context.replaceStart + prefix };
  }
  const program = argv[0];
  if (program !== 'nmcli' && !program.endsWith('/nmcli')) return { items: [] };

  let i = 1;
  while (i < index && argv[i].startsWith('-')) i += OPTIONS_WITH_ARGUMENT.has(argv[i]) ? 2 : 1;
  if (index === i) {
    if (current.value.startsWith('-')) return { items: [] };
    return words([
      keyword('device', 'device modify: changes the running device (lost when it reconnects; the unit re-runs at boot)'),
      keyword('dev', 'short for device'),
      keyword('connection', 'connection modify: changes the saved profile'),
      keyword('con', 'short for connection'),
    ]);
  }
  const objectWord = argv[i];
  const object = abbreviates(objectWord, 'device', 1) ? 'device' : abbreviates(objectWord, 'connection', 1) ? 'connection' : undefined;
  if (!object) return { items: [] };
  const verbIndex = i + 1;
  if (index === verbIndex) return words([keyword('modify', object === 'device' ? 'change the device\'s settings at run time' : 'change the profile')]);
  if (!abbreviates(argv[verbIndex] ?? '', 'modify', 3)) return { items: [] };

  let target = verbIndex + 1;
  if (object === 'connection') {
    while (target < index && argv[target].startsWith('--')) target++;
    if (target < index && ['id', 'uuid', 'path', 'filename'].includes(argv[target])) target++;
  }
  if (index === target) {
    const typed = context.partial + context.wordAfter;
    const ovn = settings.networkType === 'OVNKubernetes';
    return words(interfaces.filter((name) => name !== typed).map((name) => ({
      label: name,
      kind: 'value' as const,
      insertText: name,
      detail: name === 'br-ex' && ovn ? 'the OVS bridge that carries the node IP on OVN-Kubernetes' : 'used in this file',
    })));
  }
  if (index < target) return { items: [] };
  if ((index - target - 1) % 2 === 0) return words(propertyItems(context));
  const property = argv[index - 1].replace(/^[+-]/, '');
  const family = property === 'ipv4.routes' ? 4 : property === 'ipv6.routes' ? 6 : undefined;
  if (!family || !current.open) return { items: [] };
  return routeCompletions(context, current.value, family, explicit);
}

function keyword(label: string, detail: string): CompletionItem {
  return { label, kind: 'keyword', insertText: label, detail };
}

const PROPERTIES: Array<[string, string]> = [
  ['+ipv4.routes', 'add IPv4 routes to those the device has'],
  ['+ipv6.routes', 'add IPv6 routes to those the device has'],
  ['-ipv4.routes', 'remove these IPv4 routes'],
  ['-ipv6.routes', 'remove these IPv6 routes'],
  ['ipv4.routes', 'replace every IPv4 route of the device'],
  ['ipv6.routes', 'replace every IPv6 route of the device'],
];

function propertyItems(context: UnitValueContext): CompletionItem[] {
  // At the end of the line the property comes with the quotes of its value.
  const open = context.wordAfter === '' && context.lineRest.trim() === '';
  return PROPERTIES.map(([name, detail]) => ({
    label: name,
    kind: 'keyword' as const,
    insertText: open ? `${escapeSnippet(name)} "$1"$0` : name,
    ...(open ? { isSnippet: true } : {}),
    detail,
  }));
}

const ATTRIBUTE_DETAILS: Record<string, string> = {
  table: 'routing table number (254 is main)',
  onlink: 'the next hop is on the link, even without a route to it',
  src: 'source address for packets that take this route',
  mtu: 'path MTU of the route',
  'lock-mtu': 'do not let path MTU discovery change mtu',
  advmss: 'TCP MSS to advertise',
  cwnd: 'TCP congestion window clamp',
  initcwnd: 'initial TCP congestion window',
  initrwnd: 'initial TCP receive window',
  window: 'TCP window clamp',
  rto_min: 'minimum TCP retransmission timeout (ms)',
  quickack: 'TCP quick ACK',
  tos: 'type of service (IPv4)',
  scope: 'route scope (IPv4): 0 global, 253 link, 254 host',
  weight: 'weight of an ECMP next hop (IPv4)',
  type: 'route type: unicast, blackhole, unreachable, …',
  from: 'source prefix (IPv6 source routing)',
};

/** Attributes listed first, in this order. */
const ATTRIBUTE_ORDER = ['table', 'onlink', 'src', 'mtu', 'type', 'from', 'lock-mtu', 'weight', 'scope', 'tos'];

/** Inside the quoted routes value: after the destination, next hop or metric, the route attributes. */
function routeCompletions(context: UnitValueContext, value: string, family: 4 | 6, explicit: boolean): RangedItems {
  const entry = value.slice(value.lastIndexOf(',') + 1);
  const words = entry.trimStart().split(/\s+/);
  const partial = /\s$/.test(entry) || entry.trim() === '' ? '' : words[words.length - 1];
  const done = words.filter(Boolean).slice(0, partial === '' ? undefined : -1);
  // The word must be the text before the caret as written (no escapes in it).
  if (!context.value.endsWith(partial)) return { items: [] };
  const end = context.caret + /^[^\s,"']*/.exec(context.wordAfter)![0].length;

  const equals = partial.indexOf('=');
  if (equals > 0) {
    const spec = ROUTE_ATTRIBUTES[partial.slice(0, equals)];
    const values = spec?.type === 'bool' ? ['true', 'false'] : spec?.type === 'route-type' ? [...ROUTE_TYPES] : [];
    const typed = partial.slice(equals + 1);
    return {
      items: values.map((v, i) => ({ label: v, kind: 'value' as const, insertText: v, sortText: sortText(i) })),
      replaceStart: context.caret - typed.length,
      replaceEnd: end,
    };
  }
  // Where the destination, a next hop or a metric is typed, attributes are noise.
  if (done.length === 0 || (!explicit && done.length < 2)) return { items: [] };
  if (/^[0-9]/.test(partial) || /[.:/]/.test(partial)) return { items: [] };
  const present = new Set(done.filter((w) => w.includes('=')).map((w) => w.slice(0, w.indexOf('='))));
  const names = order(Object.keys(ROUTE_ATTRIBUTES).filter((name) => applies(ROUTE_ATTRIBUTES[name], family) && !present.has(name)), ATTRIBUTE_ORDER);
  const items = names.map((name, i) => {
    const spec = ROUTE_ATTRIBUTES[name];
    const text = spec.type === 'bool' ? `${name}=true` : `${name}=`;
    return { label: text, kind: 'keyword' as const, insertText: text, filterText: name, detail: ATTRIBUTE_DETAILS[name] ?? spec.type, sortText: sortText(i) };
  });
  return { items, replaceStart: context.caret - partial.length, replaceEnd: end };
}

function applies(spec: RouteAttributeSpec, family: 4 | 6): boolean {
  return family === 4 ? spec.v4 : spec.v6;
}
