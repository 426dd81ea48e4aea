// Writes the TextMate grammars:
// - syntaxes/mcroutes-unit.injection.tmLanguage.json, the injection grammar that highlights the
//   systemd unit inside a MachineConfig `contents:` block scalar, its nmcli command lines and
//   route addresses, and the addresses of NMState routes;
// - syntaxes/mcroutes-preview.tmLanguage.json, the grammar of the language `mcroutes-preview`:
//   the text of the unit and pool previews (server/src/core/ide/preview*.ts, poolPreview.ts),
//   whose unit contents, command lines and addresses it highlights with the injection's rules.
// `node scripts/build-grammar.mjs` writes them; `--check` exits 1 if a file differs (a unit
// test runs that). The regular expressions are written here with String.raw, readable
// without JSON escaping; edit them here, never in the JSON. Design: docs/highlighting.md.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(root, 'syntaxes', 'mcroutes-unit.injection.tmLanguage.json');
const PREVIEW_OUT = path.join(root, 'syntaxes', 'mcroutes-preview.tmLanguage.json');
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
// ---------------------------------------------------------------- the preview
// Its lines are the preview's own (the formats are documented at the top of preview.ts,
// previewNmstate.ts, previewButane.ts and poolPreview.ts); the unit contents, command lines
// and addresses in it reuse the injection's rules (`mcroutes.injection#…`), so both colour a
// unit alike.
const INJECTION = 'mcroutes.injection';
const PV = 'preview.mcroutes';
const ADDRESSES = { include: `${INJECTION}#address` };
const SEVERITY = {
  error: `invalid.illegal.severity.error.${PV}`,
  warning: `markup.deleted.severity.warning.${PV}`,
  info: `markup.inserted.severity.info.${PV}`,
  hint: `comment.severity.hint.${PV}`,
};
const RULE_ID = R`[a-z][a-z0-9]*+(?:-[a-z0-9]++)++`;
/** `29:24 warning unit-exec-shell`: a finding's place, severity and rule id. */
const FINDING = R`([0-9]++:[0-9]++)[\t ]++(?:(error)|(warning)|(info)|(hint))[\t ]++(${RULE_ID})`;
const findingCaptures = (first) => ({
  [first]: { name: `constant.numeric.position.${PV}` },
  [first + 1]: { name: SEVERITY.error },
  [first + 2]: { name: SEVERITY.warning },
  [first + 3]: { name: SEVERITY.info },
  [first + 4]: { name: SEVERITY.hint },
  [first + 5]: { name: `constant.other.rule-id.${PV}` },
});
const ENTRY_KINDS = ['unit', 'dropin', 'file', 'NodeNetworkConfigurationPolicy'];
const DOCUMENT_KINDS = ['MachineConfig', 'Butane config', 'NodeNetworkConfigurationPolicy', 'NMStateConfig', 'nmstate state', 'Install-time host network config'];
const FIELDS = ['path', 'state', 'mode', 'contents', 'nodes', 'from', 'overrides', 'Roles', 'Merge order'];
const NOTICES = ['No contents', 'No systemd units', 'No unit named', 'No file with the path', 'No NMState document', 'No MachineConfig',
  'No NodeNetworkConfigurationPolicy', 'No spec\\.', 'Not previewed', 'Not translated', 'Not read', 'It compiles to', 'gzip-compressed'];
const CONTENTS_END = R`----- end of contents -----$`;
const YAML_END = R`----- end of MachineConfig -----$`;

const previewGrammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  information_for_contributors: [
    'The language mcroutes-preview: the unit and pool previews (package.json contributes.grammars). Written by',
    'scripts/build-grammar.mjs; tested on real previews by test/unit/previewGrammar.test.ts.',
  ],
  name: 'MachineConfig Routes: preview',
  scopeName: 'text.preview.mcroutes',
  // The MachineConfig a Butane config compiles to is YAML: its units get the injection as in a YAML file.
  injections: {
    [`L:meta.embedded.block.yaml.${PV} -comment -string -meta.embedded.block.unit.mcroutes`]: { patterns: [{ include: INJECTION }] },
  },
  patterns: [
    { include: '#title' },
    { include: '#contents-block' },
    { include: '#machineconfig-block' },
    { include: '#entry-heading' },
    { include: '#document-heading' },
    { include: '#field' },
    { include: '#exec-heading' },
    { include: '#argv' },
    { include: '#routes-block' },
    { include: '#problems-heading' },
    { include: '#finding' },
    { include: '#elsewhere' },
    { include: '#parse-error' },
    { include: '#config-list' },
    { include: '#notice' },
    ADDRESSES,
  ],
  repository: {
    title: {
      comment: 'The first lines: what is shown from which YAML (`Preview of … in …`, `Pool <role>: …`) and the settings the findings assume.',
      patterns: [
        { match: R`^(?:Preview of|Pool [^\s:]++:)[\t ].*+$`, name: `markup.heading.title.${PV}` },
        { match: R`^Problems checked for .*$`, name: `comment.line.assumptions.${PV}` },
      ],
    },
    'document-heading': {
      match: R`^(${DOCUMENT_KINDS.join('|')})(?:[\t ]++([^\s(,]++))?+(?=[\t ,(]|$).*$`,
      name: `markup.heading.document.${PV}`,
      captures: {
        1: { name: `entity.name.type.kind.${PV}` },
        2: { name: `entity.name.document.${PV}` },
      },
    },
    'entry-heading': {
      match: R`^(==)[\t ]++(${ENTRY_KINDS.join('|')})[\t ]++(\S++).*?[\t ]++(==)$`,
      name: `markup.heading.entry.${PV}`,
      captures: {
        1: { name: `punctuation.definition.heading.${PV}` },
        2: { name: `keyword.other.entry.${PV}` },
        3: { name: `entity.name.section.${PV}` },
        4: { name: `punctuation.definition.heading.${PV}` },
      },
    },
    field: {
      match: R`^(${FIELDS.join('|')})(:)(.*)$`,
      captures: {
        1: { name: `support.type.property-name.${PV}` },
        2: { name: `punctuation.separator.key-value.${PV}` },
        3: { patterns: [ADDRESSES] },
      },
    },
    'contents-block': {
      comment: 'The unit or file text between its delimiter lines. It is read as a unit when its first line looks like one (as in the injection: a [Section], a Key= line, a #/; comment that is not #!), else left plain. The inner rules begin at a line start (`^`): at the end of the delimiter line \\G would let them begin there.',
      begin: R`^(----- contents, as the node has them -----)$`,
      while: R`^(?!${CONTENTS_END})`,
      beginCaptures: { 1: { name: `comment.line.delimiter.${PV}` } },
      patterns: [
        {
          begin: R`^(?=[\t ]*+${UNIT_START})`,
          while: R`\G`,
          contentName: 'meta.embedded.block.unit.mcroutes',
          patterns: [{ include: '#no-newline' }, { include: `${INJECTION}#unit-line` }],
        },
        {
          begin: '^',
          while: R`\G`,
          contentName: `meta.embedded.block.contents.${PV}`,
          patterns: [{ include: '#no-newline' }],
        },
      ],
    },
    'no-newline': { match: R`^\\ No newline at end of file$`, name: `comment.line.no-newline.${PV}` },
    'machineconfig-block': {
      comment: 'The MachineConfig a Butane config compiles to, as YAML.',
      begin: R`^(----- MachineConfig -----)$`,
      while: R`^(?!${YAML_END})`,
      beginCaptures: { 1: { name: `comment.line.delimiter.${PV}` } },
      contentName: `meta.embedded.block.yaml.${PV}`,
      patterns: [{ include: 'source.yaml' }],
    },
    delimiter: { match: R`^(?:${CONTENTS_END}|${YAML_END})`, name: `comment.line.delimiter.${PV}` },
    'exec-heading': {
      match: R`^([A-Za-z][A-Za-z0-9]*+)((?:[\t ]++\([^)]*+\))?+)(, as systemd splits it:)$`,
      captures: {
        1: { name: 'keyword.other.directive.unit.mcroutes' },
        2: { name: `comment.line.place.${PV}` },
        3: { name: `markup.heading.exec.${PV}` },
      },
    },
    argv: {
      patterns: [
        {
          match: R`^[\t ]++(argv\[[0-9]++\])[\t ]++(.*?)((?:[\t ]++\(systemd expands [^)]*+\))?+)$`,
          captures: {
            1: { name: `variable.parameter.argv.${PV}` },
            2: { name: `string.unquoted.argument.${PV}`, patterns: [ADDRESSES] },
            3: { name: `comment.line.note.${PV}` },
          },
        },
        {
          match: R`^[\t ]++(prefix)[\t ]++(\S)(:)(.*)$`,
          captures: {
            1: { name: `variable.parameter.argv.${PV}` },
            2: { name: 'storage.modifier.exec-prefix.unit.mcroutes' },
            4: { name: `comment.line.note.${PV}` },
          },
        },
        { match: R`^[\t ]++(cannot be split further:.*)$`, captures: { 1: { name: `invalid.illegal.split.${PV}` } } },
      ],
    },
    'routes-block': {
      comment: 'A heading `Routes …:` or `Route rules …:` and its indented lines: the ip command, the routes as iproute2 prints them, notes, removals and the routes not added.',
      begin: R`^((?:Routes|Route rules)[\t ].*:)$`,
      while: R`^(?=[\t ]{2})`,
      beginCaptures: { 1: { name: `markup.heading.routes.${PV}` } },
      patterns: [
        {
          begin: R`^[\t ]++(\$)(?=[\t ])`,
          end: '$',
          beginCaptures: { 1: { name: `punctuation.definition.prompt.${PV}` } },
          name: `meta.prompt.${PV}`,
          patterns: [{ include: `${INJECTION}#ip-invocation` }],
        },
        {
          match: R`^[\t ]++(not added|none)(:)(.*?)(?:[\t ]++(—)[\t ]++(?:(${RULE_ID})(:)[\t ]++)?+(.*))?+$`,
          captures: {
            1: { name: `markup.deleted.not-added.${PV}` },
            3: { patterns: [ADDRESSES] },
            5: { name: `constant.other.rule-id.${PV}` },
            7: { patterns: [ADDRESSES] },
          },
        },
        {
          match: R`^[\t ]++(removes|known when it runs|known on the node)(:)(.*)$`,
          captures: { 1: { name: `keyword.other.${PV}` }, 3: { patterns: [ADDRESSES] } },
        },
        { match: R`^[\t ]++(\(.*\))$`, captures: { 1: { name: `comment.line.note.${PV}` } } },
        {
          begin: R`^[\t ]++(?=\S)`,
          end: '$',
          name: `meta.route.${PV}`,
          patterns: [{ include: `${INJECTION}#ip-route-argument` }],
        },
      ],
    },
    'problems-heading': {
      match: R`^(Problems in this [A-Za-z]++)(?:[\t ]++(\()([0-9]++)(\)))?(:)(?:[\t ]++(none))?$`,
      captures: {
        1: { name: `markup.heading.problems.${PV}` },
        3: { name: `constant.numeric.count.${PV}` },
        6: { name: `markup.inserted.none.${PV}` },
      },
    },
    finding: {
      comment: 'A finding: `  29:24 warning unit-exec-shell <message>`.',
      match: R`^[\t ]++${FINDING}[\t ]++(.*)$`,
      captures: { ...findingCaptures(1), 7: { name: `meta.message.${PV}`, patterns: [ADDRESSES] } },
    },
    elsewhere: {
      begin: R`^(Elsewhere in the file)(:)`,
      end: '$',
      beginCaptures: { 1: { name: `markup.heading.problems.${PV}` } },
      patterns: [{ match: FINDING, captures: findingCaptures(1) }],
    },
    'parse-error': {
      match: R`^(Document [0-9]++ \(line [0-9]++\))[\t ]++(does not parse:.*)$`,
      captures: { 1: { name: `markup.heading.document.${PV}` }, 2: { name: `invalid.illegal.parse-error.${PV}` } },
    },
    'config-list': {
      comment: 'The pool preview\'s MachineConfigs in merge order: `  1. <name> (<file>:<line>), role <role>`.',
      patterns: [
        { match: R`^MachineConfigs, in merge order:$`, name: `markup.heading.configs.${PV}` },
        {
          match: R`^[\t ]++([0-9]++\.)[\t ]++(\S++)`,
          captures: { 1: { name: `markup.list.numbered.${PV}` }, 2: { name: `entity.name.document.${PV}` } },
        },
      ],
    },
    notice: {
      patterns: [
        { include: '#delimiter' },
        { match: R`^(?:${NOTICES.join('|')}).*$`, name: `comment.line.notice.${PV}` },
        { match: R`^Document [0-9]++ \(line [0-9]++\) is an? .*$`, name: `comment.line.notice.${PV}` },
        { match: R`^\(.*\)$`, name: `comment.line.note.${PV}` },
      ],
    },
  },
};

const outputs = [[OUT, grammar], [PREVIEW_OUT, previewGrammar]];
if (process.argv.includes('--check')) {
  let stale = false;
  for (const [file, content] of outputs) {
    const text = JSON.stringify(content, null, 2) + '\n';
    const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (current !== text) {
      console.error(`${path.relative(root, file)} is not what scripts/build-grammar.mjs writes: run \`node scripts/build-grammar.mjs\``);
      stale = true;
    } else {
      console.log(`${path.relative(root, file)} is up to date`);
    }
  }
  if (stale) process.exit(1);
} else {
  for (const [file, content] of outputs) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(content, null, 2) + '\n');
    console.log(`wrote ${path.relative(root, file)}`);
  }
}
