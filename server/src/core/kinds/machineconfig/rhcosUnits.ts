/**
 * systemd units and targets that exist on RHCOS nodes (OpenShift 4.x, RHCOS 8 and 9, systemd
 * 239 and 252), for the unit-dependency rule: a dependency on a name in here is fine, and a
 * name one typo away from one of these is probably that one. Deliberately generous: a unit
 * listed that some node lacks costs a missed finding, a unit missing here could cost a false
 * warning. So each family lists every unit its source ever shipped (older and newer releases,
 * optional build features, platform-specific ones) and units of the common extensions.
 * Templates are listed as `foo@.service`; an instance `foo@bar.service` matches its template.
 */

/**
 * systemd itself: upstream units/ (units/meson.build and the units the repository held over
 * its history, v239 to v257), the special units of systemd.special(7), and the targets
 * distributions link (runlevelN.target, ctrl-alt-del.target, default.target, dbus-org.* names).
 */
const SYSTEMD = [
  'basic.target', 'blockdev@.target', 'bluetooth.target', 'boot-complete.target', 'busnames.target', 'clonesetup.target',
  'cryptsetup-pre.target', 'cryptsetup.target', 'ctrl-alt-del.target', 'dbus.target', 'decryption-failure@.target',
  'default.target', 'emergency.target', 'exit.target', 'factory-reset-complete.target', 'factory-reset-now.target',
  'factory-reset.target', 'final.target', 'first-boot-complete.target', 'fsck.target', 'getty-pre.target', 'getty.target',
  'graphical.target', 'halt.target', 'hibernate-then-reboot.target', 'hibernate.target', 'http-daemon.target',
  'hybrid-sleep.target', 'imports-pre.target', 'imports.target', 'initrd-cryptsetup.target', 'initrd-fs-pre.target',
  'initrd-fs.target', 'initrd-root-device.target', 'initrd-root-fs.target', 'initrd-switch-root-post.target',
  'initrd-switch-root.target', 'initrd-usr-fs.target', 'initrd-var-fs.target', 'initrd.target', 'installer.target',
  'integritysetup-pre.target', 'integritysetup.target', 'kbrequest.target', 'kexec.target', 'local-fs-pre.target',
  'local-fs.target', 'machines.target', 'mail-transfer-agent.target', 'modules-load.target', 'multi-user.target',
  'network-online.target', 'network-pre.target', 'network.target', 'nss-lookup.target', 'nss-user-lookup.target',
  'paths.target', 'poweroff.target', 'printer.target', 'rdt.target', 'reboot.target', 'remote-cryptsetup-pre.target',
  'remote-cryptsetup.target', 'remote-fs-pre.target', 'remote-fs.target', 'remote-veritysetup.target', 'renew.target',
  'rescue.target', 'root-fs-ready.target', 'root-fs.target', 'rootfs-ready.target', 'rpcbind.target', 'rtc-set.target',
  'runlevel0.target', 'runlevel1.target', 'runlevel2.target', 'runlevel3.target', 'runlevel4.target', 'runlevel5.target',
  'runlevel6.target', 'shutdown.target', 'sigpwr.target', 'sleep.target', 'slices.target', 'smartcard.target',
  'sockets.target', 'soft-reboot.target', 'sound.target', 'ssh-access.target', 'storage-target-mode.target',
  'suspend-then-hibernate.target', 'suspend-to-hibernate.target', 'suspend.target', 'swap.target', 'sysinit.target',
  'syslog.target', 'system-install.target', 'system-update-pre.target', 'system-update.target',
  'systemd-cryptsetup-failure@.target', 'systemd-timedated-ntp.target', 'tgtmode.target', 'time-set.target',
  'time-sync.target', 'timers-delayed.target', 'timers.target', 'tpm2.target', 'umount.target', 'usb-gadget.target',
  'veritysetup-pre.target', 'veritysetup.target',
  'autovt@.service', 'breakpoint-pre-basic.service', 'breakpoint-pre-mount.service', 'breakpoint-pre-switch-root.service',
  'breakpoint-pre-udev.service', 'capsule@.service', 'console-getty.service', 'console-shell.service', 'container-getty@.service',
  'dbus-org.freedesktop.hostname1.service', 'dbus-org.freedesktop.import1.service', 'dbus-org.freedesktop.locale1.service',
  'dbus-org.freedesktop.login1.service', 'dbus-org.freedesktop.machine1.service', 'dbus-org.freedesktop.portable1.service',
  'dbus-org.freedesktop.timedate1.service', 'debug-shell.service', 'emergency.service', 'fsck-root.service', 'fsck@.service',
  'getty@.service', 'halt-local.service', 'halt.service', 'initrd-battery-check.service', 'initrd-cleanup.service',
  'initrd-network-generator.service', 'initrd-parse-etc.service', 'initrd-switch-root.service', 'initrd-sysroot-fstab.service',
  'initrd-udevadm-cleanup-db.service', 'kexec.service', 'kmod-static-nodes.service', 'ldconfig.service', 'modprobe@.service',
  'poweroff.service', 'quotacheck.service', 'quotaon-root.service', 'quotaon.service', 'quotaon@.service', 'rc-local.service',
  'reboot.service', 'rescue.service', 'serial-getty@.service', 'system-update-cleanup.service', 'user-runtime-dir@.service',
  'user@.service',
  'systemd-ask-password-console.service', 'systemd-ask-password-plymouth.service', 'systemd-ask-password-wall.service',
  'systemd-backlight@.service', 'systemd-battery-check.service', 'systemd-binfmt.service', 'systemd-bless-boot.service',
  'systemd-boot-check-no-failures.service', 'systemd-boot-random-seed.service', 'systemd-boot-system-token.service',
  'systemd-boot-update.service', 'systemd-bsod.service', 'systemd-confext.service', 'systemd-coredump@.service',
  'systemd-creds@.service', 'systemd-cryptsetup@.service', 'systemd-exit.service', 'systemd-firstboot.service',
  'systemd-fsck-root.service', 'systemd-fsck@.service', 'systemd-fsckd.service', 'systemd-growfs-root.service',
  'systemd-growfs@.service', 'systemd-halt.service', 'systemd-hibernate-resume.service', 'systemd-hibernate-resume@.service',
  'systemd-hibernate.service', 'systemd-homed-activate.service', 'systemd-homed.service', 'systemd-hostnamed.service',
  'systemd-hwdb-update.service', 'systemd-hybrid-sleep.service', 'systemd-importd.service', 'systemd-initctl.service',
  'systemd-integritysetup@.service', 'systemd-journal-catalog-update.service', 'systemd-journal-flush.service',
  'systemd-journal-gatewayd.service', 'systemd-journal-remote.service', 'systemd-journal-upload.service',
  'systemd-journald.service', 'systemd-journald@.service', 'systemd-kexec.service', 'systemd-localed.service',
  'systemd-logind.service', 'systemd-machine-id-commit.service', 'systemd-machined.service', 'systemd-modules-load.service',
  'systemd-network-generator.service', 'systemd-networkd-wait-online.service', 'systemd-networkd-wait-online@.service',
  'systemd-networkd.service', 'systemd-nspawn@.service', 'systemd-oomd.service', 'systemd-pcrfs-root.service',
  'systemd-pcrfs@.service', 'systemd-pcrmachine.service', 'systemd-pcrphase-initrd.service', 'systemd-pcrphase-sysinit.service',
  'systemd-pcrphase.service', 'systemd-portabled.service', 'systemd-poweroff.service', 'systemd-pstore.service',
  'systemd-quotacheck.service', 'systemd-quotacheck@.service', 'systemd-quotacheck-root.service', 'systemd-random-seed.service',
  'systemd-readahead-collect.service', 'systemd-readahead-done.service', 'systemd-readahead-replay.service',
  'systemd-reboot.service', 'systemd-remount-fs.service', 'systemd-repart.service', 'systemd-resolved.service',
  'systemd-rfkill.service', 'systemd-soft-reboot.service', 'systemd-suspend-then-hibernate.service', 'systemd-suspend.service',
  'systemd-sysctl.service', 'systemd-sysext.service', 'systemd-sysupdate-reboot.service', 'systemd-sysupdate.service',
  'systemd-sysusers.service', 'systemd-time-wait-sync.service', 'systemd-timedated.service', 'systemd-timesyncd.service',
  'systemd-tmpfiles-clean.service', 'systemd-tmpfiles-setup-dev-early.service', 'systemd-tmpfiles-setup-dev.service',
  'systemd-tmpfiles-setup.service', 'systemd-tpm2-setup-early.service', 'systemd-tpm2-setup.service',
  'systemd-udev-settle.service', 'systemd-udev-trigger.service', 'systemd-udevd.service', 'systemd-update-done.service',
  'systemd-update-utmp-runlevel.service', 'systemd-update-utmp.service', 'systemd-user-sessions.service',
  'systemd-userdbd.service', 'systemd-vconsole-setup.service', 'systemd-veritysetup@.service', 'systemd-volatile-root.service',
  'syslog.socket', 'systemd-coredump.socket', 'systemd-initctl.socket', 'systemd-journal-gatewayd.socket',
  'systemd-journal-remote.socket', 'systemd-journald-audit.socket', 'systemd-journald-dev-log.socket',
  'systemd-journald-varlink@.socket', 'systemd-journald.socket', 'systemd-journald@.socket', 'systemd-networkd.socket',
  'systemd-oomd.socket', 'systemd-rfkill.socket', 'systemd-udevd-control.socket', 'systemd-udevd-kernel.socket',
  'systemd-udev-control.socket', 'systemd-udev-kernel.socket', 'systemd-userdbd.socket', 'systemd-fsckd.socket',
  'systemd-ask-password-console.path', 'systemd-ask-password-wall.path',
  'systemd-sysupdate-reboot.timer', 'systemd-sysupdate.timer', 'systemd-tmpfiles-clean.timer',
];

