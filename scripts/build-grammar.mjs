// Writes syntaxes/mcroutes-unit.injection.tmLanguage.json, the TextMate injection grammar that
// highlights the systemd unit inside a MachineConfig `contents:` block scalar, its nmcli
// command lines and route addresses, and the addresses of NMState routes.
// `node scripts/build-grammar.mjs` writes it; `--check` exits 1 if the file differs (a unit
// test runs that). The regular expressions are written here with String.raw, readable
// without JSON escaping; edit them here, never in the JSON. Design: docs/highlighting.md.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(root, 'syntaxes', 'mcroutes-unit.injection.tmLanguage.json');
const R = String.raw;

const prefixes = (word, min = 1) => {
  // nmcli accepts any unambiguous prefix: "dev" -> d(?:e(?:v)?)?
  let re = '';
  for (let i = word.length - 1; i >= min; i--) re = `(?:${esc(word[i])}${re})?`;
  return esc(word.slice(0, min)) + re;
};
const esc = (s) => s.replace(/[-.]/g, (c) => '\\' + c);

const OCT = R`(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])`;
const V4 = R`(?:${OCT}\.){3}${OCT}`;
const H = R`[0-9A-Fa-f]{1,4}`;
const V6 = [
  R`(?:${H}:){6}${V4}`,
  R`::(?:[fF]{4}(?::0{1,4})?:)?${V4}`,
  R`(?:${H}:){1,5}:${V4}`,
  R`(?:${H}:){7}${H}`,
  R`(?:${H}:){1,7}:`,
  R`(?:${H}:){1,6}:${H}`,
  R`(?:${H}:){1,5}(?::${H}){1,2}`,
  R`(?:${H}:){1,4}(?::${H}){1,3}`,
  R`(?:${H}:){1,3}(?::${H}){1,4}`,
  R`(?:${H}:){1,2}(?::${H}){1,5}`,
  R`${H}:(?::${H}){1,6}`,
  R`:(?::${H}){1,7}`,
  R`::`,
].map((a) => `(?:${a})`).join('|');
const BEFORE = R`(?<![\w.:/%-])`;
const AFTER4 = R`(?![\w.:/])`;
const AFTER6 = R`(?![\w.:/%])`;
const ADDR_VALUE = R`(?:${V4}(?:/[0-9]{1,2})?|(?:${V6})(?:/[0-9]{1,3})?)`;

// A mapping key `name` just before the `:` being matched: plain (at the line start, after
// indentation or after a sequence's `- `) or quoted. Written as a look-behind after the
// colon so that the regular expression starts with a literal `:`.
const KEY = (name) => R`^${name}:|[\t -]${name}:|"${name}":|'${name}':`;
const MAP_VALUE_WHILE = R`\G(?![?:!"'0-9A-Za-z$()+./;<=\\^_~\[{\x{85}\x{A0}-\x{D7FF}\x{E000}-\x{FFFD}\x{010000}-\x{10FFFF}&&[^\x{FEFF}]]|-[^\r\n\t ])`;
const UNIT_START = R`(?:\[[A-Za-z][A-Za-z0-9 _-]*\][\t ]*+$|[A-Za-z][A-Za-z0-9_.-]*[\t ]*+=|[#;](?!!))`;
// The end of a line that does not end in a backslash (a continuation line follows one).
// The line has a \n appended and `$` matches before and after it; both are checked.
const END_OF_VALUE = R`(?<![\\\n])$`;
const CMD_END = R`(?=[\t ]+;(?:[\t ]|$))|${END_OF_VALUE}`;
const PREFIX = R`([@\-:+!|]*+)`;
const WORD_END = R`(?=[\t ]|$)`;

