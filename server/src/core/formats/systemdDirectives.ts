/**
 * The sections and directives systemd knows, per unit type (systemd.unit(5),
 * systemd.service(5), systemd.exec(5), systemd.kill(5), systemd.resource-control(5),
 * systemd.timer(5), systemd.socket(5), systemd.path(5), systemd.mount(5),
 * systemd.automount(5), systemd.swap(5)), as of systemd 257 plus the deprecated names
 * older releases (RHCOS: 239, 252) still accept. A directive systemd does not know is
 * ignored with a line in the journal ("Unknown key name … ignoring"). Keys and sections
 * starting with `X-` are the user's own and always allowed.
 */

const words = (s: string): string[] => s.trim().split(/\s+/);

const CONDITIONS = words(`
  Architecture Firmware Virtualization Host KernelCommandLine KernelVersion Credential Environment
  Security Capability ACPower NeedsUpdate FirstBoot PathExists PathExistsGlob PathIsDirectory
  PathIsSymbolicLink PathIsMountPoint PathIsReadWrite PathIsEncrypted DirectoryNotEmpty FileNotEmpty
  FileIsExecutable User Group ControlGroupController Memory CPUs CPUFeature OSRelease
  MemoryPressure CPUPressure IOPressure KernelModuleLoaded`);

const UNIT = words(`
  Description Documentation Wants Requires Requisite BindsTo PartOf Upholds Conflicts Before After
  OnFailure OnSuccess PropagatesReloadTo ReloadPropagatedFrom PropagatesStopTo StopPropagatedFrom
  JoinsNamespaceOf RequiresMountsFor WantsMountsFor OnFailureJobMode OnSuccessJobMode IgnoreOnIsolate
  StopWhenUnneeded RefuseManualStart RefuseManualStop AllowIsolate DefaultDependencies
  SurviveFinalKillSignal CollectMode FailureAction SuccessAction FailureActionExitStatus
  SuccessActionExitStatus JobTimeoutSec JobRunningTimeoutSec JobTimeoutAction JobTimeoutRebootArgument
  StartLimitIntervalSec StartLimitBurst StartLimitAction RebootArgument SourcePath
  StartLimitInterval OnFailureIsolate BindTo`)
  .concat(CONDITIONS.map((c) => `Condition${c}`), CONDITIONS.map((c) => `Assert${c}`));

const INSTALL = words('Alias WantedBy RequiredBy UpheldBy Also DefaultInstance');

const EXEC = words(`
  ExecSearchPath WorkingDirectory RootDirectory RootImage RootImageOptions RootEphemeral RootHash
  RootHashSignature RootVerity RootImagePolicy MountImagePolicy ExtensionImagePolicy MountAPIVFS
  BindLogSockets ProtectProc ProcSubset BindPaths BindReadOnlyPaths MountImages ExtensionImages
  ExtensionDirectories User Group DynamicUser SupplementaryGroups SetLoginEnvironment PAMName
  CapabilityBoundingSet AmbientCapabilities NoNewPrivileges SecureBits SELinuxContext AppArmorProfile
  SmackProcessLabel LimitCPU LimitFSIZE LimitDATA LimitSTACK LimitCORE LimitRSS LimitNOFILE LimitAS
  LimitNPROC LimitMEMLOCK LimitLOCKS LimitSIGPENDING LimitMSGQUEUE LimitNICE LimitRTPRIO LimitRTTIME
  UMask CoredumpFilter KeyringMode OOMScoreAdjust TimerSlackNSec Personality IgnoreSIGPIPE Nice
  CPUSchedulingPolicy CPUSchedulingPriority CPUSchedulingResetOnFork CPUAffinity NUMAPolicy NUMAMask
  IOSchedulingClass IOSchedulingPriority ProtectSystem ProtectHome RuntimeDirectory StateDirectory
  CacheDirectory LogsDirectory ConfigurationDirectory RuntimeDirectoryMode StateDirectoryMode
  CacheDirectoryMode LogsDirectoryMode ConfigurationDirectoryMode RuntimeDirectoryPreserve
  TimeoutCleanSec ReadWritePaths ReadOnlyPaths InaccessiblePaths ExecPaths NoExecPaths
  TemporaryFileSystem PrivateTmp PrivateDevices PrivateNetwork NetworkNamespacePath PrivateIPC
  IPCNamespacePath MemoryKSM PrivatePIDs PrivateUsers ProtectHostname ProtectClock
  ProtectKernelTunables ProtectKernelModules ProtectKernelLogs ProtectControlGroups
  RestrictAddressFamilies RestrictFileSystems RestrictNamespaces LockPersonality
  MemoryDenyWriteExecute RestrictRealtime RestrictSUIDSGID RemoveIPC PrivateMounts MountFlags
  SystemCallFilter SystemCallErrorNumber SystemCallArchitectures SystemCallLog Environment
  EnvironmentFile PassEnvironment UnsetEnvironment StandardInput StandardOutput StandardError
  StandardInputText StandardInputData LogLevelMax LogExtraFields LogRateLimitIntervalSec
  LogRateLimitBurst LogFilterPatterns LogNamespace SyslogIdentifier SyslogFacility SyslogLevel
  SyslogLevelPrefix TTYPath TTYReset TTYVHangup TTYRows TTYColumns TTYVTDisallocate LoadCredential
  LoadCredentialEncrypted ImportCredential SetCredential SetCredentialEncrypted UtmpIdentifier
  UtmpMode ReadWriteDirectories ReadOnlyDirectories InaccessibleDirectories ProtectKernelTunables
 `);

