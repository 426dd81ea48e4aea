import { SECTION_DIRECTIVES } from './systemdDirectives';
import { code, values, type Doc, type DocValue } from '../text/doc';

/**
 * Hover documentation for the embedded systemd unit: sections, the directives network
 * units use (with their values), and the units such a unit names (targets and services
 * of RHCOS and OpenShift).
 *
 * Sources: systemd.unit(5), systemd.service(5), systemd.exec(5), systemd.special(7),
 * systemd.io/NETWORK_ONLINE, systemd NEWS (version notes; RHCOS 8 ships systemd 239,
 * RHCOS 9 systemd 252), MCO templates (ovs-configuration.service, kubelet-dependencies.target).
 */
export interface DirectiveDoc {
  summary: string;
  values?: readonly DocValue[];
  details?: readonly string[];
  /** The value is a space-separated list of unit names; says what naming `{unit}` here means. */
  relation?: string;
  source?: string;
}

export interface SectionDoc {
  summary: string;
  details?: readonly string[];
  source: string;
}

const YES_NO = (yes: string, no: string): DocValue[] => values(['yes', yes], ['no', no]);

export const SECTION_DOCS: Readonly<Record<string, SectionDoc>> = {
  Unit: {
    summary: 'Generic information about the unit: its description, what it pulls in (`Wants=`, `Requires=`) and what it is ordered against (`After=`, `Before=`). Every unit type has it.',
    source: 'systemd.unit(5)',
  },
  Service: {
    summary: 'How the service runs: its type, the commands (`ExecStart=`), restarts, user and environment.',
    source: 'systemd.service(5), systemd.exec(5)',
  },
  Install: {
    summary: 'Read only by `systemctl enable` (what `enabled: true` runs): which targets the unit is linked into, so that it starts at boot. Without it, enabling does nothing.',
    source: 'systemd.unit(5)',
  },
  Timer: { summary: 'When the timer fires and which unit it starts (by default the `.service` of the same name).', source: 'systemd.timer(5)' },
  Path: { summary: 'Which paths to watch and which unit to start when they change.', source: 'systemd.path(5)' },
  Socket: { summary: 'Sockets systemd listens on and hands to the service when a connection comes.', source: 'systemd.socket(5)' },
  Mount: { summary: 'A filesystem mount: what, where, type and options.', source: 'systemd.mount(5)' },
  Automount: { summary: 'A mount point mounted on first access.', source: 'systemd.automount(5)' },
  Swap: { summary: 'A swap device or file.', source: 'systemd.swap(5)' },
  Slice: { summary: 'Resource limits for a group of units.', source: 'systemd.slice(5)' },
  Scope: { summary: 'Resource settings for processes started outside systemd.', source: 'systemd.scope(5)' },
};

const dependency = (what: string) => `Takes a space-separated list of unit names. ${what}`;

