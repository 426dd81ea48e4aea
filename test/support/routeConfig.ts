/** The envelope of a worker MachineConfig, up to (not including) `spec:`. */
export const WORKER_HEAD = `apiVersion: machineconfiguration.openshift.io/v1
kind: MachineConfig
metadata:
  name: 99-worker-static-routes
  labels:
    machineconfiguration.openshift.io/role: worker
`;

/** A complete route config in today's best practice, which the core finds clean (hints aside). */
export const ROUTE_CONFIG = `${WORKER_HEAD}spec:
  config:
    ignition:
      version: 3.4.0
    systemd:
      units:
        - name: static-routes.service
          enabled: true
          contents: |
            [Unit]
            Description=Static routes
            Wants=network-online.target
            After=network-online.target ovs-configuration.service

            [Service]
            Type=oneshot
            RemainAfterExit=yes
            ExecStart=/usr/bin/nmcli device modify br-ex +ipv4.routes "192.168.1.0/24 172.18.0.1"

            [Install]
            WantedBy=multi-user.target
`;
