import { butaneVariant } from './butane/butaneVariant';
import { butaneVersion } from './butane/butaneVersion';
import { butaneMetadata } from './butane/butaneMetadata';
import { butaneModeDecimal } from './butane/butaneModeDecimal';
import { butaneUnsupported } from './butane/butaneUnsupported';
import { butaneLocal } from './butane/butaneLocal';
import { butaneMachineconfigSyntax } from './butane/butaneMachineconfigSyntax';
import { butaneUnknownKey } from './butane/butaneUnknownKey';
import { fileMode } from './file/fileMode';
import { fileSource } from './file/fileSource';
import { fileUnitConflict } from './file/fileUnitConflict';
import { ifaceName } from './nmcli/ifaceName';
import { ignButaneSyntax } from './ign/ignButaneSyntax';
import { ignNotReconcilable } from './ign/ignNotReconcilable';
import { ignUnknownKey } from './ign/ignUnknownKey';
import { ignVersion } from './ign/ignVersion';
import { mcApiVersion } from './mc/mcApiVersion';
import { mcKernelType } from './mc/mcKernelType';
import { mcName } from './mc/mcName';
import { mcOsImageUrl } from './mc/mcOsImageUrl';
import { mcRoleLabel } from './mc/mcRoleLabel';
import { mcOverridden } from './mc/mcOverridden';
import { poolSelector } from './mc/poolSelector';
import { mcUnknownField } from './mc/mcUnknownField';
import { nmcliDeviceRuntime } from './nmcli/nmcliDeviceRuntime';
import { nmcliOvnPort } from './nmcli/nmcliOvnPort';
import { nmcliReservedIface } from './nmcli/nmcliReservedIface';
import { nmstateUnknownKey } from './nmstate/nmstateUnknownKey';
import { nmstateValue } from './nmstate/nmstateValue';
import { nmstateHairpin } from './nmstate/nmstateHairpin';
import { nmstateIfaceFamily } from './nmstate/nmstateIfaceFamily';
import { nmstateIfaceUndeclared } from './nmstate/nmstateIfaceUndeclared';
import { nmstateNextHopUnreachable } from './nmstate/nmstateNextHopUnreachable';
import { nmstateRulePriority } from './nmstate/nmstateRulePriority';
import { passwdSshKey } from './ign/passwdSshKey';
import { placeholder } from './ign/placeholder';
import { routeAttribute } from './route/routeAttribute';
import { routeCidr } from './route/routeCidr';
import { routeDefault } from './route/routeDefault';
import { routeDuplicate } from './route/routeDuplicate';
import { routeFamily } from './route/routeFamily';
import { routeGateway } from './route/routeGateway';
import { routeHostBits } from './route/routeHostBits';
import { routeMetric } from './route/routeMetric';
import { routeOverlapsCluster } from './cluster/routeOverlapsCluster';
import { routeOverlapsMachine } from './cluster/routeOverlapsMachine';
import { routeOverlapsOvn } from './cluster/routeOverlapsOvn';
import { routeOvnEgress } from './cluster/routeOvnEgress';
import { routeReplacesAll } from './nmcli/routeReplacesAll';
import { routeTableUnused } from './route/routeTableUnused';
import { nmstateApiVersion } from './nmstate/nmstateApiVersion';
import { nmstateBrEx } from './nmstate/nmstateBrEx';
import { nmstateCaptureUndefined } from './nmstate/nmstateCaptureUndefined';
import { nmstateFileContent } from './nmstate/nmstateFileContent';
import { nmstateFilePath } from './nmstate/nmstateFilePath';
import { nmstateMisindented } from './nmstate/nmstateMisindented';
import { nmstateNodeSelector } from './nmstate/nmstateNodeSelector';
import { nmstateStaticAddress } from './nmstate/nmstateStaticAddress';
import type { Rule } from './rule';
import { settingsNetworkType } from './cluster/settingsNetworkType';
import { unitDependency } from './unit/unitDependency';
import { unitDuplicate } from './unit/unitDuplicate';
import { unitExecShell } from './unit/unitExecShell';
import { unitInstallMissing } from './unit/unitInstallMissing';
import { unitName } from './unit/unitName';
import { unitNetworkOnline } from './unit/unitNetworkOnline';
import { unitOneshotRemain } from './unit/unitOneshotRemain';
import { unitOneshotRestart } from './unit/unitOneshotRestart';
import { unitOvnOrdering } from './unit/unitOvnOrdering';
import { unitOvsDisabled } from './unit/unitOvsDisabled';
import { unitParse } from './unit/unitParse';
import { unitUnknownDirective } from './unit/unitUnknownDirective';
import { unitShadowsPlatform } from './unit/unitShadowsPlatform';
import { yamlSyntax } from './yaml/yamlSyntax';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  mcApiVersion,
  mcName,
  mcRoleLabel,
  mcOverridden,
  poolSelector,
  mcUnknownField,
  mcOsImageUrl,
  mcKernelType,
  ignVersion,
  ignUnknownKey,
  ignButaneSyntax,
  butaneVariant,
  butaneVersion,
  butaneMetadata,
  butaneModeDecimal,
  butaneUnsupported,
  butaneLocal,
  butaneMachineconfigSyntax,
  butaneUnknownKey,
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
  nmstateIfaceFamily,
  nmstateIfaceUndeclared,
  nmstateNextHopUnreachable,
  nmstateHairpin,
  nmstateRulePriority,
  routeOverlapsCluster,
  routeOverlapsOvn,
  routeOverlapsMachine,
  routeOvnEgress,
  settingsNetworkType,
  nmstateUnknownKey,
  nmstateValue,
  nmstateApiVersion,
  nmstateNodeSelector,
  nmstateMisindented,
  nmstateStaticAddress,
  nmstateCaptureUndefined,
  nmstateBrEx,
  nmstateFilePath,
  nmstateFileContent,
];