/** NetworkManager (NetworkManager/NetworkManager data/: the daemon, its initrd units, nm-cloud-setup, nm-priv-helper). */
const NETWORK_MANAGER = [
  'NetworkManager.service', 'NetworkManager-wait-online.service', 'NetworkManager-dispatcher.service',
  'NetworkManager-config-initrd.service', 'NetworkManager-initrd.service', 'NetworkManager-wait-online-initrd.service',
  'NetworkManager-ifcfg-rh-migration.service', 'dbus-org.freedesktop.NetworkManager.service',
  'dbus-org.freedesktop.nm-dispatcher.service', 'nm-cloud-setup.service', 'nm-cloud-setup.timer', 'nm-priv-helper.service',
  'nm-sudo.service', 'systemd-dhcp-host.service',
];

/** Open vSwitch as RHEL packages it (openvswitch/ovs rhel/usr_lib_systemd_system_*), and the ipsec extension. */
const OPENVSWITCH = [
  'openvswitch.service', 'ovsdb-server.service', 'ovs-vswitchd.service', 'ovs-delete-transient-ports.service',
  'openvswitch-ipsec.service', 'openvswitch-nonetwork.service', 'ipsec.service',
];

/**
 * The units the Machine Config Operator writes (openshift/machine-config-operator templates/,
 * every platform and every release of its history): kubelet, CRI-O, ovs-configuration, node IP,
 * cloud routes and host names, MCD's own.
 */
