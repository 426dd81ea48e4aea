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
  '  25:14 warning unit-network-online After=network-online.target only orders this unit; without Wants=network-online.target the target is not pulled in and the route may be added before the network is up.',
  '  28:14 info unit-oneshot-remain Type=oneshot without RemainAfterExit=yes: once its commands finish the unit is inactive again, so systemctl status shows it dead and anything that starts it later runs the commands again. RemainAfterExit=yes keeps it active.',
  '  29:24 info unit-exec-shell Prefer the absolute path /usr/bin/nmcli: systemd resolves a bare "nmcli" through its fixed search path only since version 239; an absolute path says exactly which program runs.',
  '  29:30 hint nmcli-device-runtime device modify is runtime only: routes are lost on re-activation, until this unit runs at the next boot; to keep them on a secondary NIC, use a keyfile, connection modify + reapply, or NMState.',
  '  29:41 info nmcli-ovn-port Is ens5 the NIC br-ex is built on? If so, the route belongs on br-ex; set mcroutes.brExInterface to br-ex\'s NIC to settle it.',
  '  29:60 hint route-ovn-egress On OVN-Kubernetes pods do not use these host routes unless gatewayConfig sets routingViaHost: true (and, from 4.14, ipForwarding: Global); the node and host-network pods do.',
  '',
  'Elsewhere in the file: 17:5 warning ign-unknown-key, 34:3 info mc-os-image-url.',
].join('\n') + '\n';

/** The seed's preview as the editor or `mcroutes render` shows it, the YAML named `source`. */
export function seedPreview(source: string): string {
  return `Preview of unit nmcli-dev-modify.service in ${source}\n${SEED_PREVIEW_BODY}`;
}

/** As the editor shows test/fixtures/seed-route.yaml (the extension suite's seed). */
export const SEED_PREVIEW = seedPreview('seed-route.yaml');