export const DIRECTIVE_DOCS: Readonly<Record<string, DirectiveDoc>> = {
  // [Unit]
  Description: { summary: 'A short human-readable name, shown by `systemctl status` and in the journal ("Starting <Description>…").' },
  Documentation: { summary: 'Where to read about the unit: `man:`, `https:` or `file:` URLs, shown by `systemctl help`.' },
  Wants: {
    summary: dependency('Starting this unit starts the listed units too; if one of them fails, this unit still starts. It does not order them: add `After=` as well.'),
    relation: 'starting this unit also starts {unit}; {unit} failing does not stop it.',
    details: ['`Wants=network-online.target` together with `After=network-online.target` is how a unit waits for the network.'],
    source: 'systemd.unit(5), systemd.io/NETWORK_ONLINE',
  },
  Requires: {
    summary: dependency('Like `Wants=`, but stronger: if a listed unit fails to start (and this unit is ordered after it) or is stopped, this unit is stopped too.'),
    relation: 'starting this unit also starts {unit}, and this unit stops when {unit} stops or fails.',
    details: ['Prefer `Wants=` unless the unit truly cannot run without the other.'],
  },
  Requisite: {
    summary: dependency('The listed units must already be active; they are not started. Otherwise this unit fails at once.'),
    relation: '{unit} must already be active when this unit starts.',
  },
  BindsTo: {
    summary: dependency('Stronger than `Requires=`: when a listed unit stops, or its device disappears, this unit stops too.'),
    relation: 'this unit lives and dies with {unit}.',
  },
  PartOf: {
    summary: dependency('Stopping or restarting a listed unit stops or restarts this unit too (not the other way round).'),
    relation: 'stopping or restarting {unit} stops or restarts this unit.',
  },
  Upholds: { summary: dependency('Keeps the listed units running: systemd restarts them whenever they stop (systemd 249+, RHCOS 9 only).'), relation: 'systemd keeps {unit} running while this unit is active.' },
  Conflicts: {
    summary: dependency('Starting this unit stops the listed units, and starting one of them stops this unit.'),
    relation: 'this unit and {unit} never run together.',
  },
  Before: {
    summary: dependency('Ordering only: the listed units wait for this unit to finish starting. It does not start them.'),
    relation: '{unit} waits until this unit has finished starting (ordering only: nothing is started).',
    details: ['For a oneshot, "finished starting" means its `ExecStart=` commands have exited.', '`Before=kubelet-dependencies.target` makes a route exist before the kubelet starts pods.'],
  },
  After: {
    summary: dependency('Ordering only: this unit starts after the listed units have finished starting. It does not start them, so `After=network-online.target` without `Wants=network-online.target` may wait for nothing.'),
    relation: 'this unit starts after {unit} has finished starting (ordering only: {unit} is not pulled in).',
    details: ['On OVN-Kubernetes add `After=ovs-configuration.service`: the node\'s address moves to `br-ex` there.'],
    source: 'systemd.unit(5), systemd.io/NETWORK_ONLINE',
  },
  OnFailure: { summary: dependency('Units started when this unit fails, e.g. a notification service.'), relation: '{unit} is started if this unit fails.' },
  OnSuccess: { summary: dependency('Units started when this unit finishes successfully (systemd 249+, RHCOS 9 only).'), relation: '{unit} is started when this unit succeeds.' },
  PropagatesReloadTo: { summary: dependency('Reloading this unit reloads the listed ones.'), relation: 'reloading this unit reloads {unit}.' },
  ReloadPropagatedFrom: { summary: dependency('Reloading a listed unit reloads this one.'), relation: 'reloading {unit} reloads this unit.' },
  JoinsNamespaceOf: { summary: dependency('Share /tmp and network namespaces with the listed units.'), relation: 'this unit shares namespaces with {unit}.' },
  RequiresMountsFor: { summary: 'Absolute paths: the unit requires and is ordered after the mounts needed to reach them.' },
  DefaultDependencies: {
    summary: 'Whether systemd adds the usual dependencies: after the basic system is up, stopped before shutdown.',
    values: YES_NO('the default: right for almost every unit', 'only for units that must run very early in boot or late in shutdown'),
  },
  StartLimitIntervalSec: { summary: 'With `StartLimitBurst=`: how many starts within this interval are allowed before systemd stops trying (default 5 starts in 10 s).' },
  StartLimitBurst: { summary: 'How many starts within `StartLimitIntervalSec=` are allowed (default 5).' },
  StopWhenUnneeded: { summary: 'Stops the unit when no other active unit needs it.', values: YES_NO('stop when unneeded', 'keep running (the default)') },
  RefuseManualStart: { summary: 'Refuses `systemctl start` by hand; the unit starts only as a dependency.', values: YES_NO('refuse', 'allow (the default)') },
  RefuseManualStop: { summary: 'Refuses `systemctl stop` by hand.', values: YES_NO('refuse', 'allow (the default)') },
  IgnoreOnIsolate: { summary: 'Keeps the unit running when another target is isolated.', values: YES_NO('keep running', 'stop (the default for most units)') },
  JobTimeoutSec: { summary: 'How long a start or stop job of this unit may wait before it is cancelled (default infinity).' },
  SourcePath: { summary: 'The file this unit was generated from (set by generators).' },

  // [Service]
  Type: {
    summary: 'When systemd considers the service started, which decides when units ordered after it may start.',
    values: values(
      ['simple', 'started as soon as the process is forked (the default with ExecStart=): later units do not wait for it'],
      ['exec', 'started once the program has been executed; a missing binary fails the start'],
      ['forking', 'the program forks a daemon and its parent exits: traditional daemons (use PIDFile=)'],
      ['oneshot', 'started only when ExecStart= has exited successfully: for one-time jobs such as adding a route. Add RemainAfterExit=yes'],
      ['notify', 'the service says when it is ready (sd_notify READY=1)'],
      ['dbus', 'ready when it owns its BusName= on D-Bus'],
      ['idle', 'like simple, but delayed until the boot jobs are dispatched (for console output)'],
    ),
    source: 'systemd.service(5)',
  },
  RemainAfterExit: {
    summary: 'Whether the service counts as active after its processes have exited. With `Type=oneshot` and `yes`, `systemctl status` shows `active (exited)` after success and units ordered after it see it as done.',
    values: YES_NO('stays active after the command exits: what a route unit wants', 'the default: the unit is `inactive (dead)` after the command exits'),
  },
  ExecStart: {
    summary: 'The command to run. systemd splits the line into words itself (quotes group words, backslash escapes) and runs the program directly: there is no shell, so `|`, `&&`, `;`, `>` and `$(…)` do not work. Wrap the line in `/bin/sh -c \'…\'` when you need a shell.',
    details: [
      '`$VAR` and `${VAR}` are replaced from `Environment=`; `%` starts a specifier (`%n` the unit name), so write `%%` for a literal `%`.',
      'Several `ExecStart=` lines are allowed only with `Type=oneshot`; they run in order, and the first failure stops the rest.',
      'Prefixes before the path: `-` ignore a failure, `+` run with full privileges, `@` pass a different argv[0].',
      'Give the program\'s absolute path (`/usr/bin/nmcli`); bare names are found only on systemd 239 and later.',
    ],
    source: 'systemd.service(5) "Command lines"',
  },
  ExecStartPre: { summary: 'Commands run before `ExecStart=`, split the same way (no shell). If one fails (without a `-` prefix), the unit fails and `ExecStart=` does not run.' },
  ExecStartPost: { summary: 'Commands run after `ExecStart=` succeeded (for `Type=oneshot`: after it exited), split the same way (no shell).' },
  ExecCondition: { summary: 'Commands run first; exit codes 1–254 skip the unit quietly instead of failing it (systemd 243+, RHCOS 9 only).' },
  ExecReload: { summary: 'The command `systemctl reload` runs.' },
  ExecStop: {
    summary: 'The command run when the unit stops (`systemctl stop`, shutdown). With `Type=oneshot` and `RemainAfterExit=yes` it can undo what `ExecStart=` did, e.g. remove the route again.',
  },
  ExecStopPost: { summary: 'Commands run after the service stopped, also after a failure: clean-up.' },
  Restart: {
    summary: 'Whether systemd starts the service again after its process exits.',
    values: values(
      ['no', 'never (the default)'],
      ['on-success', 'only after a clean exit'],
      ['on-failure', 'after a non-zero exit, a signal or a timeout; with Type=oneshot only on systemd 244 and later (RHCOS 9)'],
      ['on-abnormal', 'after a signal or a timeout'],
      ['on-watchdog', 'after a watchdog timeout'],
      ['on-abort', 'after an unclean signal'],
      ['always', 'whatever the exit (not allowed with Type=oneshot)'],
    ),
    source: 'systemd.service(5); systemd NEWS 244',
  },
  RestartSec: { summary: 'How long to wait before a restart (default 100 ms). Accepts `5`, `5s`, `1min`.' },
  TimeoutStartSec: {
    summary: 'How long starting may take before the unit fails (default 90 s; `infinity` for no limit). For `Type=oneshot` there is no limit unless set here.',
  },
  TimeoutStopSec: { summary: 'How long stopping may take before systemd kills the processes (default 90 s).' },
  TimeoutSec: { summary: 'Sets both `TimeoutStartSec=` and `TimeoutStopSec=`.' },
  RuntimeMaxSec: { summary: 'The longest the service may run before systemd stops it (not for `Type=oneshot`).' },
  SuccessExitStatus: { summary: 'Exit codes or signals counted as success besides 0, e.g. `SuccessExitStatus=2`.' },
  User: { summary: 'The user the commands run as (default root). nmcli needs root to modify devices, so leave it out for a route unit.' },
  Group: { summary: 'The group the commands run as (default the user\'s group).' },
  Environment: {
    summary: 'Environment variables for the commands: `Environment="IFACE=br-ex" "GW=172.18.0.1"`, used as `${IFACE}` in `ExecStart=`.',
  },
  EnvironmentFile: { summary: 'Reads variables from a file of `KEY=value` lines; a `-` in front ignores a missing file.' },
  WorkingDirectory: { summary: 'The directory the commands run in (default /).' },
  StandardOutput: {
    summary: 'Where the commands\' output goes.',
    values: values(['journal', 'to the journal (the default): `journalctl -u <unit>`'], ['null', 'discarded'], ['inherit', 'like standard input'], ['tty', 'to the console']),
  },
  StandardError: { summary: 'Where error output goes (default: where `StandardOutput=` goes).' },
  SyslogIdentifier: { summary: 'The name the unit\'s log lines carry in the journal (default the program name).' },
  KillMode: {
    summary: 'Which processes are killed when the unit stops.',
    values: values(['control-group', 'all processes of the unit (the default)'], ['mixed', 'SIGTERM to the main process, SIGKILL to the rest'], ['process', 'only the main process'], ['none', 'nothing is killed']),
  },
  PIDFile: { summary: 'Where a `Type=forking` daemon writes its process id.' },
  Slice: { summary: 'The slice (resource group) the unit runs in.' },
  PrivateTmp: { summary: 'Gives the unit its own /tmp.', values: YES_NO('private /tmp', 'shared /tmp (the default)') },

  // [Install]
  WantedBy: {
    summary: dependency('When the unit is enabled (`enabled: true`), it is linked into each listed target\'s `.wants/` directory, so it starts whenever that target starts.'),
    relation: 'enabling this unit links it into {unit}.wants/, so it starts whenever {unit} starts.',
    details: ['`WantedBy=multi-user.target` starts the unit at every normal boot.'],
  },
  RequiredBy: {
    summary: dependency('Like `WantedBy=`, but the link goes into `.requires/`: the listed units fail when this one fails.'),
    relation: 'enabling this unit links it into {unit}.requires/: {unit} needs it.',
  },
  UpheldBy: { summary: dependency('When enabled, the listed units keep this unit running (systemd 249+, RHCOS 9 only).'), relation: '{unit} keeps this unit running once enabled.' },
  Alias: { summary: 'Other names for the unit, linked when it is enabled.' },
  Also: { summary: dependency('Units enabled and disabled together with this one.'), relation: 'enabling this unit enables {unit} too.' },
  DefaultInstance: { summary: 'For template units (`name@.service`): the instance enabled when none is given.' },

  // [Timer]
  OnBootSec: { summary: 'Fire this long after boot, e.g. `OnBootSec=2min`.' },
  OnCalendar: { summary: 'Fire at calendar times, e.g. `daily` or `*-*-* 02:00:00`.' },
  OnUnitActiveSec: { summary: 'Fire this long after the started unit was last activated: a repeating timer.' },
  Persistent: { summary: 'Catch up a run missed while the node was off (with `OnCalendar=`).', values: YES_NO('catch up', 'skip missed runs (the default)') },
  Unit: { summary: 'The unit a timer or path unit starts (default: the `.service` of the same name).' },
};