const KILL = words('KillMode KillSignal RestartKillSignal SendSIGHUP SendSIGKILL FinalKillSignal WatchdogSignal');

const RESOURCE = words(`
  CPUAccounting CPUWeight StartupCPUWeight CPUQuota CPUQuotaPeriodSec AllowedCPUs StartupAllowedCPUs
  AllowedMemoryNodes StartupAllowedMemoryNodes MemoryAccounting MemoryMin MemoryLow StartupMemoryLow
  DefaultStartupMemoryLow MemoryHigh StartupMemoryHigh MemoryMax StartupMemoryMax MemorySwapMax
  StartupMemorySwapMax MemoryZSwapMax StartupMemoryZSwapMax MemoryZSwapWriteback TasksAccounting
  TasksMax IOAccounting IOWeight StartupIOWeight IODeviceWeight IOReadBandwidthMax IOWriteBandwidthMax
  IOReadIOPSMax IOWriteIOPSMax IODeviceLatencyTargetSec IPAccounting IPAddressAllow IPAddressDeny
  SocketBindAllow SocketBindDeny RestrictNetworkInterfaces NFTSet IPIngressFilterPath
  IPEgressFilterPath BPFProgram DeviceAllow DevicePolicy Slice Delegate DelegateSubgroup
  DisableControllers ManagedOOMSwap ManagedOOMMemoryPressure ManagedOOMMemoryPressureLimit
  ManagedOOMMemoryPressureDurationSec ManagedOOMPreference MemoryPressureWatch
  MemoryPressureThresholdSec CoredumpReceive CPUShares StartupCPUShares MemoryLimit
  BlockIOAccounting BlockIOWeight StartupBlockIOWeight BlockIODeviceWeight BlockIOReadBandwidth
  BlockIOWriteBandwidth DefaultMemoryLow DefaultMemoryMin`);

const SERVICE = words(`
  Type ExitType RemainAfterExit GuessMainPID PIDFile BusName ExecStart ExecStartPre ExecStartPost
  ExecCondition ExecReload ExecStop ExecStopPost RestartSec RestartSteps RestartMaxDelaySec
  TimeoutStartSec TimeoutStopSec TimeoutAbortSec TimeoutSec TimeoutStartFailureMode
  TimeoutStopFailureMode RuntimeMaxSec RuntimeRandomizedExtraSec WatchdogSec Restart RestartMode
  SuccessExitStatus RestartPreventExitStatus RestartForceExitStatus RootDirectoryStartOnly
  NonBlocking NotifyAccess Sockets FileDescriptorStoreMax FileDescriptorStorePreserve
  USBFunctionDescriptors USBFunctionStrings OOMPolicy OpenFile ReloadSignal PermissionsStartOnly
  StartLimitInterval StartLimitIntervalSec StartLimitBurst StartLimitAction FailureAction RebootArgument`)
  .concat(EXEC, KILL, RESOURCE);

