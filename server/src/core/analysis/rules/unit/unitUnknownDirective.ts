import { replaceVerbatimEdit } from '../../../text/edits';
import type { UnitText } from '../../../kinds/machineconfig/model';
import { closestWord } from '../../../text/suggest';
import { SECTION_DIRECTIVES, SECTIONS_BY_TYPE, unitTypeOf } from '../../../formats/systemdDirectives';
import { stringValue } from '../../../text/yamlDocuments';
import type { Finding, Rule } from '../rule';

/**
 * A section or directive systemd does not know is ignored with a line in the journal, so
 * a typo (`ExecStar=`, `Wantedby=`) silently drops the setting (systemd.unit(5)). Sections
 * are judged by the unit type (a [Timer] in a .service is ignored too); `X-` names are
 * the user's own. A rename to the closest known name is offered, not applied blindly.
 */
export const unitUnknownDirective: Rule = {
  id: 'unit-unknown-directive',
  check({ text, ignition: mc, report }) {
    if (!mc) return;
    for (const unit of mc.units) {
      const type = unitTypeOf(stringValue(unit.name));
      const allowed = type ? SECTIONS_BY_TYPE[type] : Object.keys(SECTION_DIRECTIVES);
      const texts = [unit.contents, ...unit.dropins.map((d) => d.contents)].filter((t): t is UnitText => t !== undefined);
      for (const unitText of texts) checkText(text, unitText, allowed, type, report);
    }
  },
};

function checkText(text: string, unit: UnitText, allowed: readonly string[], type: string | undefined, report: (f: Finding) => void): void {
  for (const section of unit.file.sections) {
    const name = section.name;
    if (name.startsWith('X-')) continue;
    if (!allowed.includes(name)) {
      const known = name in SECTION_DIRECTIVES;
      const suggestion = known ? undefined : closestWord(name, allowed);
      report({
        severity: 'warning',
        message: known
          ? `A [${name}] section belongs in a .${name.toLowerCase()} unit; systemd ignores it in a .${type} unit.`
          : `systemd knows no [${name}] section and ignores everything in it${suggestion ? `; did you mean [${suggestion}]?` : '.'}`,
        range: section.header.rangeOf(),
        data: { section: name, ...(suggestion ? { suggestion } : {}) },
        ...fixFor(text, section.header.slice(1, 1 + name.length), suggestion, `[${suggestion}]`),
      });
      continue;
    }
    const directives = SECTION_DIRECTIVES[name];
    for (const directive of section.directives) {
      const key = directive.key.value;
      if (key.startsWith('X-') || directives.has(key)) continue;
      const suggestion = closestWord(key, directives);
      const elsewhere = suggestion ? undefined : Object.keys(SECTION_DIRECTIVES).find((s) => s !== name && allowed.includes(s) && SECTION_DIRECTIVES[s].has(key));
      report({
        severity: 'warning',
        message: `systemd knows no ${key}= in [${name}] and ignores the line` +
          (suggestion ? `; did you mean ${suggestion}=?` : elsewhere ? `; it belongs in [${elsewhere}].` : '.'),
        range: directive.key.rangeOf(),
        data: { section: name, key, ...(suggestion ? { suggestion } : {}) },
        ...fixFor(text, directive.key, suggestion, `${suggestion}=`),
      });
    }
  }
}

function fixFor(text: string, word: Parameters<typeof replaceVerbatimEdit>[1], suggestion: string | undefined, title: string): Pick<Finding, 'fixes'> {
  if (!suggestion) return {};
  const edit = replaceVerbatimEdit(text, word, suggestion);
  return edit ? { fixes: [{ title: `Change to ${title}`, edits: [edit], safe: false }] } : {};
}