const MACHINE_CONFIG_OPERATOR = [
  'kubelet.service', 'kubelet-dependencies.target', 'kubelet-auto-node-size.service', 'kubelet-cleanup.service',
  'kubelet-node-sizing.service', 'kubelet-nodeip.service', 'kubens.service', 'crio.service', 'crio-wipe.service',
  'crio-shutdown.service', 'crio-dedup.service', 'crio.socket', 'ovs-configuration.service', 'ovs-configuration-skip-rerun.service',
  'configure-ovs.service', 'nodeip-configuration.service', 'nodeip-configuration-vsphere-upi.service', 'node-valid-hostname.service',
  'wait-for-br-ex-up.service', 'wait-for-ipsec-connect.service', 'wait-for-node-ip.service', 'wait-for-primary-ip.service',
  'configure-ipsec-connect.service', 'firstboot-osupdate.target', 'machine-config-daemon-firstboot.service',
  'machine-config-daemon-firstboot-v42.service', 'machine-config-daemon-pull.service', 'machine-config-daemon-host.service',
  'machine-config-daemon-initial.service', 'mtu-migration.service', 'nmstate-configuration.service', 'nmstate.service',
  'NetworkManager-clean-initrd-state.service', 'NetworkManager-resolv-prepender.service', 'NetworkManager-resolv-prepender.path',
  'NetworkManager-resolv-prepender.timer', 'NetworkManager-wait-online-timeout.service', 'on-prem-resolv-prepender.service',
  'on-prem-resolv-prepender.path', 'aws-kubelet-nodename.service', 'aws-kubelet-providerid.service', 'aws-update-dns.service',
  'aws-hostname.service', 'azure-update-dns.service', 'gcp-hostname.service', 'gcp-routes.service', 'gcp-update-dns.service',
  'gcp-update-etc-hosts.service', 'openshift-gcp-routes.service', 'openshift-azure-routes.service', 'openshift-azure-routes.path',
  'openshift-azure-routes.timer', 'openshift-azure-routes-timer-stop.service', 'openshift-azure-routes-timer-stop.timer',
  'openshift-alibabacloud-routes.service', 'openshift-alibabacloud-routes.path', 'alibaba-kubelet-nodename.service',
  'openstack-hostname.service', 'openstack-kubelet-nodename.service', 'powervs-hostname.service', 'vsphere-hostname.service',
  'afterburn-hostname.service', 'afterburn-transient-hostname.service', 'taint-node@.service', 'untaint-node@.service',
  'rpm-ostreed.service', 'zincati.service', 'chrony-wait.service', 'corosync.service', 'pacemaker.service',
  'ha-00-directories.service', 'ha-01-enable-services.service', 'etc-hosts.d.service', 'etc-hosts.d.timer',
  'keepalived-vip-resign.service', 'iri-registry.service', 'frr-k8s-hostpath.service', 'bpf-fs-mount.service',
  'configure-user-slice.service', 'disable-mglru.service', 'dualstack.service', 'pivot.service', 'docker.socket',
  'docker.service', 'dnsmasq.service', 'etcd-member.service',
];

