import { ignUnknownKey } from './ignUnknownKey';
import { ignVersion } from './ignVersion';
import { mcApiVersion } from './mcApiVersion';
import { mcRoleLabel } from './mcRoleLabel';
import { routeCidr } from './routeCidr';
import { routeFamily } from './routeFamily';
import { routeGateway } from './routeGateway';
import { routeHostBits } from './routeHostBits';
import type { Rule } from './rule';
import { unitName } from './unitName';
import { unitNetworkOnline } from './unitNetworkOnline';
import { unitParse } from './unitParse';
import { yamlSyntax } from './yamlSyntax';

export const RULES: readonly Rule[] = [
  yamlSyntax,
  mcApiVersion,
  mcRoleLabel,
  ignVersion,
  ignUnknownKey,
  unitName,
  unitParse,
  unitNetworkOnline,
  routeCidr,
  routeHostBits,
  routeFamily,
  routeGateway,
];