const SOCKET = words(`
  ListenStream ListenDatagram ListenSequentialPacket ListenFIFO ListenSpecial ListenNetlink
  ListenMessageQueue ListenUSBFunction SocketProtocol BindIPv6Only Backlog BindToDevice SocketUser
  SocketGroup SocketMode DirectoryMode Accept Writable FlushPending MaxConnections
  MaxConnectionsPerSource KeepAlive KeepAliveTimeSec KeepAliveIntervalSec KeepAliveProbes NoDelay
  Priority DeferAcceptSec ReceiveBuffer SendBuffer IPTOS IPTTL Mark ReusePort SmackLabel
  SmackLabelIPIn SmackLabelIPOut SELinuxContextFromNet PipeSize MessageQueueMaxMessages
  MessageQueueMessageSize FreeBind Transparent Broadcast PassCredentials PassSecurity
  PassPacketInfo Timestamping TCPCongestion ExecStartPre ExecStartPost ExecStopPre ExecStopPost
  TimeoutSec Service RemoveOnStop Symlinks FileDescriptorName TriggerLimitIntervalSec
  TriggerLimitBurst PollLimitIntervalSec PollLimitBurst PassFileDescriptorsToExec`)
  .concat(EXEC, KILL, RESOURCE);

const TIMER = words(`
  OnActiveSec OnBootSec OnStartupSec OnUnitActiveSec OnUnitInactiveSec OnCalendar AccuracySec
  RandomizedDelaySec RandomizedOffsetSec FixedRandomDelay OnClockChange OnTimezoneChange Unit
  Persistent WakeSystem RemainAfterElapse DeferReactivation`);

const PATH = words(`
  PathExists PathExistsGlob PathChanged PathModified DirectoryNotEmpty Unit MakeDirectory
  DirectoryMode TriggerLimitIntervalSec TriggerLimitBurst`);

const MOUNT = words('What Where Type Options SloppyOptions LazyUnmount ReadWriteOnly ForceUnmount DirectoryMode TimeoutSec')
  .concat(EXEC, KILL, RESOURCE);
const AUTOMOUNT = words('Where ExtraOptions DirectoryMode TimeoutIdleSec');
const SWAP = words('What Priority Options TimeoutSec').concat(EXEC, KILL, RESOURCE);
const SCOPE = words('RuntimeMaxSec RuntimeRandomizedExtraSec OOMPolicy').concat(KILL, RESOURCE);

const set = (list: string[]) => new Set(list);

/** Every section systemd knows, with its directives. */
export const SECTION_DIRECTIVES: Readonly<Record<string, ReadonlySet<string>>> = {
  Unit: set(UNIT),
  Install: set(INSTALL),
  Service: set(SERVICE),
  Socket: set(SOCKET),
  Timer: set(TIMER),
  Path: set(PATH),
  Mount: set(MOUNT),
  Automount: set(AUTOMOUNT),
  Swap: set(SWAP),
  Slice: set(RESOURCE),
  Scope: set(SCOPE),
};

/** The sections a unit of each type may have (by the name's suffix). */
export const SECTIONS_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  service: ['Unit', 'Service', 'Install'],
  socket: ['Unit', 'Socket', 'Install'],
  timer: ['Unit', 'Timer', 'Install'],
  path: ['Unit', 'Path', 'Install'],
  mount: ['Unit', 'Mount', 'Install'],
  automount: ['Unit', 'Automount', 'Install'],
  swap: ['Unit', 'Swap', 'Install'],
  slice: ['Unit', 'Slice', 'Install'],
  target: ['Unit', 'Install'],
  device: ['Unit', 'Install'],
  scope: ['Unit', 'Scope'],
  snapshot: ['Unit'],
};

/** The unit type of a unit name (`add-routes.service` → `service`), if it has a known one. */
export function unitTypeOf(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const dot = name.lastIndexOf('.');
  const suffix = dot < 0 ? '' : name.slice(dot + 1);
  return suffix in SECTIONS_BY_TYPE ? suffix : undefined;
}
