/**
 * The unit preview of test/fixtures/seed-route.yaml with the default settings, exactly: the
 * unit test (test/unit/preview.test.ts), the CLI test and the extension suite assert it whole.
 * The body is what the core renders when no source is named; the editor and the CLI name it,
 * and the text starts with a title.
 */
export const SEED_PREVIEW_BODY = [
  'Problems checked for any supported OpenShift release on OVNKubernetes.',
  '',
  'MachineConfig worker-custom-route-configuration (line 3), role worker',
  '',
  '== unit nmcli-dev-modify.service (line 22) ==',
  'path:  /etc/systemd/system/nmcli-dev-modify.service',
  'state: enabled — systemctl enable links it into multi-user.target.wants',
  '',
  '----- contents, as the node has them -----',
  '[Unit]',
  'Description=nmcli-dev-modify',
  'After=network-online.target',
  '',
  '[Service]',
  'Type=oneshot',
  'ExecStart=nmcli dev modify ens5 +ipv4.routes "192.168.1.0/24 172.18.0.1"',
  '[Install]',
  'WantedBy=multi-user.target',
  '----- end of contents -----',
  '',
  'ExecStart (unit line 7, file line 29), as systemd splits it:',
  '  argv[0] nmcli',
  '  argv[1] dev',
  '  argv[2] modify',
  '  argv[3] ens5',
  '  argv[4] +ipv4.routes',
  '  argv[5] 192.168.1.0/24 172.18.0.1',
  '',
  'Routes it should produce, once it has run:',
  '  $ ip route show',
  '  192.168.1.0/24 via 172.18.0.1 dev ens5 proto static metric 100',
  '  (metric 100 where the route gives none: NetworkManager\'s default for an ethernet device)',
  '',
  'Problems in this unit (6):',
  '  25:14 warning unit-network-online After=network-online.target only orders: add Wants=network-online.target, or the unit may run before the network is up.',
  '  28:14 info unit-oneshot-remain This oneshot unit goes inactive when done, so a later start runs it again: add RemainAfterExit=yes to keep it active.',
  '  29:24 info unit-exec-shell Prefer the absolute path /usr/bin/nmcli to a bare "nmcli", which systemd looks up only since version 239.',
  '  29:30 hint nmcli-device-runtime device modify is runtime only: to keep the routes across re-activation, use a keyfile, connection modify or NMState.',
  '  29:41 info nmcli-ovn-port If ens5 is the NIC under br-ex, the route belongs on br-ex: set mcroutes.brExInterface to settle it.',
  '  29:60 hint route-ovn-egress Pods on OVN-Kubernetes use host routes only with gatewayConfig.routingViaHost: true; the node always does.',
  '',
  'Elsewhere in the file: 17:5 warning ign-unknown-key, 34:3 info mc-os-image-url.',
].join('\n') + '\n';

/** The seed's preview as the editor or `mcroutes render` shows it, the YAML named `source`. */
export function seedPreview(source: string): string {
  return `Preview of unit nmcli-dev-modify.service in ${source}\n${SEED_PREVIEW_BODY}`;
}

/** As the editor shows test/fixtures/seed-route.yaml (the extension suite's seed). */
export const SEED_PREVIEW = seedPreview('seed-route.yaml');