/**
 * RHCOS and Fedora CoreOS images: openshift/os overlay.d and fedora-coreos-config overlay.d
 * (coreos-*, rhcos-*, ignition-ostree-*), Ignition's dracut modules, Afterburn,
 * coreos-installer, ostree, rpm-ostree, bootupd, console-login-helper-messages.
 */
const COREOS = [
  'coreos-boot-edit.service', 'coreos-bootupctl-update-aarch64.service', 'coreos-bootupctl-update-secureboot.service',
  'coreos-check-cgroups-version.service', 'coreos-check-cgroups.service', 'coreos-check-ignition-config.service',
  'coreos-check-kernel.service', 'coreos-check-modularity.service', 'coreos-check-ssh-keys.service',
  'coreos-check-wireless-firmwares.service', 'coreos-cleanup-ignition-config.service', 'coreos-cni-networking-check.service',
  'coreos-copy-firstboot-network.service', 'coreos-create-toplevel-symlinks.service', 'coreos-enable-iptables-legacy.service',
  'coreos-enable-network.service', 'coreos-encrypt.service', 'coreos-ensure-single-boot-partition.service',
  'coreos-fde-check-needsnet.service', 'coreos-fix-aleph-file.service', 'coreos-fix-grub-users.service',
  'coreos-fix-selinux-labels.service', 'coreos-fix-systemd-journald.service', 'coreos-gcp-routes.service',
  'coreos-generate-iscsi-initiatorname.service', 'coreos-gpt-setup.service', 'coreos-gpt-setup@.service',
  'coreos-growpart.service', 'coreos-ignition-delete-config.service', 'coreos-ignition-firstboot-complete.service',
  'coreos-ignition-setup-user.service', 'coreos-ignition-unique-boot.service', 'coreos-ignition-write-issues.service',
  'coreos-inject-rootmap.service', 'coreos-kargs-reboot.service', 'coreos-keep-cgroup-v1.service',
  'coreos-keep-legacy-ifnames.service', 'coreos-luks-open.service', 'coreos-mount-var.service', 'coreos-multipath-trigger.service',
  'coreos-multipath-wait.target', 'coreos-network-initramfs-etc.service', 'coreos-NetworkManager.service',
  'coreos-platform-chrony-config.service', 'coreos-populate-lvmdevices.service', 'coreos-populate-var.service',
  'coreos-populate-writable.service', 'coreos-post-ignition-checks.service', 'coreos-printk-quiet.service',
  'coreos-propagate-multipath-conf.service', 'coreos-root-bash.service', 'coreos-rootflags.service',
  'coreos-secex-config-luks.service', 'coreos-secex-ignition-decrypt.service', 'coreos-secex-ignition-prepare.service',
  'coreos-secex-keyring.service', 'coreos-static-network.service', 'coreos-teardown-initramfs-network.service',
  'coreos-teardown-initramfs.service', 'coreos-touch-run-agetty.service', 'coreos-unique-boot.service',
  'coreos-update-ca-trust.service', 'coreos-useradd-core.service', 'coreos-digitalocean-network.service',
  'coreos-migrate-to-systemd-resolved.service', 'coreos-reset-stub-resolv-selinux-context.service',
  'coreos-reset-stub-resolv-selinux-context.path',
  'rhcos-afterburn-checkin.service', 'rhcos-fail-boot-for-legacy-luks-config.service', 'rhcos-fips-dracut-boot-fix.service',
  'rhcos-fips-finish.service', 'rhcos-fips.service', 'rhcos-growpart.service', 'rhcos-selinux-policy-upgrade.service',
  'rhcos-setenforce0.service', 'rhcos-upgrade-root-filesystem-container.service', 'rhcos-usrlocal-selinux-fixup.service',
  'logrotate.service', 'logrotate.timer', 'multipathd-configure.service', 'fix-resolv-conf-coredns.service',
  'fix-resolv-conf-dot.service', 'ibm-znet-rules.service', 'setsebool-on@.service', 'setsebool-off@.service',
  'ignition-complete.target', 'ignition-diskful.target', 'ignition-diskful-subsequent.target', 'ignition-subsequent.target',
  'ignition.target', 'ignition-ask-var-mount.service', 'ignition-cleanup-boot.service', 'ignition-delete-config.service',
  'ignition-disks.service', 'ignition-fetch-offline.service', 'ignition-fetch.service', 'ignition-files.service',
  'ignition-firstboot-complete.service', 'ignition-kargs.service', 'ignition-mount.service', 'ignition-quench.service',
  'ignition-remount-sysroot.service', 'ignition-setup-base.service', 'ignition-setup-user.service', 'ignition-setup.service',
  'ignition-sysusers.service', 'ignition-virtio-dump-journal.service', 'ignition-ostree-check-rootfs-size.service',
  'ignition-ostree-growfs.service', 'ignition-ostree-mount-firstboot-sysroot.service', 'ignition-ostree-mount-state-overlays.service',
  'ignition-ostree-mount-subsequent-sysroot.service', 'ignition-ostree-mount-sysroot.service', 'ignition-ostree-mount-var.service',
  'ignition-ostree-populate-var.service', 'ignition-ostree-sysusers.service', 'ignition-ostree-transposefs-autosave-xfs.service',
  'ignition-ostree-transposefs-detect.service', 'ignition-ostree-transposefs-restore.service',
  'ignition-ostree-transposefs-save.service', 'ignition-ostree-uuid-boot.service', 'ignition-ostree-uuid-root.service',
  'afterburn.service', 'afterburn-checkin.service', 'afterburn-firstboot-checkin.service', 'afterburn-sshkeys@.service',
  'afterburn-sshkeys.target', 'afterburn-network-kargs.service', 'afterburn-net-bootstrap.service',
  'coreos-installer.service', 'coreos-installer.target', 'coreos-installer-pre.target', 'coreos-installer-post.target',
  'coreos-installer-reboot.service', 'coreos-installer-noreboot.service', 'coreos-installer-pre-reboot.service',
  'coreos-installer-secure-ipl-reboot.service', 'coreos-installer-emergency.service',
  'coreos-installer-disable-device-auto-activation.service',
  'ostree-boot-complete.service', 'ostree-finalize-staged.service', 'ostree-finalize-staged.path',
  'ostree-finalize-staged-hold.service', 'ostree-prepare-root.service', 'ostree-remount.service', 'ostree-state-overlay@.service',
  'ostree-auto-cleanup.service',
  'rpm-ostreed.socket', 'rpm-ostreed-automatic.service', 'rpm-ostreed-automatic.timer', 'rpm-ostree-bootstatus.service',
  'rpm-ostree-countme.service', 'rpm-ostree-countme.timer', 'rpm-ostree-fix-shadow-mode.service',
  'bootloader-update.service', 'bootupd.service', 'bootupd.socket',
  'console-login-helper-messages-gensnippet-os-release.service', 'console-login-helper-messages-gensnippet-ssh-keys.service',
  'console-login-helper-messages-issuegen.service', 'console-login-helper-messages-issuegen.path',
];

