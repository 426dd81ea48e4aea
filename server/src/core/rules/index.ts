import { fileMode } from './fileMode';
import { fileSource } from './fileSource';
import { fileUnitConflict } from './fileUnitConflict';
import { ifaceName } from './ifaceName';
import { ignButaneSyntax } from './ignButaneSyntax';
import { ignNotReconcilable } from './ignNotReconcilable';
import { ignUnknownKey } from './ignUnknownKey';
import { ignVersion } from './ignVersion';
import { mcApiVersion } from './mcApiVersion';
import { mcKernelType } from './mcKernelType';
import { mcName } from './mcName';
import { mcOsImageUrl } from './mcOsImageUrl';
import { mcRoleLabel } from './mcRoleLabel';
import { mcUnknownField } from './mcUnknownField';
import { nmcliDeviceRuntime } from './nmcliDeviceRuntime';
import { nmcliOvnPort } from './nmcliOvnPort';
import { nmcliReservedIface } from './nmcliReservedIface';
import { passwdSshKey } from './passwdSshKey';
import { placeholder } from './placeholder';
import { routeAttribute } from './routeAttribute';
import { routeCidr } from './routeCidr';
import { routeDefault } from './routeDefault';
import { routeDuplicate } from './routeDuplicate';
import { routeFamily } from './routeFamily';
import { routeGateway } from './routeGateway';
import { routeHostBits } from './routeHostBits';
import { routeMetric } from './routeMetric';
import { routeOverlapsCluster } from './routeOverlapsCluster';
import { routeOverlapsMachine } from './routeOverlapsMachine';
import { routeOverlapsOvn } from './routeOverlapsOvn';
import { routeOvnEgress } from './routeOvnEgress';
import { routeReplacesAll } from './routeReplacesAll';
import { routeTableUnused } from './routeTableUnused';
import type { Rule } from './rule';
import { settingsNetworkType } from './settingsNetworkType';
import { unitDependency } from './unitDependency';
import { unitDuplicate } from './unitDuplicate';
import { unitExecShell } from './unitExecShell';
import { unitInstallMissing } from './unitInstallMissing';
import { unitName } from './unitName';
import { unitNetworkOnline } from './unitNetworkOnline';
import { unitOneshotRemain } from './unitOneshotRemain';
import { unitOneshotRestart } from './unitOneshotRestart';
import { unitOvnOrdering } from './unitOvnOrdering';
import { unitOvsDisabled } from './unitOvsDisabled';
import { unitParse } from './unitParse';
import { unitUnknownDirective } from './unitUnknownDirective';
import { unitShadowsPlatform } from './unitShadowsPlatform';
import { yamlSyntax } from './yamlSyntax';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  mcApiVersion,
  mcName,
  mcRoleLabel,
  mcUnknownField,
  mcOsImageUrl,
  mcKernelType,
  ignVersion,
  ignUnknownKey,
  ignButaneSyntax,
  ignNotReconcilable,
  unitName,
  unitDuplicate,
  unitShadowsPlatform,
  fileMode,
  fileSource,
  fileUnitConflict,
  placeholder,
  passwdSshKey,
  unitParse,
  unitInstallMissing,
  unitNetworkOnline,
  unitOneshotRemain,
  unitOneshotRestart,
  unitExecShell,
  unitUnknownDirective,
  unitOvnOrdering,
  unitDependency,
  unitOvsDisabled,
  routeCidr,
  routeHostBits,
  routeFamily,
  routeGateway,
  routeMetric,
  routeAttribute,
  routeDuplicate,
  routeDefault,
  routeReplacesAll,
  routeTableUnused,
  nmcliDeviceRuntime,
  nmcliOvnPort,
  nmcliReservedIface,
  ifaceName,
  routeOverlapsCluster,
  routeOverlapsOvn,
  routeOverlapsMachine,
  routeOvnEgress,
  settingsNetworkType,
];
