import { fileMode } from './fileMode';
import { fileSource } from './fileSource';
import { fileUnitConflict } from './fileUnitConflict';
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
import { passwdSshKey } from './passwdSshKey';
import { placeholder } from './placeholder';
import { routeCidr } from './routeCidr';
import { routeFamily } from './routeFamily';
import { routeGateway } from './routeGateway';
import { routeHostBits } from './routeHostBits';
import type { Rule } from './rule';
import { unitDuplicate } from './unitDuplicate';
import { unitName } from './unitName';
import { unitNetworkOnline } from './unitNetworkOnline';
import { unitParse } from './unitParse';
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
  unitNetworkOnline,
  routeCidr,
  routeHostBits,
  routeFamily,
  routeGateway,
];