/** Units a route unit names: RHCOS targets and services, OpenShift's own. */
export const KNOWN_UNITS: Readonly<Record<string, string>> = {
  'network-online.target': 'Reached when NetworkManager reports the network up: every device that should come up has its addresses (or the wait timed out). `Wants=` plus `After=` this target is how a unit waits for the network; `After=` alone pulls nothing in.',
  'network.target': 'Reached when the network service has started, not when addresses are configured. Ordering after it does not wait for the network to be usable.',
  'network-pre.target': 'Reached before any network is configured: for units that must run first, such as firewall rules.',
  'multi-user.target': 'The normal boot target of a server (no graphical session). `WantedBy=multi-user.target` makes an enabled unit start at every boot.',
  'default.target': 'The target the system boots into; on RHCOS it is multi-user.target.',
  'basic.target': 'Early boot is done: filesystems, sockets, timers. Units with default dependencies start after it.',
  'sysinit.target': 'System initialisation: early mounts, swap, udev.',
  'local-fs.target': 'All local filesystems are mounted.',
  'remote-fs.target': 'All network filesystems are mounted.',
  'shutdown.target': 'Reached when the system shuts down; units conflict with it to stop in time.',
  'NetworkManager.service': 'NetworkManager, which manages the node\'s network: devices, connection profiles (keyfiles), addresses and routes. `nmcli` talks to it.',
  'NetworkManager-wait-online.service': 'Waits until NetworkManager reports the network up (`nm-online -s`); network-online.target is reached after it.',
  'NetworkManager-dispatcher.service': 'Runs the scripts in /etc/NetworkManager/dispatcher.d/ when a device goes up or down.',
  'ovs-configuration.service': 'On OVN-Kubernetes, runs configure-ovs.sh: moves the node\'s IP address from the NIC to the OVS bridge `br-ex`. A route unit ordered `After=` it finds `br-ex` in place.',
  'openvswitch.service': 'Open vSwitch (ovsdb-server and ovs-vswitchd), which OVN-Kubernetes builds its bridges on.',
  'ovsdb-server.service': 'The Open vSwitch database server.',
  'ovs-vswitchd.service': 'The Open vSwitch switching daemon.',
  'kubelet.service': 'The kubelet, the Kubernetes node agent that starts the pods. Replacing it breaks the node: change it with a dropin.',
  'kubelet-dependencies.target': 'Everything the kubelet waits for before it starts. `Before=kubelet-dependencies.target` in a route unit makes the route exist before pods start.',
  'crio.service': 'CRI-O, the container runtime the kubelet uses.',
  'nodeip-configuration.service': 'Chooses the node IP the kubelet and CRI-O use, before they start.',
  'machine-config-daemon-firstboot.service': 'The Machine Config Daemon\'s first-boot step: applies the rendered config to a new node.',
  'machine-config-daemon-pull.service': 'Pulls the Machine Config Daemon image at first boot.',
  'systemd-networkd-wait-online.service': 'The wait-online service of systemd-networkd, which RHCOS does not use: NetworkManager manages the network. Use network-online.target.',
  'systemd-resolved.service': 'systemd\'s DNS resolver (not the resolver RHCOS nodes use by default).',
  'chronyd.service': 'The NTP client keeping the node\'s clock.',
  'sshd.service': 'The SSH server.',
};