const NMCLI_OBJECTS = ['general', 'networking', 'radio', 'connection', 'device', 'agent', 'monitor'];
const NMCLI_VERBS = ['modify', 'reapply', 'show', 'status', 'add', 'up', 'down', 'delete', 'set', 'connect', 'disconnect', 'reload', 'load', 'clone', 'edit', 'monitor', 'wifi', 'lldp', 'import', 'export', 'migrate', 'checkpoint', 'on', 'off', 'all', 'hostname', 'permissions', 'logging'];
const IP_OBJECTS = [['route', 1], ['rule', 2], ['address', 1], ['link', 1], ['neighbour', 1], ['neighbor', 5]];
const IP_VERBS = [['add', 1], ['append', 2], ['change', 1], ['replace', 3], ['delete', 1], ['del', 1], ['flush', 1], ['show', 1], ['list', 1], ['get', 1], ['prepend', 1], ['set', 1]];
const IP_KEYWORDS = ['via', 'dev', 'oif', 'iif', 'table', 'metric', 'preference', 'priority', 'proto', 'scope', 'src', 'from', 'to', 'tos', 'mtu', 'advmss', 'realm', 'weight', 'nexthop', 'onlink', 'pervasive', 'type', 'lookup'];
const NMCLI_ALIASES = ['ip4', 'gw4', 'ip6', 'gw6', 'ifname', 'con-name', 'type', 'autoconnect', 'master', 'controller', 'slave-type', 'port-type', 'mtu', 'mac', 'cloned-mac', 'id', 'uuid', 'path', 'apath'];

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  information_for_contributors: [
    'Injected into source.yaml (package.json contributes.grammars, injectTo). Tested token by token by',
    'test/unit/grammar.test.ts over test/grammar/*.test.yaml; see syntaxes/README.md for the design.',
  ],
  name: 'MachineConfig Routes: systemd unit and routes inside YAML',
  scopeName: 'mcroutes.injection',
  injectionSelector: 'L:source.yaml -comment -string -meta.embedded.block.unit.mcroutes',
  patterns: [
    { include: '#contents-block-scalar-indicator' },
    { include: '#contents-block-scalar' },
    { include: '#nmstate-route-address' },
  ],
  repository: {
    'contents-block-scalar': {
      comment: 'The value of a `contents:` key that is a block scalar without indentation indicator. Begins at the `:` (replacing the YAML grammar\'s block-map-value there, with the same while condition, so the mapping around it is untouched) and holds the header line and the content; the content\'s indentation is found on its first line.',
      begin: R`(:)(?<=${KEY('contents')})([\t ]++)(?:(\|)|(>))([+-]?+)(?=[\t ]|$)`,
      while: MAP_VALUE_WHILE,
      beginCaptures: {
        1: { name: 'punctuation.separator.map.value.yaml' },
        2: { name: 'punctuation.whitespace.separator.yaml' },
        3: { name: 'meta.scalar.yaml keyword.control.flow.block-scalar.literal.yaml' },
        4: { name: 'meta.scalar.yaml keyword.control.flow.block-scalar.folded.yaml' },
        5: { name: 'meta.scalar.yaml storage.modifier.chomping-indicator.yaml' },
      },
      name: 'meta.map.value.yaml',
      patterns: [
        {
          comment: 'The lines after the header (a zero-width begin at the end of the header line; `\\G` lets it continue as long as the value does).',
          begin: '$',
          while: R`\G`,
          name: 'meta.scalar.yaml',
          patterns: [
            { include: '#leading-blank-lines' },
            { include: '#unit-content-auto' },
            { include: '#plain-content-auto' },
            { include: '#trailing-comments' },
          ],
        },
        { include: '#header-rest' },
      ],
    },
    'contents-block-scalar-indicator': {
      comment: 'The value of a `contents:` key that is a block scalar with an indentation indicator (`|2`, `>-4`): the content is exactly that many spaces deeper than its parent, which the YAML grammar\'s own while rules have already consumed at the start of each line.',
      begin: R`(:)(?<=${KEY('contents')})([\t ]++)(?:(\|)|(>))([+-]?+)([1-9])([+-]?+)(?=[\t ]|$)`,
      while: R`\G(?> {\6}| *+$)`,
      beginCaptures: {
        1: { name: 'punctuation.separator.map.value.yaml' },
        2: { name: 'punctuation.whitespace.separator.yaml' },
        3: { name: 'meta.scalar.yaml keyword.control.flow.block-scalar.literal.yaml' },
        4: { name: 'meta.scalar.yaml keyword.control.flow.block-scalar.folded.yaml' },
        5: { name: 'meta.scalar.yaml storage.modifier.chomping-indicator.yaml' },
        6: { name: 'meta.scalar.yaml constant.numeric.indentation-indicator.yaml' },
        7: { name: 'meta.scalar.yaml storage.modifier.chomping-indicator.yaml' },
      },
      whileCaptures: { 0: { name: 'punctuation.whitespace.indentation.yaml' } },
      name: 'meta.map.value.yaml',
      patterns: [
        {
          begin: '$',
          while: R`\G`,
          name: 'meta.scalar.yaml',
          patterns: [
            {
              comment: 'The first content line looks like a unit: highlight the rest of the block as one.',
              begin: R`\G(?=[\t ]*+${UNIT_START})`,
              while: R`\G`,
              contentName: 'meta.embedded.block.unit.mcroutes',
              patterns: [{ include: '#unit-line' }],
            },
            {
              comment: 'Anything else stays a YAML block string, as without this grammar.',
              begin: R`\G(?=[\t ]*+[^\t \r\n])`,
              while: R`\G`,
              contentName: 'string.unquoted.block.yaml',
              patterns: [{ include: 'source.yaml#non-printable' }],
            },
          ],
        },
        { include: '#header-rest' },
      ],
    },
    'header-rest': {
      comment: 'Whatever follows the block scalar header on its line: whitespace and a YAML comment.',
      begin: R`\G`,
      end: '$',
      name: 'meta.scalar.yaml',
      patterns: [{ include: 'source.yaml.1.2#presentation-detail' }],
    },
    'leading-blank-lines': {
      comment: 'As the YAML grammar: lines of spaces before the first content line.',
      begin: R`\G( ++)$`,
      while: R`\G(?>(\1)$|(?!\1)( *+)($|.))`,
      captures: {
        1: { name: 'punctuation.whitespace.indentation.yaml' },
        2: { name: 'punctuation.whitespace.indentation.yaml' },
        3: { name: 'invalid.illegal.expected-indentation.yaml' },
      },
      contentName: 'string.unquoted.block.yaml',
    },
    'unit-content-auto': {
      comment: 'The first content line looks like a unit ([Section], Key=, or a #/; comment that is not a #! line). The outer begin/end rule holds the content rule once: when it ends, its end pattern clears the \\G anchor, so it cannot begin again on a later line (the same device as the YAML grammar\'s).',
      begin: R`\G(?!$)(?=( *+)${UNIT_START})`,
      end: R`\G(?!\1)(?=[\t ]*+#)`,
      patterns: [
        {
          begin: R`\G( *+)`,
          while: R`\G(?>(\1)|( *+)($|[^\t#]|[\t ]++[^#]))`,
          captures: {
            1: { name: 'punctuation.whitespace.indentation.yaml' },
            2: { name: 'punctuation.whitespace.indentation.yaml' },
            3: { name: 'invalid.illegal.expected-indentation.yaml' },
          },
          contentName: 'meta.embedded.block.unit.mcroutes',
          patterns: [{ include: '#unit-line' }],
        },
      ],
    },
    'plain-content-auto': {
      comment: 'A block scalar that does not look like a unit: exactly the YAML grammar\'s literal text.',
      begin: R`\G(?!$)(?=( *+))`,
      end: R`\G(?!\1)(?=[\t ]*+#)`,
      patterns: [
        {
          begin: R`\G( *+)`,
          while: R`\G(?>(\1)|( *+)($|[^\t#]|[\t ]++[^#]))`,
          captures: {
            1: { name: 'punctuation.whitespace.indentation.yaml' },
            2: { name: 'punctuation.whitespace.indentation.yaml' },
            3: { name: 'invalid.illegal.expected-indentation.yaml' },
          },
          contentName: 'string.unquoted.block.yaml',
          patterns: [{ include: 'source.yaml#non-printable' }],
        },
      ],
    },
    'trailing-comments': {
      comment: 'Comment lines less indented than the content end the block scalar (YAML l-chomped-empty).',
      begin: R`(?!\G)(?=[\t ]*+#)`,
      while: R`\G`,
      patterns: [{ include: 'source.yaml.1.2#presentation-detail' }],
    },

    // ---------------------------------------------------------------- the unit file
    'unit-line': {
      patterns: [
        { include: '#unit-comment' },
        { include: '#unit-section' },
        { include: '#unit-exec-directive' },
        { include: '#unit-directive' },
      ],
    },
    'unit-comment': {
      patterns: [
        {
          match: R`\G[\t ]*+((#).*)$`,
          captures: { 1: { name: 'comment.line.number-sign.unit.mcroutes' }, 2: { name: 'punctuation.definition.comment.unit.mcroutes' } },
        },
        {
          match: R`\G[\t ]*+((;).*)$`,
          captures: { 1: { name: 'comment.line.semicolon.unit.mcroutes' }, 2: { name: 'punctuation.definition.comment.unit.mcroutes' } },
        },
      ],
    },
    'unit-section': {
      match: R`\G[\t ]*+((\[)([^\]\r\n]*+)(\]))[\t ]*+$`,
      captures: {
        1: { name: 'markup.heading.section.unit.mcroutes entity.name.section.unit.mcroutes' },
        2: { name: 'punctuation.definition.section.begin.unit.mcroutes' },
        4: { name: 'punctuation.definition.section.end.unit.mcroutes' },
      },
    },
    'unit-directive': {
      begin: R`\G[\t ]*+([A-Za-z][A-Za-z0-9_.-]*+)[\t ]*+(=)[\t ]*+`,
      end: END_OF_VALUE,
      beginCaptures: {
        1: { name: 'keyword.other.directive.unit.mcroutes' },
        2: { name: 'keyword.operator.assignment.unit.mcroutes' },
      },
      name: 'meta.directive.unit.mcroutes',
      contentName: 'string.unquoted.value.unit.mcroutes',
      patterns: [{ include: '#line-continuation' }, { include: '#specifier' }, { include: '#address' }],
    },
    'unit-exec-directive': {
      comment: 'ExecStart= and its siblings: a command line (systemd.service "Command lines").',
      begin: R`\G[\t ]*+(Exec(?:Start(?:Pre|Post)?+|Stop(?:Post)?+|Reload|Condition))[\t ]*+(=)[\t ]*+`,
      end: END_OF_VALUE,
      beginCaptures: {
        1: { name: 'keyword.other.directive.unit.mcroutes' },
        2: { name: 'keyword.operator.assignment.unit.mcroutes' },
      },
      name: 'meta.directive.exec.unit.mcroutes',
      contentName: 'meta.command-line.unit.mcroutes',
      patterns: [
        { match: R`(?<=[\t ]);(?=[\t ]|$)`, name: 'punctuation.separator.command.unit.mcroutes' },
        { include: '#nmcli-invocation' },
        { include: '#ip-invocation' },
        { include: '#command-invocation' },
        { include: '#line-continuation' },
      ],
    },
    'line-continuation': { match: R`\\$`, name: 'constant.character.escape.line-continuation.unit.mcroutes' },
    specifier: { match: R`%[A-Za-z%]`, name: 'constant.other.placeholder.specifier.unit.mcroutes' },

    // ---------------------------------------------------------------- command lines
    'command-invocation': {
      begin: R`${PREFIX}((?:[^\s;"'\\]|\\.)++)`,
      end: CMD_END,
      beginCaptures: {
        1: { name: 'storage.modifier.exec-prefix.unit.mcroutes' },
        2: { name: 'support.function.command.mcroutes' },
      },
      name: 'meta.command.mcroutes',
      patterns: [{ include: '#command-argument' }],
    },
    'command-argument': {
      patterns: [
        { include: '#line-continuation' },
        { include: '#option' },
        { include: '#quoted' },
        { include: '#address' },
        { include: '#variable' },
        { include: '#specifier' },
      ],
    },
    option: {
      match: R`(?<=[\t ])(--?[A-Za-z][\w-]*+)(?:(=)([^\s;"']*+))?`,
      captures: {
        1: { name: 'variable.parameter.option.mcroutes' },
        2: { name: 'keyword.operator.assignment.mcroutes' },
        3: { patterns: [{ include: '#address' }] },
      },
    },
    variable: { match: R`\$(?:\{\w+\}|\w+)`, name: 'variable.other.environment.mcroutes' },
    quoted: {
      patterns: [
        {
          begin: '"', end: R`"|${END_OF_VALUE}`,
          beginCaptures: { 0: { name: 'punctuation.definition.string.begin.mcroutes' } },
          endCaptures: { 0: { name: 'punctuation.definition.string.end.mcroutes' } },
          name: 'string.quoted.double.mcroutes',
          patterns: [{ match: R`\\.`, name: 'constant.character.escape.mcroutes' }, { include: '#address' }, { include: '#variable' }, { include: '#specifier' }],
        },
        {
          begin: "'", end: R`'|${END_OF_VALUE}`,
          beginCaptures: { 0: { name: 'punctuation.definition.string.begin.mcroutes' } },
          endCaptures: { 0: { name: 'punctuation.definition.string.end.mcroutes' } },
          name: 'string.quoted.single.mcroutes',
          patterns: [{ include: '#address' }, { include: '#specifier' }],
        },
      ],
    },

    // ---------------------------------------------------------------- nmcli
    'nmcli-invocation': {
      comment: 'nmcli [OPTIONS] OBJECT COMMAND ARGUMENTS: options, then the object and its command (nmcli takes any prefix of both), then properties and their values.',
      begin: R`${PREFIX}((?:[^\s;"'\\/]*+/)*+nmcli)${WORD_END}`,
      end: CMD_END,
      beginCaptures: {
        1: { name: 'storage.modifier.exec-prefix.unit.mcroutes' },
        2: { name: 'support.function.command.mcroutes' },
      },
      name: 'meta.command.nmcli.mcroutes',
      patterns: [
        { include: '#line-continuation' },
        { include: '#option' },
        {
          begin: R`(?<=[\t ])(${NMCLI_OBJECTS.map((w) => prefixes(w)).join('|')})${WORD_END}`,
          end: CMD_END,
          beginCaptures: { 1: { name: 'keyword.other.subcommand.nmcli.mcroutes' } },
          patterns: [
            { include: '#line-continuation' },
            { include: '#option' },
            {
              begin: R`(?<=[\t ])(${NMCLI_VERBS.map((w) => prefixes(w)).join('|')})${WORD_END}`,
              end: CMD_END,
              beginCaptures: { 1: { name: 'keyword.other.subcommand.nmcli.mcroutes' } },
              patterns: [{ include: '#nmcli-argument' }],
            },
            { include: '#command-argument' },
          ],
        },
        { include: '#command-argument' },
      ],
    },
    'ip-invocation': {
      comment: 'ip [OPTIONS] OBJECT COMMAND ...: the object and command (ip takes prefixes), route keywords, the number after metric.',
      begin: R`${PREFIX}((?:[^\s;"'\\/]*+/)*+ip)${WORD_END}`,
      end: CMD_END,
      beginCaptures: {
        1: { name: 'storage.modifier.exec-prefix.unit.mcroutes' },
        2: { name: 'support.function.command.mcroutes' },
      },
      name: 'meta.command.ip.mcroutes',
      patterns: [
        { include: '#line-continuation' },
        { include: '#option' },
        {
          begin: R`(?<=[\t ])(${IP_OBJECTS.map(([w, n]) => prefixes(w, n)).join('|')})${WORD_END}`,
          end: CMD_END,
          beginCaptures: { 1: { name: 'keyword.other.subcommand.ip.mcroutes' } },
          patterns: [
            { include: '#line-continuation' },
            { include: '#option' },
            {
              begin: R`(?<=[\t ])(${IP_VERBS.map(([w, n]) => prefixes(w, n)).join('|')})${WORD_END}`,
              end: CMD_END,
              beginCaptures: { 1: { name: 'keyword.other.subcommand.ip.mcroutes' } },
              patterns: [{ include: '#ip-route-argument' }],
            },
            { include: '#command-argument' },
          ],
        },
        { include: '#command-argument' },
      ],
    },
    'ip-route-argument': {
      patterns: [
        { include: '#line-continuation' },
        {
          match: R`(?<=[\t ])(metric|preference|priority)(?:([\t ]++)([0-9]++))?${WORD_END}`,
          captures: { 1: { name: 'entity.other.attribute-name.route.mcroutes' }, 3: { name: 'constant.numeric.metric.mcroutes' } },
        },
        {
          match: R`(?<=[\t ])(table|mtu|advmss|weight|realm|lookup)(?:([\t ]++)([0-9]++))?${WORD_END}`,
          captures: { 1: { name: 'entity.other.attribute-name.route.mcroutes' }, 3: { name: 'constant.numeric.mcroutes' } },
        },
        { match: R`(?<=[\t ])(?:${IP_KEYWORDS.join('|')})${WORD_END}`, name: 'entity.other.attribute-name.route.mcroutes' },
        { match: R`(?<=[\t ])default${WORD_END}`, name: 'constant.language.default-route.mcroutes' },
        { include: '#command-argument' },
      ],
    },
    'nmcli-argument': {
      patterns: [
        { include: '#line-continuation' },
        {
          comment: 'ipv4.routes / ipv6.routes and the route list that follows it.',
          match: R`(?<=[\t ])([+-]?+)(ipv[46]\.routes)(?:([\t ]++)("[^"]*+"?|'[^']*+'?|[^\s"';]++))?`,
          captures: {
            1: { name: 'keyword.operator.property-modifier.nmcli.mcroutes' },
            2: { name: 'variable.parameter.property.nmcli.mcroutes' },
            4: { patterns: [{ include: '#route-list-argument' }] },
          },
        },
        {
          comment: 'Any other SETTING.PROPERTY, or one of nmcli\'s aliases (ip4, gw4, ifname, …).',
          match: R`(?<=[\t ])([+-]?+)([a-z0-9][a-z0-9-]*+\.[a-z][a-z0-9-]*+|(?:${NMCLI_ALIASES.map(esc).join('|')}))${WORD_END}`,
          captures: {
            1: { name: 'keyword.operator.property-modifier.nmcli.mcroutes' },
            2: { name: 'variable.parameter.property.nmcli.mcroutes' },
          },
        },
        { include: '#command-argument' },
      ],
    },
    'route-list-argument': {
      patterns: [
        {
          begin: '"', end: '"',
          beginCaptures: { 0: { name: 'punctuation.definition.string.begin.mcroutes' } },
          endCaptures: { 0: { name: 'punctuation.definition.string.end.mcroutes' } },
          name: 'string.quoted.double.mcroutes meta.route-list.mcroutes',
          patterns: [{ include: '#route-list' }],
        },
        {
          begin: "'", end: "'",
          beginCaptures: { 0: { name: 'punctuation.definition.string.begin.mcroutes' } },
          endCaptures: { 0: { name: 'punctuation.definition.string.end.mcroutes' } },
          name: 'string.quoted.single.mcroutes meta.route-list.mcroutes',
          patterns: [{ include: '#route-list' }],
        },
        { include: '#route-list' },
      ],
    },
    'route-list': {
      comment: 'nmcli routes: DEST[/PREFIX] [NEXT_HOP] [METRIC] [ATTR=VALUE ...], separated by commas.',
      patterns: [
        { match: ',', name: 'punctuation.separator.route.mcroutes' },
        {
          match: R`(?<![^\s,"'])([a-z][a-z0-9_-]*+)(=)([^\s,"']*+)`,
          captures: {
            1: { name: 'entity.other.attribute-name.route.mcroutes' },
            2: { name: 'keyword.operator.assignment.mcroutes' },
            3: { patterns: [{ include: '#attribute-value' }] },
          },
        },
        { include: '#address' },
        { match: R`(?<![^\s,"'])[0-9]++(?![^\s,"'])`, name: 'constant.numeric.metric.mcroutes' },
      ],
    },
    'attribute-value': {
      patterns: [
        { match: R`(?<==)(?:true|false|yes|no)$`, name: 'constant.language.boolean.mcroutes' },
        { match: R`(?<==)[0-9]++$`, name: 'constant.numeric.mcroutes' },
        { include: '#address' },
      ],
    },

    // ---------------------------------------------------------------- addresses
    address: {
      patterns: [
        {
          match: R`${BEFORE}(${V4})(/)([0-9]{1,2})${AFTER4}`,
          name: 'constant.other.cidr.ipv4.mcroutes',
          captures: {
            1: { name: 'constant.numeric.ip-address.ipv4.mcroutes' },
            2: { name: 'punctuation.separator.prefix-length.mcroutes' },
            3: { name: 'constant.numeric.prefix-length.mcroutes' },
          },
        },
        { match: R`${BEFORE}${V4}${AFTER4}`, name: 'constant.numeric.ip-address.ipv4.mcroutes' },
        {
          match: R`${BEFORE}(${V6})(/)([0-9]{1,3})${AFTER6}`,
          name: 'constant.other.cidr.ipv6.mcroutes',
          captures: {
            1: { name: 'constant.numeric.ip-address.ipv6.mcroutes' },
            2: { name: 'punctuation.separator.prefix-length.mcroutes' },
            3: { name: 'constant.numeric.prefix-length.mcroutes' },
          },
        },
        { match: R`${BEFORE}(?:${V6})${AFTER6}`, name: 'constant.numeric.ip-address.ipv6.mcroutes' },
      ],
    },

    // ---------------------------------------------------------------- NMState
    'nmstate-route-address': {
      comment: 'NMState routes (NodeNetworkConfigurationPolicy desiredState.routes.config[]): the address value of destination / next-hop-address, plain or quoted. Begins at the `:` like the YAML grammar\'s block-map-value, with its while condition.',
      begin: R`(:)(?<=${KEY('destination')}|${KEY('next-hop-address')})(?=[\t ]++(?:${ADDR_VALUE}|"${ADDR_VALUE}"|'${ADDR_VALUE}')[\t ]*+(?:#|$))`,
      while: MAP_VALUE_WHILE,
      beginCaptures: { 1: { name: 'punctuation.separator.map.value.yaml' } },
      name: 'meta.map.value.yaml meta.route.nmstate.mcroutes',
      patterns: [
        {
          match: R`\G([\t ]++)(?:(${ADDR_VALUE})|(")(${ADDR_VALUE})(")|(')(${ADDR_VALUE})('))`,
          captures: {
            1: { name: 'punctuation.whitespace.separator.yaml' },
            2: { name: 'string.unquoted.plain.out.yaml', patterns: [{ include: '#address' }] },
            3: { name: 'string.quoted.double.yaml punctuation.definition.string.begin.yaml' },
            4: { name: 'string.quoted.double.yaml', patterns: [{ include: '#address' }] },
            5: { name: 'string.quoted.double.yaml punctuation.definition.string.end.yaml' },
            6: { name: 'string.quoted.single.yaml punctuation.definition.string.begin.yaml' },
            7: { name: 'string.quoted.single.yaml', patterns: [{ include: '#address' }] },
            8: { name: 'string.quoted.single.yaml punctuation.definition.string.end.yaml' },
          },
        },
        { include: 'source.yaml.1.2#presentation-detail' },
      ],
    },
  },
};
const text = JSON.stringify(grammar, null, 2) + '\n';
if (process.argv.includes('--check')) {
  const current = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
  if (current !== text) {
    console.error(`${path.relative(root, OUT)} is not what scripts/build-grammar.mjs writes: run \`node scripts/build-grammar.mjs\``);
    process.exit(1);
  }
  console.log(`${path.relative(root, OUT)} is up to date`);
} else {
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, text);
  console.log(`wrote ${path.relative(root, OUT)}`);
}
