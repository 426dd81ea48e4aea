// Inputs for the benchmark, generated so that nothing large is committed.

/** One MachineConfig adding `routes` routes through one nmcli unit (a valid, realistic file). */
export function machineConfigWithRoutes(routes, name = '99-worker-static-routes') {
  const list = [];
  for (let i = 0; i < routes; i++) {
    list.push(`10.${(i >> 8) & 255}.${i & 255}.0/24 172.18.0.1`);
  }
  const lines = [];
  for (let i = 0; i < list.length; i += 20) {
    lines.push(`            ExecStart=/usr/bin/nmcli dev modify br-ex +ipv4.routes "${list.slice(i, i + 20).join(', ')}"`);
  }
  return `apiVersion: machineconfiguration.openshift.io/v1
kind: MachineConfig
metadata:
  name: ${name}
  labels:
    machineconfiguration.openshift.io/role: worker
spec:
  config:
    ignition:
      version: 3.4.0
    systemd:
      units:
        - name: add-static-routes.service
          enabled: true
          contents: |
            [Unit]
            Description=Add static routes
            Wants=network-online.target
            After=network-online.target ovs-configuration.service

            [Service]
            Type=oneshot
            RemainAfterExit=yes
${lines.join('\n')}

            [Install]
            WantedBy=multi-user.target
`;
}

/**
 * A multi-document file: `documents` MachineConfigs of about `linesEach` lines (several units
 * each). Its units modify the device (`nmcli dev modify`, a hint on each) with routes in
 * 10.0.0.0/8 (some in the machine network); `quiet` ones modify the connection profile with
 * routes in 192.168.0.0/16 (each destination once in the file: the configs of one pool adding
 * one route twice is route-duplicate across configs), which leaves one finding per document
 * (route-ovn-egress).
 */
export function manyDocuments(documents, linesEach = 100, { quiet = false } = {}) {
  const parts = [];
  for (let d = 0; d < documents; d++) parts.push(longMachineConfig(linesEach, `99-worker-routes-${d}`, d, quiet));
  return parts.join('---\n');
}

/** A long single MachineConfig of about `lines` lines (many units) for hover and completion timing. */
export function longMachineConfig(targetLines, name = '99-worker-many-units', seed = 0, quiet = false) {
  const units = [];
  let lines = 12;
  let i = seed * 8;
  while (lines < targetLines) {
    units.push(`        - name: route-${i}.service
          enabled: true
          contents: |
            [Unit]
            Wants=network-online.target
            After=network-online.target ovs-configuration.service
            [Service]
            Type=oneshot
            RemainAfterExit=yes
            ExecStart=/usr/bin/nmcli ${quiet ? 'connection' : 'dev'} modify br-ex +ipv4.routes "${quiet ? `192.168.${i & 255}.${((i >> 8) & 15) * 16}/28` : `10.${(i >> 8) & 255}.${i & 255}.0/24`} 172.18.0.1"
            [Install]
            WantedBy=multi-user.target`);
    lines += 13;
    i++;
  }
  return `apiVersion: machineconfiguration.openshift.io/v1
kind: MachineConfig
metadata:
  name: ${name}
  labels:
    machineconfiguration.openshift.io/role: worker
spec:
  config:
    ignition:
      version: 3.4.0
    systemd:
      units:
${units.join('\n')}
`;
}

/**
 * `count` NodeNetworkConfigurationPolicies, one document each: a node (kubernetes.io/hostname)
 * with its secondary NIC's static address and three routes through a next hop in that subnet.
 */
export function manyPolicies(count) {
  const documents = [];
  for (let i = 0; i < count; i++) {
    const host = 10 + (i % 200);
    documents.push(`apiVersion: nmstate.io/v1
kind: NodeNetworkConfigurationPolicy
metadata:
  name: worker-${i}-ens6-routes
spec:
  nodeSelector:
    kubernetes.io/hostname: worker-${i}
  desiredState:
    interfaces:
      - name: ens6
        type: ethernet
        state: up
        ipv4:
          enabled: true
          dhcp: false
          address:
            - ip: 172.18.${i >> 8}.${host}
              prefix-length: 16
    routes:
      config:
        - destination: 192.168.${i & 255}.0/24
          next-hop-address: 172.18.0.1
          next-hop-interface: ens6
          metric: 150
        - destination: 198.51.100.0/24
          next-hop-address: 172.18.0.1
          next-hop-interface: ens6
        - destination: 203.0.113.0/24
          next-hop-address: 172.18.0.2
          next-hop-interface: ens6
          table-id: 254
`);
  }
  return documents.join('---\n');
}

/**
 * `count` Butane configs (`variant: openshift`), one document each: a worker config whose one
 * unit adds two routes with `nmcli dev modify`, its contents inline, written like the seed
 * (examples/seed-route.bu, so each keeps the seed's findings). Each config has its own name,
 * unit name and destinations (one pool adding one route twice, or writing one unit twice,
 * would be findings across configs).
 */
export function manyButaneConfigs(count) {
  const documents = [];
  for (let i = 0; i < count; i++) {
    // Two /26 networks of 192.168.0.0/16 per config, none of them used twice in the file.
    const destination = (n) => `192.168.${n >> 2}.${(n & 3) * 64}/26`;
    documents.push(`variant: openshift
version: 4.16.0
metadata:
  name: 99-worker-routes-${i}
  labels:
    machineconfiguration.openshift.io/role: worker
systemd:
  units:
    - name: nmcli-dev-modify-${i}.service
      enabled: true
      contents: |
        [Unit]
        Description=nmcli-dev-modify
        After=network-online.target

        [Service]
        Type=oneshot
        ExecStart=nmcli dev modify ens5 +ipv4.routes "${destination(2 * i)} 172.18.0.1, ${destination(2 * i + 1)} 172.18.0.1"
        [Install]
        WantedBy=multi-user.target
`);
  }
  return documents.join('---\n');
}