/** The man page of a section's directives. */
const MAN_PAGES: Readonly<Record<string, string>> = {
  Unit: 'systemd.unit(5)', Install: 'systemd.unit(5)', Service: 'systemd.service(5), systemd.exec(5)', Timer: 'systemd.timer(5)',
  Path: 'systemd.path(5)', Socket: 'systemd.socket(5)', Mount: 'systemd.mount(5)', Automount: 'systemd.automount(5)',
  Swap: 'systemd.swap(5)', Slice: 'systemd.resource-control(5)', Scope: 'systemd.scope(5)',
};

export function sectionDoc(name: string): Doc {
  const known = SECTION_DOCS[name];
  if (known) return { title: `${code(`[${name}]`)} — systemd unit section`, summary: known.summary, details: known.details, source: known.source };
  if (name.startsWith('X-')) return { title: `${code(`[${name}]`)} — your own section`, summary: 'Sections starting with `X-` are for your own use: systemd ignores them.' };
  return { title: `${code(`[${name}]`)} — unknown section`, summary: 'systemd knows no section of this name and ignores its lines.' };
}

/** The documentation of `Key=` in `[section]`: written for the common directives, generic for the rest. */
export function directiveDoc(section: string, key: string): Doc {
  const written = DIRECTIVE_DOCS[key];
  const known = SECTION_DIRECTIVES[section]?.has(key) ?? false;
  const title = `${code(`${key}=`)} — [${section}]`;
  if (written && (known || !(section in SECTION_DIRECTIVES))) {
    return { title, summary: written.summary, values: written.values, details: written.details, source: written.source ?? MAN_PAGES[section] };
  }
  if (/^(Condition|Assert)/.test(key) && known) {
    const assert = key.startsWith('Assert');
    return {
      title,
      summary: assert
        ? `Checks \`${key.slice(6)}\` before starting; if it does not hold, the start fails with an error.`
        : `Starts the unit only if \`${key.slice(9)}\` holds (a \`!\` in front negates it). A condition that fails skips the unit quietly: it is not a failure.`,
      details: key.endsWith('PathExists') ? ['`ConditionPathExists=/etc/routes.conf` runs the unit only when the file exists.'] : undefined,
      source: 'systemd.unit(5)',
    };
  }
  if (key.startsWith('X-')) return { title, summary: 'Keys starting with `X-` are for your own use: systemd ignores them.' };
  if (known) return { title, summary: `A [${section}] directive systemd knows; see ${MAN_PAGES[section] ?? 'systemd.directives(7)'}.` };
  if (written) {
    return { title, summary: `${written.summary}`, details: [`\`${key}=\` does not belong in [${section}]: systemd logs "Unknown key name" and ignores it here.`] };
  }
  return { title, summary: `systemd does not know \`${key}=\` in [${section}]: it logs "Unknown key name" and ignores the line.` };
}

/** The documentation of a unit named in a dependency directive's value. */
export function unitNameDoc(name: string, directive?: string): Doc {
  const relation = directive ? DIRECTIVE_DOCS[directive]?.relation : undefined;
  const known = KNOWN_UNITS[name];
  const facts: string[] = [];
  if (relation) facts.push(`In \`${directive}=\`: ${relation.replace(/\{unit\}/g, name)}`);
  return {
    title: `${code(name)} — ${unitKind(name)}`,
    summary: known ?? `A unit named in \`${directive ?? 'a dependency'}=\`. It is not one mcroutes knows on RHCOS: check it exists (\`systemctl status ${name}\` on a node).`,
    details: facts,
  };
}

function unitKind(name: string): string {
  const suffix = name.slice(name.lastIndexOf('.') + 1);
  return suffix === 'target' ? 'systemd target' : suffix === 'service' ? 'systemd service' : `systemd ${suffix} unit`;
}

/** Directives whose value is a list of unit names. */
export function takesUnitNames(key: string): boolean {
  return DIRECTIVE_DOCS[key]?.relation !== undefined;
}