/**
 * The other packages of the RHCOS image and its extensions (openshift/os manifests and
 * extensions/, fedora-coreos-config manifests/): their units as RHEL 8 and 9 ship them.
 */
const RHEL_PACKAGES = [
  // chrony, openssh-server
  'chronyd.service', 'chronyd-restricted.service', 'chrony-dnssrv@.service', 'chrony-dnssrv@.timer',
  'sshd.service', 'sshd@.service', 'sshd.socket', 'sshd-keygen@.service', 'sshd-keygen.target', 'sshd-keygen.service',
  // dbus-broker, audit, polkit, irqbalance, tuned, kexec-tools, microcode_ctl, selinux-policy
  'dbus.service', 'dbus.socket', 'dbus-broker.service', 'messagebus.service', 'auditd.service', 'audit-rules.service',
  'polkit.service', 'irqbalance.service', 'tuned.service', 'tuned-ppd.service', 'kdump.service', 'microcode.service',
  'selinux-autorelabel.service', 'selinux-autorelabel-mark.service', 'selinux-autorelabel.target',
  'selinux-check-proper-disable.service',
  // podman, containers
  'podman.service', 'podman.socket', 'podman-auto-update.service', 'podman-auto-update.timer', 'podman-restart.service',
  'podman-clean-transient.service', 'podman-kube@.service', 'podman-kube.target',
  // lvm2, device-mapper-multipath, mdadm, iscsi-initiator-utils, nvme-cli, cryptsetup and clevis
  'lvm2-monitor.service', 'lvm2-lvmpolld.service', 'lvm2-lvmpolld.socket', 'lvm2-pvscan@.service', 'lvm2-lvmetad.service',
  'lvm2-lvmetad.socket', 'lvm-devices-import.service', 'lvm-devices-import.path', 'blk-availability.service',
  'dm-event.service', 'dm-event.socket', 'multipathd.service', 'multipathd.socket', 'mdmonitor.service',
  'mdmonitor-oneshot.service', 'mdmonitor-oneshot.timer', 'mdmon@.service', 'mdadm-grow-continue@.service',
  'mdadm-last-resort@.service', 'mdadm-last-resort@.timer', 'mdcheck_start.service', 'mdcheck_start.timer',
  'mdcheck_continue.service', 'mdcheck_continue.timer', 'raid-check.service', 'raid-check.timer',
  'iscsi.service', 'iscsid.service', 'iscsid.socket', 'iscsiuio.service', 'iscsiuio.socket', 'iscsi-onboot.service',
  'iscsi-init.service', 'iscsi-shutdown.service', 'iscsi-starter.service', 'iscsi-mark-root-nodes.service',
  'nvmefc-boot-connections.service', 'nvmf-autoconnect.service', 'nvmf-connect@.service', 'nvmf-connect.target',
  'nvmf-connect-nbft.service', 'clevis-luks-askpass.service', 'clevis-luks-askpass.path',
  // nfs-utils, rpcbind, cifs, gssproxy
  'nfs-server.service', 'nfs-client.target', 'nfs-idmapd.service', 'nfs-mountd.service', 'nfsdcld.service',
  'nfs-blkmap.service', 'nfs-utils.service', 'nfs-convert.service', 'fsidd.service', 'rpc-statd.service',
  'rpc-statd-notify.service', 'rpc-gssd.service', 'rpc-svcgssd.service', 'rpc_pipefs.target', 'auth-rpcgss-module.service',
  'nfs.service', 'nfs-idmap.service', 'nfs-lock.service', 'nfs-secure.service', 'nfslock.service',
  'rpcbind.service', 'rpcbind.socket', 'gssproxy.service',
  // sssd, logrotate, stalld, zram-generator, iptables-services, nftables, firewalld, teamd, kernel
  'sssd.service', 'sssd-kcm.service', 'sssd-kcm.socket', 'sssd-autofs.service', 'sssd-autofs.socket', 'sssd-nss.service',
  'sssd-nss.socket', 'sssd-pac.service', 'sssd-pac.socket', 'sssd-pam.service', 'sssd-pam.socket', 'sssd-pam-priv.socket',
  'sssd-ssh.service', 'sssd-ssh.socket', 'sssd-sudo.service', 'sssd-sudo.socket', 'sssd-ifp.service',
  'stalld.service', 'systemd-zram-setup@.service', 'iptables.service', 'ip6tables.service', 'ebtables.service',
  'nftables.service', 'firewalld.service', 'teamd@.service', 'cpupower.service', 'kvm_stat.service', 'numad.service',
  // virtualization guests (qemu-guest-agent, open-vm-tools, hyperv-daemons), cloud agents of older images
  'qemu-guest-agent.service', 'vmtoolsd.service', 'vgauthd.service', 'vmtoolsd-init.service',
  'hypervkvpd.service', 'hypervvssd.service', 'hypervfcopyd.service', 'cloud-init.service', 'cloud-init-local.service',
  'cloud-config.service', 'cloud-final.service', 'cloud-init.target', 'cloud-config.target', 'waagent.service',
  // subscription-manager, udisks2, rdma-core, s390utils, ppc64 tools, rng-tools, smartmontools, sysstat, atop
  'rhsmcertd.service', 'rhsm.service', 'rhsm-facts.service', 'udisks2.service', 'rdma.service', 'rdma-ndd.service',
  'rdma-load-modules@.service', 'rdma-hw.target', 'iwpmd.service', 'srp_daemon.service', 'srp_daemon_port@.service',
  'ibacm.service', 'ibacm.socket', 'cpi.service', 'dumpconf.service', 'cpacfstatsd.service', 'device_cio_free.service',
  'rtas_errd.service', 'hcn-init.service', 'smt_off.service', 'rngd.service', 'smartd.service', 'sysstat.service',
  'sysstat-collect.service', 'sysstat-collect.timer', 'sysstat-summary.service', 'sysstat-summary.timer', 'atop.service',
  // extensions: usbguard, kerberos, sandboxed containers, two-node HA, ipsec (libreswan)
  'usbguard.service', 'usbguard-dbus.service', 'kata-containers.target', 'pcsd.service', 'pcsd-ruby.service',
  'pcs_snmp_agent.service', 'crm_mon.service', 'corosync-notifyd.service', 'corosync-qnetd.service', 'sbd.service',
  'sbd_remote.service', 'fence_kdump_send.service',
  // the legacy initscripts service, gone from RHCOS, which the MCO's ovs-configuration.service still orders after
  'network.service',
];

const ALL: readonly string[] = [...SYSTEMD, ...NETWORK_MANAGER, ...OPENVSWITCH, ...MACHINE_CONFIG_OPERATOR, ...COREOS, ...RHEL_PACKAGES];

/** Every unit name of the families above. */
export const RHCOS_UNITS: ReadonlySet<string> = new Set(ALL);

/**
 * Units that exist on no RHCOS node though other systems have them, with what RHCOS runs
 * instead: systemd-resolved.service is deleted from the image (openshift/os common.yaml
 * postprocess); RHEL 8 and later ship chrony, not ntpd (RHEL 8 release notes).
 */
export const ABSENT_FROM_RHCOS: ReadonlyMap<string, string | undefined> = new Map([
  ['systemd-resolved.service', undefined],
  ['ntpd.service', 'chronyd.service'],
]);
